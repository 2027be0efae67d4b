package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmmfiji.data.InvalidInputException;

/**
 * The registry of current types: the one place the Fit dialog, the model builder, spec files and the network find
 * which currents exist and how to build them. Keys are the spec's {@code type} values.
 */
public final class CurrentTypes {
    private CurrentTypes() {}

    public static final String LUMPED = "lumped";
    public static final String LEAK = "leak";
    public static final String SYNAPTIC = "synaptic";
    public static final String GATED = "gated";

    /** The potassium reversal a default gated current starts from (a textbook value; the user sets their own). */
    static final double TEXTBOOK_E_K_MV = -80;

    private static final Map<String, CurrentType> REGISTRY = new LinkedHashMap<>();

    static {
        register(new CurrentType(LUMPED, "Lumped current",
                "An MLP on the voltage and chosen filter states (tanh hidden layers, linear readout): any mix of currents, shape only",
                CurrentType.Placement.ANY,
                n -> CurrentSpec.lumped("lumped", null, new int[] {10, 10, 1}, Presets.TANH2),
                (s, bank, store, prefix) -> new LumpedCurrent(s, bank.size(), store, prefix)));
        register(new CurrentType(LEAK, "Ohmic leak", "g_L (v − E_L), g_L > 0; E_L fixed, learned, or from the training voltage",
                CurrentType.Placement.INTRINSIC,
                n -> CurrentSpec.leakFromData(0.3),
                (s, bank, store, prefix) -> new OhmicLeak(s, store, prefix)));
        register(new CurrentType(SYNAPTIC, "Conductance-based synapse",
                "Σ ḡ_k s_k(x)(v − E_k): monotone gates on the presynaptic filter states (diagonal banks), E_k fixed or learned",
                CurrentType.Placement.SYNAPTIC,
                n -> CurrentSpec.synaptic("synapse", null, Circuits.GATE_UNITS, Circuits.INITIAL_CONDUCTANCE_US, new double[] {Circuits.NEUTRAL_REVERSAL_MV}, true),
                SynapticCurrent::new));
        register(new CurrentType(GATED, "Gated (conductance-based) current",
                "Σ ḡ_k m_k(x_a) h_k(x_h)(v − E_k): activation rising (or, for an H current, falling) with the filtered voltage, "
                        + "inactivation falling; activation-only, inactivation-only or transient",
                CurrentType.Placement.ANY,
                n -> CurrentSpec.gated("K", Conductances.range(0, n), null, null, null, new int[] {20, 1}, 1.0, TEXTBOOK_E_K_MV),
                GatedCurrent::new));
    }

    private static void register(CurrentType t) { REGISTRY.put(t.key(), t); }

    public static CurrentType get(String key) {
        if (key == null) throw new InvalidInputException("a current in the spec has no type; the types are " + keys());
        CurrentType t = REGISTRY.get(key);
        if (t == null) throw new InvalidInputException("unknown current type '" + key + "'; the types are " + keys());
        return t;
    }

    public static List<String> keys() { return new ArrayList<>(REGISTRY.keySet()); }

    public static List<CurrentType> all() { return new ArrayList<>(REGISTRY.values()); }
}
