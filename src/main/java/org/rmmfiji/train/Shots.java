package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.FilterStateStream;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * The training segments cut into non-overlapping shots of S samples for multiple shooting, from the end of each
 * segment's filter transient on; shots never cross a segment boundary (a segment's tail shorter than S is left
 * out). Each shot has initial states — the voltage of every modelled neuron and the state of every filter bank —
 * held here, beside the network's parameter store and never in it: they are trained with the network during a
 * fit but are not part of the model, so they never reach the model file. They start from the data: the recorded
 * voltage and the warmed-up filter states at the shot's first sample.
 *
 * <p>Layout of the initial states: shot q at {@code [q*width, (q+1)*width)}: m voltages, then the states of
 * edge 0, edge 1, ….
 */
public final class Shots {
    final int length;
    final List<Segment> segments;
    /** Per shot: its segment index and first sample. */
    final int[] segment;
    final int[] start;
    final int width;
    /** Offset of each edge's states within a shot's initial-state block. */
    final int[] edgeOffset;
    /** The trainable initial states, beside the network's parameter store. */
    final double[] initial;

    private Shots(int length, List<Segment> segments, int[] segment, int[] start, int width, int[] edgeOffset, double[] initial) {
        this.length = length;
        this.segments = segments;
        this.segment = segment;
        this.start = start;
        this.width = width;
        this.edgeOffset = edgeOffset;
        this.initial = initial;
    }

    int count() { return start.length; }

    /** True when shot q+1 directly continues shot q (same segment), so continuity is asked of the pair. */
    boolean continues(int q) { return q + 1 < start.length && segment[q + 1] == segment[q]; }

    /**
     * Refuses a shot length that no training segment can hold after its filter transient (or shorter than 2
     * samples), so a pipeline says so before its first stage runs.
     */
    public static void check(Network net, List<Segment> segments, int length, double dumpFraction) {
        if (length < 2) throw new InvalidInputException("a shot must span at least 2 samples, got " + length);
        int k0 = FreeRun.transientSamples(net, dumpFraction);
        int longest = 0;
        for (Segment s : segments) longest = Math.max(longest, s.length() - k0);
        if (longest < length)
            throw new InvalidInputException("shot_ms: a shot of " + length + " samples (" + String.format(java.util.Locale.ROOT, "%.2f", length * net.dt())
                    + " ms) is longer than every training segment after its filter transient (longest: " + Math.max(0, longest) + " samples)");
    }

    static Shots cut(Network net, List<Segment> segments, ChannelMap map, int length, double dumpFraction) {
        check(net, segments, length, dumpFraction);
        int k0 = FreeRun.transientSamples(net, dumpFraction);
        List<int[]> shots = new ArrayList<>();
        for (int si = 0; si < segments.size(); si++) {
            int len = segments.get(si).length();
            for (int st = k0; st + length <= len; st += length) shots.add(new int[] {si, st});
        }
        int m = net.modelledCount();
        List<Edge> edges = net.edges();
        int[] edgeOffset = new int[edges.size()];
        int width = m;
        for (int e = 0; e < edges.size(); e++) {
            edgeOffset[e] = width;
            width += edges.get(e).bank().size();
        }
        int n = shots.size();
        int[] seg = new int[n], st = new int[n];
        for (int q = 0; q < n; q++) {
            seg[q] = shots.get(q)[0];
            st[q] = shots.get(q)[1];
        }
        double[] init = new double[(long) n * width > Integer.MAX_VALUE ? fail(n, width) : n * width];
        // voltages from the data, filter states from the warmed-up banks at each shot's first sample
        int q0 = 0;
        for (int si = 0; si < segments.size(); si++) {
            Segment s = segments.get(si);
            int q1 = q0;
            while (q1 < n && seg[q1] == si) q1++;
            if (q1 == q0) continue;
            for (int q = q0; q < q1; q++)
                for (int i = 0; i < m; i++) init[q * width + i] = s.get(map.voltageChannel(i), st[q]);
            for (int e = 0; e < edges.size(); e++) {
                Edge edge = edges.get(e);
                int ns = edge.bank().size();
                FilterStateStream stream = new FilterStateStream(edge.bank(), s.backing(map.voltageChannel(edge.pre())), s.offset(), s.length());
                double[] one = new double[ns];
                for (int q = q0; q < q1; q++) {
                    stream.skip(st[q] - stream.position());
                    stream.next(one, 1);
                    System.arraycopy(one, 0, init, q * width + edgeOffset[e], ns);
                }
            }
            q0 = q1;
        }
        return new Shots(length, segments, seg, st, width, edgeOffset, init);
    }

    private static int fail(int shots, int width) {
        throw new InvalidInputException(shots + " shots × " + width + " initial states are too many for one fit; use longer shots or less data");
    }
}
