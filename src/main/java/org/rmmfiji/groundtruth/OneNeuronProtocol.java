package org.rmmfiji.groundtruth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a one-neuron dataset is made: a model neuron, settled at rest without current, then driven segment by
 * segment by an Ornstein–Uhlenbeck current (one seed per segment). The model is integrated at
 * {@link NamedDatasets#DT_SIM} and sampled every {@code dtMs}; the current is held over each sampling interval,
 * as the discrete-time model sees it. Recording columns {@code V_mV}, {@code I_nA}; truth columns from the model.
 */
final class OneNeuronProtocol {
    /** One segment's drive: OU with time constant τ and stationary std σ, mean ramping linearly (constant if equal). */
    static final class Drive {
        final double durationMs, meanFromNa, meanToNa, tauMs, sigmaNa;
        final long seed;

        Drive(double durationMs, double meanFromNa, double meanToNa, double tauMs, double sigmaNa, long seed) {
            this.durationMs = durationMs;
            this.meanFromNa = meanFromNa;
            this.meanToNa = meanToNa;
            this.tauMs = tauMs;
            this.sigmaNa = sigmaNa;
            this.seed = seed;
        }
    }

    final Supplier<SingleNeuron> model;
    final double dtMs, settleMs;
    final List<Drive> segments;

    OneNeuronProtocol(Supplier<SingleNeuron> model, double dtMs, double settleMs, Drive... segments) {
        this.model = model;
        this.dtMs = dtMs;
        this.settleMs = settleMs;
        this.segments = List.of(segments);
    }

    /** All segments, their durations scaled by {@code scale}; each starts from a freshly settled neuron. */
    NamedDatasets.Tables simulate(double scale) {
        NamedDatasets.Tables t = new NamedDatasets.Tables();
        t.dt = dtMs;
        t.names = List.of("V_mV", "I_nA");
        t.truthNames = model.get().truthNames();
        for (Drive d : segments) segment(t, d, scale);
        return t;
    }

    private void segment(NamedDatasets.Tables t, Drive d, double scale) {
        int n = (int) Math.round(d.durationMs * scale / dtMs);
        int nt = t.truthNames.size();
        double[] v = new double[n], i = new double[n];
        double[][] truth = new double[nt][n];
        drive(settled(0), d, n, 1.0, v, i, truth);
        t.segments.add(List.of(v, i));
        List<double[]> cols = new ArrayList<>();
        for (double[] c : truth) cols.add(c);
        t.truthSegments.add(cols);
    }

    /** A fresh neuron settled for {@code settleMs} under a constant current (0 nA: at rest, as every segment starts). */
    SingleNeuron settled(double iNa) {
        SingleNeuron cell = model.get();
        int settle = (int) Math.round(settleMs / NamedDatasets.DT_SIM);
        for (int k = 0; k < settle; k++) cell.step(iNa, NamedDatasets.DT_SIM);
        return cell;
    }

    /**
     * Drives {@code cell} through the first {@code n} samples of {@code d}, the OU current multiplied by {@code gain}
     * (1 for the dataset itself); records the voltage, current and truth before each sample's steps into the arrays
     * given (any may be null).
     */
    void drive(SingleNeuron cell, Drive d, int n, double gain, double[] v, double[] i, double[][] truth) {
        int sub = (int) Math.round(dtMs / NamedDatasets.DT_SIM);
        double[] drive = OrnsteinUhlenbeck.ramp(n, dtMs, d.tauMs, d.sigmaNa, d.meanFromNa, d.meanToNa, d.seed);
        double[] now = truth == null ? null : new double[truth.length];
        for (int k = 0; k < n; k++) {
            double u = drive[k] * gain;
            if (v != null) v[k] = cell.voltage();
            if (i != null) i[k] = u;
            if (truth != null) {
                cell.truth(now);
                for (int c = 0; c < now.length; c++) truth[c][k] = now[c];
            }
            for (int s = 0; s < sub; s++) cell.step(u, NamedDatasets.DT_SIM);
        }
    }
}
