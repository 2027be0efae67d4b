package org.rmmfiji.train;

import org.rmmfiji.model.Network;

/**
 * What a trainer works with: the network (trained from its present parameters), the data, the settings, where
 * progress goes, the cancel token, the history it appends to and the selector it offers snapshots to. Pipeline
 * stages share one context, so epochs, wall time and snapshots run on across stages.
 */
public final class TrainingContext {
    public final Network net;
    public final TrainingData data;
    public final TrainingSettings settings;
    public final ProgressListener listener;
    public final CancelToken cancel;
    public final History history;
    public final SnapshotSelector selector;
    /** Epochs already run by earlier stages, and the whole pipeline's epochs (for progress). */
    int epochOffset;
    int totalEpochs;
    /** Where teacher forcing keeps its rows: chosen from the data's size against the heap (tests force streaming). */
    FeatureStorePolicy featureStorePolicy = FeatureStorePolicy.AUTOMATIC;

    public TrainingContext(Network net, TrainingData data, TrainingSettings settings, ProgressListener listener, CancelToken cancel) {
        this.net = net;
        this.data = data;
        this.settings = settings;
        this.listener = listener;
        this.cancel = cancel;
        this.history = new History();
        this.selector = new SnapshotSelector(net, data, settings, history, listener);
    }

    /** Records one more epoch (numbered across stages) with its training time (validation excluded), and reports it. */
    void epochDone(int stageEpoch, int stageEpochs, double loss, double epochSeconds) {
        history.epoch_loss.add(loss);
        history.training_seconds += epochSeconds;
        history.epoch_seconds.add(history.training_seconds);
        listener.epoch(globalEpoch(stageEpoch), Math.max(totalEpochs, globalEpoch(stageEpochs)), loss, history.training_seconds);
    }

    /** The epoch number across stages of a stage's epoch. */
    int globalEpoch(int stageEpoch) { return epochOffset + stageEpoch; }

    /** Offers a snapshot after a stage's epoch when the snapshot interval (or the stage's last epoch) says so. */
    void maybeSnapshot(int stageEpoch, int stageEpochs, String trainer) {
        if (stageEpoch % settings.snapshot_every == 0 || stageEpoch == stageEpochs)
            selector.offer(globalEpoch(stageEpoch), history.training_seconds, trainer);
    }
}
