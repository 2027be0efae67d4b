package org.rmmfiji.sim;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;

/**
 * Free-run simulation of a segment, as the authors validate: filters warmed up on the measured voltages
 * (DC start, one pass over the segment, then a second pass up to the end of the transient), then the model
 * runs on its own voltages from the measured voltage at that sample, driven by the injected current and the
 * measured input voltages.
 */
public final class FreeRun {
    private FreeRun() {}

    /** What a free run produced, from sample {@code start} of the segment on. */
    public static final class Result {
        public final int start;
        /** predicted[i][k]: neuron i at segment sample start + k. */
        public final double[][] predicted;
        /** measured[i][k] for the same samples (the recorded voltage of modelled neuron i). */
        public final double[][] measured;
        /** Chosen currents along the run (nA), or null. */
        public final double[][] currents;
        /** True when the run left the plausible range (|v| > 1000 mV or not a number); the rest is NaN. */
        public final boolean diverged;

        Result(int start, double[][] predicted, double[][] measured, double[][] currents, boolean diverged) {
            this.start = start;
            this.predicted = predicted;
            this.measured = measured;
            this.currents = currents;
            this.diverged = diverged;
        }
    }

    /** The sample at which free run starts: the longest transient over the network's banks. */
    public static int transientSamples(Network net, double dumpFraction) {
        int k0 = 0;
        for (Edge e : net.edges()) k0 = Math.max(k0, e.bank().transientSamples(dumpFraction));
        return k0;
    }

    /**
     * Runs the model on a segment. {@code currentsToRecord} lists (edge, current) index pairs whose values
     * are recorded along the run (may be empty), or (edge, current, output) triples for another output of a current.
     */
    public static Result run(Network net, Segment seg, ChannelMap map, int[][] currentsToRecord, double dumpFraction) {
        return run(net, seg, map, currentsToRecord, dumpFraction, null);
    }

    /**
     * As {@link #run(Network, Segment, ChannelMap, int[][], double)}, with the modelled neurons marked in
     * {@code clamped} held at their recorded voltage, like measured inputs: one cell runs freely inside the recorded
     * circuit (the authors' cell-by-cell view of a circuit fit). A clamped neuron's "prediction" is its recording.
     */
    public static Result run(Network net, Segment seg, ChannelMap map, int[][] currentsToRecord, double dumpFraction, boolean[] clamped) {
        int k0 = transientSamples(net, dumpFraction);
        int len = seg.length();
        if (len <= k0 + 1)
            throw new InvalidInputException("segment " + seg.name() + " has " + len + " samples, fewer than the " + (k0 + 1)
                    + " the filters need to warm up (≈4.6 τ_max = " + String.format("%.1f", k0 * net.dt()) + " ms)");
        Simulator sim = new Simulator(net, 1);
        double[] p = net.parameters();
        Simulator.State s = sim.newState();
        int m = net.modelledCount(), n = net.voltageCount();
        // warm-up: two passes on measured voltages
        double[] in = new double[1];
        for (int e = 0; e < net.edges().size(); e++) {
            Edge edge = net.edges().get(e);
            int ch = map.voltage[edge.pre()];
            double[] x0 = edge.bank().warmStart(seg.backing(ch), seg.offset(), len);
            for (int k = 0; k < k0; k++) {
                in[0] = seg.get(ch, k);
                edge.bank().step(x0, 1, in);
            }
            System.arraycopy(x0, 0, s.x[e], 0, x0.length);
        }
        for (int j = 0; j < n; j++) s.v[j] = seg.get(map.voltage[j], k0);
        int steps = len - k0;
        double[][] pred = new double[m][steps];
        double[][] meas = new double[m][steps];
        int nc = currentsToRecord == null ? 0 : currentsToRecord.length;
        double[][] cur = nc == 0 ? null : new double[nc][steps];
        double[] u = new double[m];
        double[] one = new double[1];
        boolean diverged = false;
        for (int k = 0; k < steps; k++) {
            int ks = k0 + k;
            for (int j = m; j < n; j++) s.v[j] = seg.get(map.voltage[j], ks);
            if (clamped != null) for (int i = 0; i < m; i++) if (clamped[i]) s.v[i] = seg.get(map.voltage[i], ks);
            for (int i = 0; i < m; i++) {
                pred[i][k] = s.v[i];
                meas[i][k] = seg.get(map.voltage[i], ks);
                u[i] = map.current[i] >= 0 ? seg.get(map.current[i], ks) : 0.0;
                double vi = s.v[i];
                if (!(Math.abs(vi) <= 1000.0)) diverged = true;
            }
            if (diverged) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(pred[i], k, steps, Double.NaN);
                    for (int kk = k; kk < steps; kk++) meas[i][kk] = seg.get(map.voltage[i], k0 + kk);
                }
                if (cur != null) for (double[] c : cur) java.util.Arrays.fill(c, k, steps, Double.NaN);
                break;
            }
            for (int c = 0; c < nc; c++) {
                int[] rec = currentsToRecord[c];
                sim.output(s, p, rec[0], rec[1], rec.length > 2 ? rec[2] : 0, one);
                cur[c][k] = one[0];
            }
            sim.step(s, p, u, null);
        }
        return new Result(k0, pred, meas, cur, diverged);
    }
}
