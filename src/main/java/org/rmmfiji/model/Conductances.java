package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The conductance-based presets, after the authors' HH and PD scripts: named gated currents (ḡ m h (v − E)) beside a
 * leak, so a fit says which currents the cell uses. The only physical constants they carry are textbook reversal
 * potentials (E_Na, E_K, E_H, E_Ca), which a user changes in a spec file; the leak's reversal comes from the recording.
 */
final class Conductances {
    private Conductances() {}

    static final double E_NA_MV = 55, E_K_MV = -77, E_K_SLOW_MV = -80, E_CA_MV = 120, E_H_MV = -10;

    /** The HH grid split as the authors split it: fast states 0–3 (τ 0.1–0.7 ms), slow states 4–7 (τ 1–7 ms). */
    static final int[] HH_FAST = {0, 1, 2, 3}, HH_SLOW = {4, 5, 6, 7};

    /**
     * hh-conductance: transient Na (activation on the fast states, inactivation on the slow ones, ḡ 100 µS), delayed
     * rectifier K (activation on the slow states, ḡ 60 µS), both with ḡ and E fixed as the authors' HH script; the gate
     * nets' readouts are not penalised (their weights (1, 0)); a leak with E from the training voltage.
     */
    static ModelSpec hh(List<String> neurons, List<String> inputs) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(neurons);
        String n = neurons.get(0);
        int[] units = {20, 1};
        CurrentSpec na = CurrentSpec.gated("Na", HH_FAST, new double[] {-85, 30}, HH_SLOW, new double[] {-90, -40}, units, 100, E_NA_MV);
        CurrentSpec k = CurrentSpec.gated("K", HH_SLOW, new double[] {-100, 35}, null, null, units, 60, E_K_MV);
        for (CurrentSpec c : List.of(na, k)) c.layer_reg_weights = new double[] {1.0, 0.0};
        s.edges.add(new EdgeSpec(n, n, FilterBankSpec.diagonal(Presets.hhTau()), List.of(na, k, CurrentSpec.leakFromData(1.0))));
        return s;
    }

    /** The PD grid τ_i = 0.5·1.26^i ms, i = 0…31 (0.5–646 ms). */
    static double[] pdTau() { return FilterBankSpec.geometric(0.5, 1.26, 0, 32); }

    /**
     * The authors' mixed PD bank: the 32 τ as diagonal filters (states 0–31), then GOBF cascades on τ 0–13 (states
     * 32–45), τ 6–27 (46–67) and τ 20–27 (68–75).
     */
    static FilterBankSpec pdBank() {
        double[] t = pdTau();
        return new FilterBankSpec(List.of(new FilterBankSpec.BlockSpec("diagonal", t),
                new FilterBankSpec.BlockSpec("gobf", java.util.Arrays.copyOfRange(t, 0, 14)),
                new FilterBankSpec.BlockSpec("gobf", java.util.Arrays.copyOfRange(t, 6, 28)),
                new FilterBankSpec.BlockSpec("gobf", java.util.Arrays.copyOfRange(t, 20, 28))));
    }

    static int[] range(int from, int toExclusive) {
        int[] r = new int[toExclusive - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    /**
     * pd-conductance, the authors' PD model (PNAS Fig. 4): a lumped fast current on v and the first GOBF block (their
     * "Na + Kd + A"; layer penalties 10, 10, 750), transient K (GOBF activation, GOBF inactivation, ḡ 10 µS, E fixed),
     * transient Ca (diagonal τ 2–40 ms activation, τ 51–256 ms inactivation, ḡ 1 µS, E learned from +120 ± 10 mV with a
     * prior), an H current opening on hyperpolarisation (diagonal τ 128–646 ms, E learned from −10 ± 10 mV) and a leak
     * (g 0.3 µS, E −50 mV, both learned, no prior). Every gated current has K = 10 sub-conductances and unpenalised readouts.
     */
    static ModelSpec pd(List<String> neurons, List<String> inputs) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(neurons);
        String n = neurons.get(0);
        int[] units = {20, 10};
        double[] unpenalisedReadout = {1.0, 0.0};
        int[] lumpedStates = range(32, 46);
        CurrentSpec fast = CurrentSpec.lumped("fast", lumpedStates, new int[] {20, 10, 1}, Presets.TANH2);
        fast.layer_reg_weights = new double[] {10, 10, 750};
        CurrentSpec k = CurrentSpec.gated("K", range(46, 68), new double[] {-80, -20}, range(68, 76), new double[] {-80, -30}, units, 10, E_K_SLOW_MV);
        CurrentSpec ca = CurrentSpec.gated("Ca", range(6, 20), new double[] {-80, -20}, range(20, 28), new double[] {-80, -30}, units, 1, E_CA_MV);
        ca.train_e = true;
        ca.reg_e = true;
        ca.reversal_spread_mV = 10;
        CurrentSpec h = CurrentSpec.gated("H", range(24, 32), new double[] {-80, -30}, null, null, units, 1, E_H_MV);
        h.activation_opens_on = GatedCurrent.OPENS_ON_HYPERPOLARISATION;
        h.train_e = true;
        h.reg_e = true;
        h.reversal_spread_mV = 10;
        for (CurrentSpec c : List.of(k, ca, h)) c.layer_reg_weights = unpenalisedReadout;
        CurrentSpec leak = CurrentSpec.leak(0.3, -50.0, true, false);
        s.edges.add(new EdgeSpec(n, n, pdBank(), List.of(fast, k, ca, h, leak)));
        return s;
    }

    /** The authors' PD script: teacher forcing only, 250 epochs, Adam(1e-3, (0.9, 0.9975)), ρ 7.5e-5; validation threshold 5 mV, smoothing 100 ms. */
    static Preset.Defaults pdDefaults() {
        Preset.Defaults d = new Preset.Defaults();
        d.trainer = "teacher-forcing";
        d.epochs = 250;
        d.learning_rate = 1e-3;
        d.beta2 = 0.9975;
        d.l2 = 7.5e-5;
        d.snapshot_every = 5;
        d.band_order = 6;
        d.threshold_mV = 5.0;
        d.smoothing_ms = 100;
        d.spike_threshold_mV = -20;
        return d;
    }
}
