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
 *
 * <p>A part cut from a longer stretch of recording (a validation part after the training part of the same sweep)
 * warms up on the recording just before it, its {@link Segment#lead() lead}, up to one transient: such a part is
 * scored from its first sample, and a short one (the last 300 ms of a 3 s sweep) can be scored at all.
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

    /** The number of samples the filters need to warm up: the longest transient over the network's banks. */
    public static int transientSamples(Network net, double dumpFraction) {
        int k0 = 0;
        for (Edge e : net.edges()) k0 = Math.max(k0, e.bank().transientSamples(dumpFraction));
        return k0;
    }

    /** How much of the segment's lead a free run warms up on: at most one transient. */
    public static int leadUsed(Segment seg, int k0) { return Math.min(seg.lead(), k0); }

    /** The first sample of the segment a free run predicts (and a score covers): the transient less the lead used. */
    public static int firstSample(Network net, Segment seg, double dumpFraction) {
        int k0 = transientSamples(net, dumpFraction);
        return k0 - leadUsed(seg, k0);
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
    public static Result run(Network net, Segment part, ChannelMap map, int[][] currentsToRecord, double dumpFraction, boolean[] clamped) {
        int k0 = transientSamples(net, dumpFraction);
        int lead = leadUsed(part, k0);
        if (part.length() < k0 - lead + 2)
            throw new InvalidInputException("segment " + part.name() + " has " + part.length() + " samples" + (lead > 0 ? " after " + lead + " of recording before it" : "")
                    + ", fewer than the " + (k0 + 2 - lead) + " a free run needs: the filters warm up for " + k0 + " samples (≈4.6 τ_max = "
                    + String.format("%.1f", k0 * net.dt()) + " ms)");
        // the warm-up's lead is prepended; from sample k0 on, seg and part are the same samples
        Segment seg = part.extendedBack(lead);
        int len = seg.length();
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
        return new Result(k0 - lead, pred, meas, cur, diverged);
    }
}
