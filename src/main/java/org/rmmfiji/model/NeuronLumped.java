package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The generic one-neuron preset {@code neuron-lumped}: a statement about neurons in general, not about one model
 * cell. Nothing in it comes from a ground-truth model or a unit system: the leak reversal is learned, starts at the
 * median training voltage and is pulled weakly toward it; 1/C starts at the recording's estimate
 * ({@code train.CapacitanceEstimate}); input normalisation comes from the training data.
 */
final class NeuronLumped {
    private NeuronLumped() {}

    static final String DESCRIPTION = "One neuron, lumped MLP (10,10,1) on v and 11 diagonal filter states (τ 0.1·2^i ms, 0.1–102 ms), "
            + "leak with E_L learned from the recording (starts at the median training voltage, weak prior), 1/C starting where the recording puts it";

    /**
     * τ = 0.1·2^i ms, i = 0…10: an octave grid from sodium activation (0.1–0.4 ms) through delayed rectifiers
     * (1–6 ms) to adaptation and slow K or Ca currents (25–100 ms). HH's own grid stops at 7 ms, which cannot
     * represent an M current or an LP cell's slow currents; the authors' 36-state grid to 486 ms costs 3× the time
     * per epoch and drops 2.2 s of every segment as filter transient (here 0.47 s).
     */
    static double[] tau() { return FilterBankSpec.geometric(0.1, 2, 0, 11); }

    static ModelSpec spec(List<String> neurons, List<String> inputs) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(neurons);
        String n = neurons.get(0);
        CurrentSpec lumped = CurrentSpec.lumped("lumped", null, new int[] {10, 10, 1}, Presets.TANH2);
        CurrentSpec leak = CurrentSpec.leakFromData(1.0);
        s.edges.add(new EdgeSpec(n, n, FilterBankSpec.diagonal(tau()), List.of(lumped, leak)));
        // cells are recorded in nA and nF as in pA and pF: where 1/C starts comes from the recording, not from a unit system
        s.inverse_capacitance_from_data = true;
        return s;
    }

    static Preset.Defaults defaults() {
        Preset.Defaults d = new Preset.Defaults();
        // hh-lumped's training values (measured on hh). 300 epochs: the fits were still improving at 60. Measured on the
        // five one-neuron families (median of seeds 1–3, free-run validation score / Γ): hh 0.84 / 0.85 at 60 epochs,
        // 0.90 / 0.90 at 150, 0.91 / 0.92 at 300; fs-interneuron 0.77 / 0.71, 0.86 / 0.77, 0.92 / 0.88. A fit of 60 s
        // at 20 kHz takes about a minute on 2 cores.
        d.epochs = 300;
        d.batch_size = 9_600;
        d.learning_rate = 3e-3;
        d.l2 = 1e-6;
        // tf_weight_scale stays unset (equal weights). With 10, the acceptance tier's medians of seeds 1–3 (free-run
        // validation score / Γ) rose on hh (0.912 / 0.919 to 0.923 / 0.926), hh-protocol2, fs-interneuron (0.918 / 0.881
        // to 0.940 / 0.903) and rs-adapting (0.958 / 0.869 to 0.975 / 0.917), but lp-alone's spike-count ratio left the
        // target range (1.06 to 1.26): a default must hold on every family.
        d.snapshot_every = 5;
        // the 2.5 ms-smoothed score alone kept a snapshot with 122 of 857 spikes (DESIGN): select on score, Γ and count together
        d.selection = "combined";
        // the score of the authors' HH example (band 20–500 Hz, order 3, no threshold, 2.5 ms smoothing): a fine one,
        // so that it does not hide spike-timing errors; spikes are counted at the general −20 mV
        d.band_order = 3;
        d.smoothing_ms = 2.5;
        return d;
    }
}
