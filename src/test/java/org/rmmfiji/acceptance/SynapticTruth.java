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
        Segment whole = truthSegment(truth, seg);
        double[] out = new double[length];
        // the truth file has the recording's layout: both segments index the same sample of their backing arrays
        float[] backing = whole.backing(col);
        for (int k = 0; k < length; k++) out[k] = backing[seg.offset() + start + k];
        return out;
    }

    /** The truth file's segment that {@code seg} (named "FILE#k", or "FILE#k[part]" for a part of it) comes from: the k-th. */
    static Segment truthSegment(Recording truth, Segment seg) {
        String name = seg.name().replaceAll("\\[[a-z]+\\]$", "");
        String index = name.substring(name.lastIndexOf('#') + 1);
        for (Segment s : truth.segments()) if (s.name().substring(s.name().lastIndexOf('#') + 1).equals(index)) return s;
        if (truth.segments().size() == 1) return truth.segments().get(0);
        throw new AssertionError("no truth segment named " + name + " among " + truth.segments().size());
    }

    /** Pearson correlation of two traces of the same length. */
    static double correlation(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElse(0), mb = java.util.Arrays.stream(b).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int k = 0; k < a.length; k++) {
            sab += (a[k] - ma) * (b[k] - mb);
            saa += (a[k] - ma) * (a[k] - ma);
            sbb += (b[k] - mb) * (b[k] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
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
