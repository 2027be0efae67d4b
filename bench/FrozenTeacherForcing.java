import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.Recording;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Presets;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TeacherForcingTrainer;
import org.rmmfiji.train.TrainingData;
import org.rmmfiji.train.TrainingSettings;

/**
 * The benchmark's frozen engine: teacher forcing of the LP–PD model as the project's engine of 2026-11-26 ran it
 * (the revision the benchmark names), on the data and with the recipe the benchmark gives this engine. It is not part
 * of the build: the benchmark compiles it against that revision's classes, whose API it uses, and runs it in its own
 * JVM. Arguments: pd-lp CSV, training fraction, validation fraction, epochs, thread counts. Prints one line per
 * thread count: "frozen, N threads: RATE sample-epochs/s (median epoch after the first), final epoch loss LOSS".
 */
public final class FrozenTeacherForcing {
    public static void main(String[] args) throws Exception {
        Recording rec = CsvRecordings.read(Paths.get(args[0]));
        double train = Double.parseDouble(args[1]), validation = Double.parseDouble(args[2]);
        int epochs = Integer.parseInt(args[3]);
        for (int a = 4; a < args.length; a++) {
            int threads = Integer.parseInt(args[a]);
            Network net = new Network(Presets.get(Presets.LP_PD).build(List.of("LP"), List.of("PD")), rec.dt());
            net.initialise(new Rng(1));
            TrainingData td = new TrainingData(Dataset.byFraction(rec, train, validation),
                    ChannelMap.bind(rec, net, List.of("V_LP", "V_PD"), List.of("I_LP")));
            TrainingSettings s = new TrainingSettings();       // the lp-pd recipe, as that revision's benchmark set it
            s.epochs = epochs;
            s.batch_size = 38_400;
            s.learning_rate = 3e-3;
            s.beta2 = 0.9;
            s.l2 = 1.5e-3;
            s.snapshot_every = Integer.MAX_VALUE;
            s.threads = threads;
            History h = new TeacherForcingTrainer().train(net, td, s, ProgressListener.NONE, new CancelToken());
            List<Double> perEpoch = new ArrayList<>();      // the first epoch warms the JIT up
            for (int e = 1; e < h.epoch_seconds.size(); e++) perEpoch.add(h.epoch_seconds.get(e) - h.epoch_seconds.get(e - 1));
            Collections.sort(perEpoch);
            double median = perEpoch.get(perEpoch.size() / 2);
            System.out.println(String.format(Locale.ROOT, "frozen, %d threads: %.0f sample-epochs/s, final epoch loss %.6g",
                    threads, h.samples / median, h.epoch_loss.get(h.epoch_loss.size() - 1)));
        }
    }
}
