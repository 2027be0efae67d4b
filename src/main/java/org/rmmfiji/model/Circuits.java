package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Circuits of neurons coupled by conductance-based synapses: the synapse every circuit preset uses, the presets
 * {@code lp-pd-syncond} and {@code circuit-syncond}, and {@link #connect}, which gives any spec the synapses of a
 * {@link Connectivity}.
 */
public final class Circuits {
    private Circuits() {}

    /** Where a learned synaptic reversal starts (and is weakly pulled back to) when nothing is known about the synapse. */
    public static final double NEUTRAL_REVERSAL_MV = -50;

    /** Initial total ḡ of a synapse (µS): 50 nS, the order of STG graded synapses, spread over its components. */
    public static final double INITIAL_CONDUCTANCE_US = 0.05;

    /** Hidden sigmoid units of a synapse's activation net (the authors' mechanistic HCO synapse). */
    public static final int GATE_UNITS = 20;

    /**
     * The presynaptic bank of the authors' mechanistic HCO synapse: diagonal filters (positive impulse responses,
     * so a gate monotone in the states is monotone in the voltage history), τ 0.2–1.6 ms by 0.2, 2–16 ms by 2 and
     * 20–90 ms by 10: 24 states from spike-locked release to slow graded transmission.
     */
    public static double[] synapseTau() {
        double[] t = new double[24];
        for (int i = 0; i < 8; i++) {
            t[i] = 0.2 * (i + 1);
            t[8 + i] = 2.0 * (i + 1);
            t[16 + i] = 20.0 + 10.0 * i;
        }
        return t;
    }

    /** A conductance-based synapse pre → post of K components, each with its reversal learned from the neutral start. */
    public static EdgeSpec synapse(String pre, String post, int components) {
        double[] e = new double[components];
        java.util.Arrays.fill(e, NEUTRAL_REVERSAL_MV);
        CurrentSpec c = CurrentSpec.synaptic("synapse", null, GATE_UNITS, INITIAL_CONDUCTANCE_US, e, true);
        return new EdgeSpec(post, pre, FilterBankSpec.diagonal(synapseTau()), List.of(c));
    }

    /**
     * Makes the spec's synapses those of {@code c}: an edge between two different cells that the connectivity does
     * not list is removed, and a listed pair without an edge gets a one-component {@link #synapse}. Intrinsic edges
     * and synapses already present for a listed pair are kept as they are.
     */
    public static void connect(ModelSpec spec, Connectivity c) {
        List<EdgeSpec> kept = new ArrayList<>();
        for (EdgeSpec e : spec.edges) if (e.intrinsic() || c.has(e.pre, e.post)) kept.add(e);
        for (Connectivity.Pair p : c.pairs()) {
            boolean present = false;
            for (EdgeSpec e : kept) present |= e.pre.equals(p.pre()) && e.post.equals(p.post());
            if (!present) kept.add(synapse(p.pre(), p.post(), 1));
        }
        spec.edges = kept;
    }

    /** The sparsity weight of every synaptic current of the spec (see {@link CurrentSpec}). */
    public static void setSparsity(ModelSpec spec, double weight) {
        for (EdgeSpec e : spec.edges) for (CurrentSpec cs : e.currents) if ("synaptic".equals(cs.type)) cs.sparsity = weight;
    }

    /** A neuron's intrinsic edge in the circuit presets: the authors' LP architecture, leak reversal from the recording. */
    static EdgeSpec intrinsic(String neuron) {
        CurrentSpec lumped = CurrentSpec.lumped("intrinsic", null, new int[] {10, 10, 10, 1}, Presets.TANH3);
        return new EdgeSpec(neuron, neuron, FilterBankSpec.gobf(Presets.lpTau()), List.of(lumped, CurrentSpec.leakFromData(0.3)));
    }

    /**
     * The training defaults of the conductance-based synapse presets: the authors' LP–PD values, trained by multiple
     * shooting from the start. Measured on pd-lp: under teacher forcing the intrinsic current, which sees LP's own voltage
     * history, explains the inhibition and the synapse shrinks to nothing (ḡ 6.5 nS, the reversals stuck at −50 mV, current
     * RMS 0.4 pA against 0.38 nA); ten shooting epochs from the same start found reversals of −89 and −70 mV and a current of
     * cosine 0.92 with the truth: in a free-running shot only the presynaptic voltage can time the inhibition.
     */
    static Preset.Defaults defaults(Preset.Defaults lpPd) {
        lpPd.trainer = "multiple-shooting";
        lpPd.closed_loop_epochs = 100;
        return lpPd;
    }

    /** {@code lp-pd-syncond}: LP's intrinsic edge and a two-component conductance-based PD → LP synapse. */
    static ModelSpec lpPdSyncond(List<String> neurons, List<String> inputs) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(neurons);
        s.inputs = new ArrayList<>(inputs);
        s.edges.add(intrinsic(neurons.get(0)));
        s.edges.add(synapse(inputs.get(0), neurons.get(0), 2));
        return s;
    }

    /** {@code circuit-syncond}: every neuron's intrinsic edge and a one-component synapse between every ordered pair. */
    static ModelSpec circuit(List<String> neurons, List<String> inputs) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(neurons);
        s.inputs = new ArrayList<>(inputs);
        for (String n : neurons) s.edges.add(intrinsic(n));
        connect(s, Connectivity.allToAll(neurons, inputs));
        return s;
    }
}
