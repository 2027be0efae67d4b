package org.rmmfiji.train;

import java.util.List;

import org.rmmfiji.data.Segment;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.FilterStateStream;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;

/**
 * Teacher forcing turns the fit into a static regression: filter states are computed once from the measured
 * voltages (per segment: DC start, one warm-up pass, a second pass whose first ≈4.6 τ_max are dropped),
 * and the target is the finite difference (v[k+1] − v[k])/δ. This store holds every row in memory (float32), and an
 * epoch shuffles all of them; states are streamed sample by sample into the feature matrices, and no full-length
 * double copy of the recording is made.
 */
final class TeacherForcingFeatures implements FeatureStore {
    /** Samples of filter states streamed at a time. */
    private static final int CHUNK = 4096;

    final FeatureMatrix[] perNeuron;
    /** Column offset of each edge's states in its post neuron's matrix. */
    final FeatureLayout layout;
    /** The epochs' order of the rows, shuffled again (in place) at the start of every epoch. */
    private int[] order;

    private TeacherForcingFeatures(FeatureMatrix[] perNeuron, FeatureLayout layout) {
        this.perNeuron = perNeuron;
        this.layout = layout;
    }

    static TeacherForcingFeatures build(Network net, List<Segment> segments, ChannelMap map, double dumpFraction) {
        return build(net, segments, map, FeatureLayout.of(net, segments, dumpFraction));
    }

    static TeacherForcingFeatures build(Network net, List<Segment> segments, ChannelMap map, FeatureLayout layout) {
        int k0 = layout.transientSamples;
        int m = net.modelledCount();
        List<Edge> edges = net.edges();
        int total = layout.rows;
        FeatureMatrix[] fm = new FeatureMatrix[m];
        for (int i = 0; i < m; i++) fm[i] = new FeatureMatrix(layout.width[i], total);
        double dt = net.dt();
        int row0 = 0;
        for (Segment s : segments) {
            int len = s.length();
            for (int i = 0; i < m; i++) {
                int vc = map.voltageChannel(i), uc = map.currentChannel(i);
                for (int k = k0; k < len - 1; k++) {
                    int r = row0 + k - k0;
                    double v = s.get(vc, k);
                    fm[i].set(r, FeatureMatrix.V, v);
                    fm[i].set(r, FeatureMatrix.U, uc >= 0 ? s.get(uc, k) : 0.0);
                    fm[i].set(r, FeatureMatrix.TARGET, (s.get(vc, k + 1) - v) / dt);
                }
            }
            for (int e = 0; e < edges.size(); e++) {
                Edge edge = edges.get(e);
                int nStates = edge.bank().size();
                // warm up over the whole segment, as free run does; the last sample has no successor to regress on
                FilterStateStream stream = new FilterStateStream(edge.bank(), s.backing(map.voltageChannel(edge.pre())), s.offset(), len);
                stream.skip(k0);
                FeatureMatrix f = fm[edge.post()];
                int col = layout.edgeColumn[e];
                double[] chunk = new double[nStates * CHUNK];
                while (stream.position() < len - 1) {
                    int r0 = row0 + stream.position() - k0;
                    int stride = Math.min(CHUNK, len - 1 - stream.position());
                    int n = stream.next(chunk, stride);
                    for (int t = 0; t < n; t++)
                        for (int q = 0; q < nStates; q++) f.set(r0 + t, col + q, chunk[q * stride + t]);
                }
            }
            row0 += len - 1 - k0;
        }
        return new TeacherForcingFeatures(fm, layout);
    }

    @Override public FeatureLayout layout() { return layout; }

    @Override
    public FeatureRanges ranges() {
        int m = perNeuron.length;
        double[][] min = new double[m][], max = new double[m][];
        double[] median = new double[m];
        for (int i = 0; i < m; i++) {
            min[i] = perNeuron[i].min;
            max[i] = perNeuron[i].max;
            median[i] = perNeuron[i].median(FeatureMatrix.V);
        }
        return new FeatureRanges(layout, min, max, median);
    }

    @Override
    public void startEpoch(Rng rng) {
        if (order == null) {
            order = new int[layout.rows];
            for (int k = 0; k < order.length; k++) order[k] = k;
        }
        rng.shuffle(order);
    }

    @Override
    public <W> BatchRows rows(int from, int count, ParallelTiles<W> tiles) {
        if (order == null) throw new IllegalStateException("rows asked for before the first epoch");
        return new BatchRows(perNeuron, order, from);
    }
}
