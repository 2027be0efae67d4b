package org.rmmfiji.train;

/** The rows of one mini-batch: sample t of the batch is row {@code order[first + t]} of every neuron's matrix. */
final class BatchRows {
    final FeatureMatrix[] perNeuron;
    final int[] order;
    final int first;

    BatchRows(FeatureMatrix[] perNeuron, int[] order, int first) {
        this.perNeuron = perNeuron;
        this.order = order;
        this.first = first;
    }
}
