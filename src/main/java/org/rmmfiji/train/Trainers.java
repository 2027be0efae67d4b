package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.rmmfiji.data.InvalidInputException;

/**
 * The registry of trainers, so every front end (the Fit dialog, the launcher's help, the model builder) lists
 * them from one place. A pipeline is written with {@code +}: {@code teacher-forcing+multiple-shooting} warm-starts
 * with teacher forcing and fine-tunes the best snapshot with multiple shooting.
 */
public final class Trainers {
    private Trainers() {}

    /** One registered trainer: key, human name, one-line description, and how to build it. */
    public static final class Entry {
        public final String id;
        public final String name;
        public final String description;
        private final Supplier<Trainer> factory;

        Entry(String id, String name, String description, Supplier<Trainer> factory) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.factory = factory;
        }

        public Trainer build() { return factory.get(); }
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        register(new Entry(TeacherForcingTrainer.ID, "Teacher forcing",
                "regress dv/dt on the recorded voltage and its filter states (open loop, fast; epochs)", TeacherForcingTrainer::new));
        register(new Entry(ClosedLoopTrainer.MULTIPLE_SHOOTING, "Multiple shooting",
                "free-run shots (shot_ms) with trainable initial states and continuity penalties rho_v, rho_x (closed_loop_epochs)",
                ClosedLoopTrainer::multipleShooting));
        register(new Entry(ClosedLoopTrainer.GTF, "Generalized teacher forcing",
                "free-run shots pulled toward the data by gamma (scheduled to gamma_final) (closed_loop_epochs)",
                ClosedLoopTrainer::generalizedTeacherForcing));
    }

    private static void register(Entry e) { REGISTRY.put(e.id, e); }

    public static List<Entry> entries() { return new ArrayList<>(REGISTRY.values()); }

    public static List<String> ids() { return new ArrayList<>(REGISTRY.keySet()); }

    /** The stages of a pipeline such as {@code teacher-forcing+multiple-shooting}; refuses unknown names. */
    public static List<Trainer> pipeline(String spec) {
        if (spec == null || spec.isBlank()) throw new InvalidInputException("trainer is empty; the trainers are " + String.join(", ", ids()));
        List<Trainer> out = new ArrayList<>();
        for (String part : spec.split("\\+")) {
            Entry e = REGISTRY.get(part.trim());
            if (e == null)
                throw new InvalidInputException("unknown trainer '" + part.trim() + "' in trainer=" + spec + "; the trainers are "
                        + String.join(", ", ids()) + ", joined with + for a pipeline (e.g. teacher-forcing+multiple-shooting)");
            out.add(e.build());
        }
        return out;
    }

    /** True when the pipeline has a closed-loop stage. */
    public static boolean closedLoop(List<Trainer> stages) {
        for (Trainer t : stages) if (t instanceof ClosedLoopTrainer) return true;
        return false;
    }
}
