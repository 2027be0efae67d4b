package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * Every synaptic current (or any chosen currents) of a fitted network along a segment: <em>forced</em> (the model's synapse evaluated on the
 * recorded pre- and postsynaptic voltages, what the fit says the synapse did during the recording) and along a
 * <em>free run</em> (the model's own voltages). Both start after the filter transient, at the same sample as
 * {@link FreeRun}, so they line up with the prediction.
 */
public final class SynapticTraces {
    private SynapticTraces() {}

    /** Samples evaluated at once. */
    static final int CHUNK = 4096;

    /** One synaptic current: which edge and current, and its outputs along the segment. */
    public static final class Trace {
        public final int edge;
        public final int current;
        public final String pre;
        public final String post;
        public final SynapseKind kind;
        /** The current's outputs by name (see {@link Current#outputs()}): "current" (nA) first. */
        public final List<String> outputs;
        /** values[o][k]: output o at sample start + k. */
        public final double[][] values;
        public final int start;

        Trace(int edge, int current, String pre, String post, SynapseKind kind, List<String> outputs, double[][] values, int start) {
            this.edge = edge;
            this.current = current;
            this.pre = pre;
            this.post = post;
            this.kind = kind;
            this.outputs = outputs;
            this.values = values;
            this.start = start;
        }

        public double[] current() { return values[0]; }

        /** An output by name, or null when this kind of synapse has none (a lumped synapse has no conductance). */
        public double[] output(String name) {
            int i = outputs.indexOf(name);
            return i < 0 ? null : values[i];
        }
    }

    /** True when another trace of {@code all} comes from the same edge (a synapse of several currents): names must tell them apart. */
    public static boolean sharesItsEdge(Trace t, List<Trace> all) {
        for (Trace u : all) if (u != t && u.edge == t.edge) return true;
        return false;
    }

    /** (edge, current) of every current on an edge between two different cells. */
    public static List<int[]> synapses(Network net) {
        List<int[]> out = new ArrayList<>();
        for (int e = 0; e < net.edges().size(); e++) {
            Edge edge = net.edges().get(e);
            if (edge.intrinsic()) continue;
            for (int c = 0; c < edge.currents().size(); c++) out.add(new int[] {e, c});
        }
        return out;
    }

    /** (edge, current) of every current on a neuron's own edge: the intrinsic currents (gated, lumped, leak). */
    public static List<int[]> intrinsic(Network net) {
        List<int[]> out = new ArrayList<>();
        for (int e = 0; e < net.edges().size(); e++) {
            Edge edge = net.edges().get(e);
            if (!edge.intrinsic()) continue;
            for (int c = 0; c < edge.currents().size(); c++) out.add(new int[] {e, c});
        }
        return out;
    }

    /** Every synapse evaluated on the recorded voltages of the segment. */
    public static List<Trace> forced(Network net, Segment seg, ChannelMap map, double dumpFraction) {
        return forced(net, seg, map, dumpFraction, synapses(net));
    }

    /**
     * The chosen currents ((edge, current) pairs, e.g. {@link #intrinsic}) evaluated on the recorded voltages: what the fit
     * says each current did during the recording, e.g. g_Na(t) and g_K(t) of a conductance-based model.
     */
    public static List<Trace> forced(Network net, Segment seg, ChannelMap map, double dumpFraction, List<int[]> which) {
        int start = FreeRun.firstSample(net, seg, dumpFraction);
        if (seg.length() < start + 2)
            throw new org.rmmfiji.data.InvalidInputException("segment " + seg.name() + " has " + seg.length() + " samples, fewer than the " + (start + 2)
                    + " it needs: its filters warm up for " + start + " of them");
        double[][] v = new double[net.voltageCount()][];
        for (int j = 0; j < v.length; j++) v[j] = recorded(seg, map.voltageChannel(j), start);
        return evaluate(net, seg, map, dumpFraction, start, v, which);
    }

    /**
     * Every synapse along a free run of the segment (all modelled neurons free): the run records voltages only, and
     * the synapses are then evaluated on them in chunks, as {@link #forced} does on the recording.
     */
    public static List<Trace> freeRun(Network net, Segment seg, ChannelMap map, double dumpFraction) {
        return freeRun(net, seg, map, dumpFraction, synapses(net));
    }

    /** The chosen currents ((edge, current) pairs) along a free run of the segment, as {@link #freeRun(Network, Segment, ChannelMap, double)}. */
    public static List<Trace> freeRun(Network net, Segment seg, ChannelMap map, double dumpFraction, List<int[]> which) {
        FreeRun.Result r = FreeRun.run(net, seg, map, null, dumpFraction);
        double[][] v = new double[net.voltageCount()][];
        for (int j = 0; j < v.length; j++) v[j] = j < net.modelledCount() ? r.predicted[j] : recorded(seg, map.voltageChannel(j), r.start);
        return evaluate(net, seg, map, dumpFraction, r.start, v, which);
    }

    /** A channel of the segment from sample {@code from} on, as doubles. */
    static double[] recorded(Segment seg, int channel, int from) {
        double[] out = new double[seg.length() - from];
        for (int k = 0; k < out.length; k++) out[k] = seg.get(channel, from + k);
        return out;
    }

    /**
     * The synapses on voltages v[j][k] (sample start + k of the segment): each bank warmed up on the recorded
     * presynaptic voltage up to {@code start}, as a free run starts (on the segment's lead too), then driven by v.
     */
    private static List<Trace> evaluate(Network net, Segment part, ChannelMap map, double dumpFraction, int start, double[][] v, List<int[]> which) {
        int lead = FreeRun.leadUsed(part, FreeRun.transientSamples(net, dumpFraction));
        Segment seg = part.extendedBack(lead);
        double[] p = net.parameters();
        int steps = v[0].length;
        List<Trace> out = new ArrayList<>();
        for (int[] ec : which) {
            Edge edge = net.edges().get(ec[0]);
            Current cur = edge.currents().get(ec[1]);
            List<String> names = cur.outputs();
            double[][] values = new double[names.size()][steps];
            int preCh = map.voltageChannel(edge.pre());
            double[] state = edge.bank().warmStart(seg.backing(preCh), seg.offset(), seg.length());
            double[] in = new double[1];
            for (int k = 0; k < lead + start; k++) {
                in[0] = seg.get(preCh, k);
                edge.bank().step(state, 1, in);
            }
            int S = state.length;
            double[] pre = v[edge.pre()], post = v[edge.post()];
            Edge.Workspace ws = edge.newWorkspace(CHUNK);
            double[] x = new double[S * CHUNK], vPost = new double[CHUNK], one = new double[CHUNK];
            for (int k = 0; k < steps; k += CHUNK) {
                int n = Math.min(CHUNK, steps - k);
                for (int t = 0; t < CHUNK; t++) {
                    int kk = k + Math.min(t, n - 1);   // the tail of the last chunk is evaluated and discarded
                    for (int q = 0; q < S; q++) x[q * CHUNK + t] = state[q];
                    vPost[t] = post[kk];
                    if (t < n) {
                        in[0] = pre[kk];
                        edge.bank().step(state, 1, in);
                    }
                }
                for (int o = 0; o < names.size(); o++) {
                    edge.forwardOutput(ws, ec[1], o, p, vPost, x, CHUNK, one);
                    System.arraycopy(one, 0, values[o], k, n);
                }
            }
            out.add(new Trace(ec[0], ec[1], net.voltageName(edge.pre()), net.voltageName(edge.post()), SynapseKind.of(cur), names, values, start));
        }
        return out;
    }
}
