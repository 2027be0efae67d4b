package org.rmmfiji.acceptance;

import java.util.List;

import org.rmmfiji.analysis.SynapticTraces;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;

/** Inferred synaptic currents against the generator's truth, on the same samples of a held-out segment. */
final class SynapticTruth {
    private SynapticTruth() {}

    /** The truth column's samples under the traces (which start after the filter transient of the segment). */
    static double[] truthUnder(Recording truth, String column, Segment seg, int start, int length) {
        int col = truth.channelIndex(column);
        if (col < 0) throw new AssertionError("the truth file has no column " + column + ": " + truth.channelNames());
        Segment whole = truth.segments().get(0);
        double[] out = new double[length];
        for (int k = 0; k < length; k++) out[k] = whole.get(col, seg.offset() + start + k);
        return out;
    }

    /** Σ over the traces into {@code post} (forced), sample by sample. */
    static double[] totalInto(List<SynapticTraces.Trace> traces, String post) {
        double[] sum = null;
        for (SynapticTraces.Trace t : traces) {
            if (!t.post.equals(post)) continue;
            if (sum == null) sum = new double[t.current().length];
            for (int k = 0; k < sum.length; k++) sum[k] += t.current()[k];
        }
        if (sum == null) throw new AssertionError("no synapse into " + post);
        return sum;
    }

    /** Cosine similarity of two traces after removing each one's minimum (the authors' Fig. 3B convention). */
    static double cosineAboveMinimum(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).min().orElse(0), mb = java.util.Arrays.stream(b).min().orElse(0);
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < a.length; k++) {
            double x = a[k] - ma, y = b[k] - mb;
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return dot / Math.sqrt(na * nb);
    }

    static double rms(double[] a) {
        double s = 0;
        for (double x : a) s += x * x;
        return Math.sqrt(s / a.length);
    }
}
