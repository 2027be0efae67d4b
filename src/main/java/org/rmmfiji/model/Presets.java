package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmmfiji.data.InvalidInputException;

/**
 * The registry of presets. Ids are fixed: {@code neuron-lumped} (the generic one-neuron default),
 * {@code hh-lumped} (the authors' HH architecture), {@code lp-pd}, the circuits {@code lp-pd-syncond} and
 * {@code circuit-syncond}, and the conductance-based {@code hh-conductance} and {@code pd-conductance}.
 */
public final class Presets {
    private Presets() {}

    /** The generic one-neuron preset: the default of a fit and of the one-neuron named datasets. */
    public static final String NEURON_LUMPED = "neuron-lumped";
    public static final String HH_LUMPED = "hh-lumped";
    public static final String LP_PD = "lp-pd";
    /** LP with PD measured, the PD→LP coupling as conductance-based synapses (two components, E learned). */
    public static final String LP_PD_SYNCOND = "lp-pd-syncond";
    /** Every recorded neuron modelled, conductance-based synapses between every ordered pair (all-to-all). */
    public static final String CIRCUIT_SYNCOND = "circuit-syncond";
    /** One neuron, the authors' HH conductance model: transient Na and delayed-rectifier K gated currents and a leak. */
    public static final String HH_CONDUCTANCE = "hh-conductance";
    /** One neuron, the authors' PD model: a lumped fast current, K, Ca and H gated currents, a leak, on their mixed bank. */
    public static final String PD_CONDUCTANCE = "pd-conductance";

    private static final Map<String, Preset> REGISTRY = new LinkedHashMap<>();

    static {
        register(new Preset(NEURON_LUMPED, NeuronLumped.DESCRIPTION, 1, 0, NeuronLumped::spec, NeuronLumped.defaults()));
        register(new Preset(HH_LUMPED,
                "One neuron, lumped MLP (10,10,1) on v and 8 diagonal filter states (τ 0.1–7 ms, the authors' HH grid), leak with E_L fixed at −54.4 mV",
                1, 0, Presets::hhLumped, hhDefaults()));
        register(new Preset(LP_PD,
                "The authors' LP–PD model: LP intrinsic lumped MLP (10,10,10,1) on v and 36 GOBF states (τ 0.05·1.3^i ms), PD→LP lumped synapse (10,10,1) on 16 GOBF states (i = 14…29), leak",
                1, 1, Presets::lpPd, lpPdDefaults()));
        register(new Preset(LP_PD_SYNCOND,
                "LP with PD measured: LP's intrinsic edge as lp-pd (GOBF, leak E from the recording), PD→LP conductance-based synapse of two components "
                        + "(ḡ_k s_k(x)(v − E_k), monotone gates on 24 diagonal PD states τ 0.2–90 ms, E_k learned from −50 mV)",
                1, 1, Circuits::lpPdSyncond, Circuits.defaults(lpPdDefaults())));
        register(new Preset(CIRCUIT_SYNCOND,
                "Any number of modelled neurons (and measured inputs): each neuron's intrinsic edge as lp-pd's LP, and a one-component "
                        + "conductance-based synapse between every ordered pair (all-to-all; set connectivity to choose)",
                Preset.ANY, Preset.ANY, Circuits::circuit, Circuits.defaults(lpPdDefaults())));
        register(new Preset(HH_CONDUCTANCE,
                "One neuron, conductance-based as the authors' HH model: transient Na (ḡ 100 µS, E 55 mV; activation on τ 0.1–0.7 ms, "
                        + "inactivation on τ 1–7 ms diagonal states), delayed-rectifier K (ḡ 60 µS, E −77 mV; activation on τ 1–7 ms), gates (20, 1), leak E from the recording",
                1, 0, Conductances::hh, hhDefaults()));
        register(new Preset(PD_CONDUCTANCE,
                "One neuron, conductance-based as the authors' PD model: lumped fast current (20,10,1) and K, Ca, H gated currents "
                        + "(K = 10 sub-conductances each) and a leak on 76 states (32 diagonal + 3 GOBF blocks, τ 0.5–646 ms)",
                1, 0, Conductances::pd, Conductances.pdDefaults()));
    }

    private static void register(Preset p) { REGISTRY.put(p.id(), p); }

    public static Preset get(String id) {
        Preset p = REGISTRY.get(id);
        if (p == null) throw new InvalidInputException("unknown preset '" + id + "'; the presets are " + ids());
        return p;
    }

    public static List<String> ids() { return new ArrayList<>(REGISTRY.keySet()); }

