package org.rmmfiji.train;

import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.FreeRun;

/**
 * Which samples become teacher-forcing rows, and where each value sits in a row. In every segment the rows are the
 * samples from the end of the filter transient (≈4.6 τ_max) to the last but one (the last has no successor to regress
 * on), numbered segment after segment. A neuron's row is [v, u, dv/dt target, then the filter states of every edge
 * into it, edge after edge] ({@link FeatureMatrix}'s columns).
 */
final class FeatureLayout {
    /** Row width of each modelled neuron. */
    final int[] width;
    /** Column of each edge's first state in its post neuron's row. */
    final int[] edgeColumn;
    /** Samples dropped at the start of every segment while the filters settle. */
    final int transientSamples;
    /** The row of each segment's first sample after the transient. */
    final int[] firstRow;
    /** Rows of all segments. */
    final int rows;

    private FeatureLayout(int[] width, int[] edgeColumn, int transientSamples, int[] firstRow, int rows) {
        this.width = width;
        this.edgeColumn = edgeColumn;
        this.transientSamples = transientSamples;
        this.firstRow = firstRow;
        this.rows = rows;
    }

    static FeatureLayout of(Network net, List<Segment> segments, double dumpFraction) {
        if (segments.isEmpty()) throw new InvalidInputException("there is no training data (the training part of the split is empty)");
        int k0 = FreeRun.transientSamples(net, dumpFraction);
        List<Edge> edges = net.edges();
        int[] edgeColumn = new int[edges.size()];
        int[] width = new int[net.modelledCount()];
        java.util.Arrays.fill(width, FeatureMatrix.STATES);
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            edgeColumn[e] = width[edge.post()];
            width[edge.post()] += edge.bank().size();
        }
        int[] firstRow = new int[segments.size()];
        long total = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            int usable = s.length() - 1 - k0;
            if (usable < 1)
                throw new InvalidInputException("training segment " + s.name() + " has " + s.length() + " samples, fewer than the "
                        + (k0 + 2) + " needed to warm up the filters (≈4.6 τ_max = " + String.format("%.1f", k0 * net.dt()) + " ms) and take one step");
            firstRow[i] = (int) total;
            total += usable;
            if (total > Integer.MAX_VALUE)
                throw new InvalidInputException("the training data have more than " + Integer.MAX_VALUE + " samples; train on a part of them");
        }
        return new FeatureLayout(width, edgeColumn, k0, firstRow, (int) total);
    }

    /** The rows of segment {@code s} (one of the segments this layout was made for). */
    int rows(Segment s) { return s.length() - 1 - transientSamples; }

    /** What every row of every neuron takes as float32, as {@link TeacherForcingFeatures} holds them. */
    long inMemoryBytes() {
        long perRow = 0;
        for (int w : width) perRow += (long) w * Float.BYTES;
        return perRow * rows;
    }
}
