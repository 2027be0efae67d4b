package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.FilterStateStream;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * Every synaptic current of a fitted network along a segment: <em>forced</em> (the model's synapse evaluated on the
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

    /** Every synapse evaluated on the recorded voltages of the segment. */
    public static List<Trace> forced(Network net, Segment seg, ChannelMap map, double dumpFraction) {
        int k0 = FreeRun.transientSamples(net, dumpFraction);
        int steps = seg.length() - k0;
        if (steps <= 0) throw new org.rmmfiji.data.InvalidInputException("segment " + seg.name() + " is shorter than the filters' transient");
        double[] p = net.parameters();
        List<Trace> out = new ArrayList<>();
        for (int[] ec : synapses(net)) {
            Edge edge = net.edges().get(ec[0]);
            Current cur = edge.currents().get(ec[1]);
            List<String> names = cur.outputs();
            double[][] values = new double[names.size()][steps];
            int preCh = map.voltageChannel(edge.pre()), postCh = map.voltageChannel(edge.post());
            FilterStateStream xs = new FilterStateStream(edge.bank(), seg.backing(preCh), seg.offset(), seg.length());
            xs.skip(k0);
            Edge.Workspace ws = edge.newWorkspace(CHUNK);
            double[] x = new double[edge.bank().size() * CHUNK], v = new double[CHUNK], one = new double[CHUNK];
            for (int k = 0; k < steps; ) {
                int n = xs.next(x, CHUNK);
                for (int t = 0; t < CHUNK; t++) v[t] = seg.get(postCh, k0 + k + Math.min(t, n - 1));
                for (int o = 0; o < names.size(); o++) {
                    edge.forwardOutput(ws, ec[1], o, p, v, x, CHUNK, one);
                    System.arraycopy(one, 0, values[o], k, n);
                }
                k += n;
            }
            out.add(new Trace(ec[0], ec[1], net.voltageName(edge.pre()), net.voltageName(edge.post()), SynapseKind.of(cur), names, values, k0));
        }
        return out;
    }

    /** Every synapse along a free run of the segment (all modelled neurons free), with the run itself. */
    public static List<Trace> freeRun(Network net, Segment seg, ChannelMap map, double dumpFraction) {
        List<int[]> syn = synapses(net);
        List<int[]> record = new ArrayList<>();
        for (int[] ec : syn) {
            int outputs = net.edges().get(ec[0]).currents().get(ec[1]).outputs().size();
            for (int o = 0; o < outputs; o++) record.add(new int[] {ec[0], ec[1], o});
        }
        FreeRun.Result r = FreeRun.run(net, seg, map, record.toArray(new int[0][]), dumpFraction);
        List<Trace> out = new ArrayList<>();
        int row = 0;
        for (int[] ec : syn) {
            Edge edge = net.edges().get(ec[0]);
            Current cur = edge.currents().get(ec[1]);
            double[][] values = new double[cur.outputs().size()][];
            for (int o = 0; o < values.length; o++) values[o] = r.currents == null ? new double[0] : r.currents[row++];
            out.add(new Trace(ec[0], ec[1], net.voltageName(edge.pre()), net.voltageName(edge.post()), SynapseKind.of(cur), cur.outputs(), values, r.start));
        }
        return out;
    }
}
