package org.rmmfiji.train;

import org.rmmfiji.model.Network;

/**
 * The contract every trainer fulfils (teacher forcing now; multiple shooting and generalized teacher forcing
 * later): train the network's trainable parameters on the data, report progress, honour the cancel token,
 * score snapshots on validation free runs, reject diverging ones, and leave the selected snapshot in the
 * network. Returns the history.
 */
public interface Trainer {
    String name();

    History train(Network net, TrainingData data, TrainingSettings settings, ProgressListener listener, CancelToken cancel);
}
