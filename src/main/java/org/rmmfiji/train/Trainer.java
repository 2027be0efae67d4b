package org.rmmfiji.train;

/**
 * The contract every trainer fulfils (teacher forcing, multiple shooting, generalized teacher forcing): train
 * the network's trainable parameters from their present values on the context's data, append every epoch to the
 * history, offer snapshots to the context's {@link SnapshotSelector} every {@code snapshot_every} epochs and after
 * its last epoch, honour the cancel token between mini-batches, and say why it stopped. Which snapshot ends up
 * in the network is the pipeline's business ({@link Training}).
 */
public interface Trainer {
    /** The registry key, e.g. {@code teacher-forcing}. */
    String id();

    /** How many epochs this trainer runs with these settings. */
    int epochs(TrainingSettings s);

    StopReason train(TrainingContext ctx);
}
