package org.rmmfiji.train;

import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.FilterStateStream;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * Teacher forcing turns the fit into a static regression: filter states are computed once from the measured
 * voltages (per segment: DC start, one warm-up pass, a second pass whose first ≈4.6 τ_max are dropped),
 * and the target is the finite difference (v[k+1] − v[k])/δ. States are streamed sample by sample into the
 * feature matrices; no full-length double copy of the recording is made.
 */
final class TeacherForcingFeatures {
    /** Samples of filter states streamed at a time. */
    private static final int CHUNK = 4096;

    final FeatureMatrix[] perNeuron;
    /** Column offset of each edge's states in its post neuron's matrix. */
    final int[] edgeColumn;
    final int samples;

    private TeacherForcingFeatures(FeatureMatrix[] perNeuron, int[] edgeColumn, int samples) {
        this.perNeuron = perNeuron;
        this.edgeColumn = edgeColumn;
        this.samples = samples;
    }

    static TeacherForcingFeatures build(Network net, List<Segment> segments, ChannelMap map, double dumpFraction) {
        if (segments.isEmpty()) throw new InvalidInputException("there is no training data (the training part of the split is empty)");
        int k0 = FreeRun.transientSamples(net, dumpFraction);
        int m = net.modelledCount();
        List<Edge> edges = net.edges();
        int[] edgeColumn = new int[edges.size()];
        int[] width = new int[m];
        java.util.Arrays.fill(width, FeatureMatrix.STATES);
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            edgeColumn[e] = width[edge.post()];
            width[edge.post()] += edge.bank().size();
        }
        int total = 0;
        for (Segment s : segments) {
            int usable = s.length() - 1 - k0;
            if (usable < 1)
                throw new InvalidInputException("training segment " + s.name() + " has " + s.length() + " samples, fewer than the "
                        + (k0 + 2) + " needed to warm up the filters (≈4.6 τ_max = " + String.format("%.1f", k0 * net.dt()) + " ms) and take one step");
            total += usable;
        }
        FeatureMatrix[] fm = new FeatureMatrix[m];
        for (int i = 0; i < m; i++) fm[i] = new FeatureMatrix(width[i], total);
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
                int col = edgeColumn[e];
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
        return new TeacherForcingFeatures(fm, edgeColumn, total);
    }

    /**
     * Fits every current's input normalisation to the training ranges, and gives every current the median
     * training voltage of its neuron (a leak whose reversal the spec leaves unset starts there).
     */
    void applyRanges(Network net) {
        List<Edge> edges = net.edges();
        double[] median = new double[perNeuron.length];
        for (int i = 0; i < median.length; i++) median[i] = perNeuron[i].median(FeatureMatrix.V);
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            FeatureMatrix f = perNeuron[edge.post()];
            int n = edge.bank().size(), col = edgeColumn[e];
            double[] xMin = java.util.Arrays.copyOfRange(f.min, col, col + n);
            double[] xMax = java.util.Arrays.copyOfRange(f.max, col, col + n);
            for (Current c : edge.currents()) {
                c.setInputRanges(f.min[FeatureMatrix.V], f.max[FeatureMatrix.V], xMin, xMax);
                c.initialiseFromData(net.parameters(), median[edge.post()]);
            }
        }
        net.markNormalised();
    }
}
