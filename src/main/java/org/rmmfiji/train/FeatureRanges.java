package org.rmmfiji.train;

import java.util.List;

import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;

/**
 * What the training rows say about the data before any training: every column's smallest and largest float32 value
 * (the currents' input normalisation) and every neuron's median training voltage (where a leak whose reversal the
 * spec leaves unset starts).
 */
final class FeatureRanges {
    /** Per neuron, per column of its row. */
    final double[][] min, max;
    /** Per neuron: the lower median of its v column. */
    final double[] medianVoltage;
    private final FeatureLayout layout;

    FeatureRanges(FeatureLayout layout, double[][] min, double[][] max, double[] medianVoltage) {
        this.layout = layout;
        this.min = min;
        this.max = max;
        this.medianVoltage = medianVoltage;
    }

    /**
     * Fits every current's input normalisation to the training ranges, and gives every current the median
     * training voltage of its neuron.
     */
    void applyTo(Network net) {
        List<Edge> edges = net.edges();
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            int i = edge.post();
            int n = edge.bank().size(), col = layout.edgeColumn[e];
            double[] xMin = java.util.Arrays.copyOfRange(min[i], col, col + n);
            double[] xMax = java.util.Arrays.copyOfRange(max[i], col, col + n);
            for (Current c : edge.currents()) {
                c.setInputRanges(min[i][FeatureMatrix.V], max[i][FeatureMatrix.V], xMin, xMax);
                c.initialiseFromData(net.parameters(), medianVoltage[i]);
            }
        }
        net.markNormalised();
    }
}