    static final String[] TANH3 = {"tanh", "tanh", "tanh", "identity"};
    static final String[] TANH2 = {"tanh", "tanh", "identity"};

    /** The τ grid of the HH example: fast 0.1–0.7 ms, slow 1–7 ms, diagonal filters. */
    public static double[] hhTau() { return new double[] {0.1, 0.3, 0.5, 0.7, 1, 3, 5, 7}; }

    /** The generic one-neuron grid of neuron-lumped: 0.1·2^i ms, i = 0…10 (0.1–102 ms), diagonal filters. */
    public static double[] neuronTau() { return NeuronLumped.tau(); }

    /** LP intrinsic grid: 0.05·1.3^i ms, i = 0…35. */
    public static double[] lpTau() { return FilterBankSpec.geometric(0.05, 1.3, 0, 36); }

    /** PD→LP synaptic grid: 0.05·1.3^i ms, i = 14…29. */
    public static double[] synTau() { return FilterBankSpec.geometric(0.05, 1.3, 14, 16); }

    private static ModelSpec hhLumped(List<String> neurons, List<String> inputs) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(neurons);
        String n = neurons.get(0);
        CurrentSpec lumped = CurrentSpec.lumped("lumped", null, new int[] {10, 10, 1}, TANH2);
        CurrentSpec leak = CurrentSpec.leak(1.0, -54.4, false, false);
        s.edges.add(new EdgeSpec(n, n, FilterBankSpec.diagonal(hhTau()), List.of(lumped, leak)));
        return s;
    }

    private static Preset.Defaults hhDefaults() {
        Preset.Defaults d = new Preset.Defaults();
        // The authors: 200 epochs, Adam 1e-3, batches of 38,400 on ≈4 M samples. The hh dataset has 1.2 M, so
        // more, smaller steps reach the same place: measured on hh, Γ 0.83 after 40 epochs at these values.
        d.epochs = 100;
        d.batch_size = 9_600;
        d.learning_rate = 3e-3;
        d.beta2 = 0.999;
        d.l2 = 1e-6;
        d.snapshot_every = 5;
        d.band_order = 3;
        d.smoothing_ms = 2.5;
        d.spike_threshold_mV = 0;
        d.train_fraction = 0.75;
        d.validation_fraction = 0.25;
        return d;
    }

    private static ModelSpec lpPd(List<String> neurons, List<String> inputs) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(neurons);
        s.inputs = new ArrayList<>(inputs);
        String lp = neurons.get(0), pd = inputs.get(0);
        CurrentSpec intrinsic = CurrentSpec.lumped("intrinsic", null, new int[] {10, 10, 10, 1}, TANH3);
        CurrentSpec leak = CurrentSpec.leak(0.3, -50.0, true, true);
        s.edges.add(new EdgeSpec(lp, lp, FilterBankSpec.gobf(lpTau()), List.of(intrinsic, leak)));
        CurrentSpec syn = CurrentSpec.lumped("synapse", null, new int[] {10, 10, 1}, TANH2);
        s.edges.add(new EdgeSpec(lp, pd, FilterBankSpec.gobf(synTau()), List.of(syn)));
        return s;
    }

    private static Preset.Defaults lpPdDefaults() {
        Preset.Defaults d = new Preset.Defaults();
        // The authors run 500 teacher-forcing epochs, then 500 of multiple shooting from the best snapshot. Under
        // teacher forcing alone this model does not run freely on pd-lp (its free runs drift or stop spiking); shooting
        // is what makes it run. Started from teacher forcing's best snapshot (60 + 100 epochs) it reached test scores of
        // 0.79, 0.56 and 0.44 on seeds 1-3, its validation score swinging between 0.2 and 0.9 from one snapshot to the
        // next; from a fresh initialisation it settled within 15 epochs and, with 150, reached 0.85, 0.82 and 0.81 in
        // about the time of the pipeline's shooting stage alone (PdLpFitIT). So shooting alone is the default; 100
        // teacher-forcing epochs remain for trainer="teacher-forcing" or a pipeline.
        d.trainer = "multiple-shooting";
        d.epochs = 100;
        d.closed_loop_epochs = 150;
        d.learning_rate = 3e-3;
        d.beta2 = 0.9;
        d.l2 = 1.5e-3;
        d.snapshot_every = 5;
        d.band_order = 6;
        d.threshold_mV = 2.0;
        d.smoothing_ms = 20;
        d.spike_threshold_mV = -20;
        d.train_fraction = 0.9;
        d.validation_fraction = 0.1;
        return d;
    }
}
