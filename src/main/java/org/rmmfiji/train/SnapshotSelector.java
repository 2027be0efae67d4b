package org.rmmfiji.train;

import java.util.List;

import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.model.Network;

/**
 * The one snapshot selector every trainer uses: scores the network's present parameters by free runs on the
 * validation segments, rejects snapshots that diverge, keeps the best by the user's metric, and records every
 * snapshot in the history. With no validation data the latest snapshot wins.
 */
public final class SnapshotSelector {
    private final Network net;
    private final TrainingData data;
    private final TrainingSettings settings;
    private final History history;
    private final ProgressListener listener;
    private double[] best;
    private double bestValue = Double.NaN;

    public SnapshotSelector(Network net, TrainingData data, TrainingSettings settings, History history, ProgressListener listener) {
        this.net = net;
        this.data = data;
        this.settings = settings;
        this.history = history;
        this.listener = listener;
    }

    /** Scores the present parameters as the snapshot of {@code epoch} (training time {@code seconds}). */
    public History.Snapshot offer(int epoch, double seconds, String trainer) {
        long t0 = System.nanoTime();
        History.Snapshot snap = new History.Snapshot();
        snap.epoch = epoch;
        snap.seconds = seconds;
        snap.trainer = trainer;
        snap.parameters = net.parameters().clone();
        if (data.dataset().validation().isEmpty()) {
            snap.selection_value = epoch;   // no validation data: the latest snapshot wins
        } else {
            List<MetricsReport> reports = Validation.evaluate(net, data.dataset().validation(), data.channels(), settings.score,
                    settings.dump_fraction, "validation");
            snap.validation = reports;
            for (MetricsReport r : reports) {
                if (r.diverged) {
                    snap.rejected = true;
                    snap.rejected_because = r.neuron + " diverged in free run";
                }
            }
            snap.selection_value = Validation.selectionValue(reports, settings.selection);
        }
        history.snapshots.add(snap);
        boolean noValidation = data.dataset().validation().isEmpty();
        if (!snap.rejected && (best == null || (noValidation ? epoch >= bestValue : settings.selection.better(snap.selection_value, bestValue)))) {
            bestValue = snap.selection_value;
            best = snap.parameters;
            snap.best_so_far = true;
            history.selected = history.snapshots.size() - 1;
        }
        history.validation_seconds += (System.nanoTime() - t0) * 1e-9;
        listener.snapshot(snap);
        return snap;
    }

    /** Puts the best snapshot back into the network (when there is one); returns whether it did. */
    public boolean restoreBest() {
        if (best == null) return false;
        net.store().setAll(best);
        return true;
    }
}
