package org.rmmfiji.train;

import java.util.List;
import java.util.Locale;

import org.rmmfiji.model.Network;

/**
 * Runs a pipeline of trainers (e.g. teacher forcing, then multiple shooting from where it ended) on one
 * network, then puts the best snapshot of all stages back into the network. A stage that stops early (cancel,
 * non-finite loss) ends the pipeline; the best snapshot so far is kept either way.
 */
public final class Training {
    private Training() {}

    public static History run(List<Trainer> stages, Network net, TrainingData data, TrainingSettings settings,
                              ProgressListener listener, CancelToken cancel) {
        return run(stages, net, data, settings, listener, cancel, false);
    }

    /**
     * As {@link #run(List, Network, TrainingData, TrainingSettings, ProgressListener, CancelToken)}; with
     * {@code startIsAFit} the network's present parameters are already a fitted model (a fit continued from a model
     * file), and they are scored first, as the snapshot of epoch 0 ({@link History#STARTING_MODEL}). So, with validation
     * data, what the pipeline keeps is never worse by the selection metric than the model it started from (without
     * validation data the latest snapshot wins, as always): a fine-tuning stage can
     * leave a good model behind (measured: shooting with long shots on a burster took a bursting model to silence within
     * five epochs), and then the user gets the model back, not its ruin.
     */
    public static History run(List<Trainer> stages, Network net, TrainingData data, TrainingSettings settings,
                              ProgressListener listener, CancelToken cancel, boolean startIsAFit) {
        if (stages.isEmpty()) throw new IllegalArgumentException("a training pipeline needs at least one trainer");
        settings.validate();
        TrainingContext ctx = new TrainingContext(net, data, settings, listener, cancel);
        StringBuilder id = new StringBuilder();
        for (Trainer t : stages) {
            id.append(id.length() == 0 ? "" : "+").append(t.id());
            ctx.totalEpochs += t.epochs(settings);
        }
        ctx.history.trainer = id.toString();
        if (startIsAFit) ctx.selector.offer(0, 0.0, History.STARTING_MODEL);
        for (int i = 0; i < stages.size(); i++) {
            Trainer t = stages.get(i);
            if (i > 0 && ctx.selector.restoreBest())
                listener.message(t.id() + " starts from the best snapshot so far");
            int before = ctx.history.epoch_loss.size();
            ctx.epochOffset = before;
            double seconds = ctx.history.training_seconds;
            StopReason r = t.train(ctx);
            ctx.history.stages.add(new History.Stage(t.id(), before + 1, ctx.history.epoch_loss.size(), ctx.history.samples,
                    ctx.history.training_seconds - seconds));
            if (r != StopReason.COMPLETED) {
                ctx.history.stopped = r;
                break;
            }
        }
        if (!ctx.selector.restoreBest())
            listener.message("No snapshot was kept: every scored snapshot diverged in free run, or none was scored; the parameters are the last finite ones.");
        History h = ctx.history;
        listener.message(String.format(Locale.ROOT, "%s: %d epochs in %.1f s (+%.1f s validation), %s%s", h.trainer,
                h.epoch_loss.size(), h.training_seconds, h.validation_seconds, h.stopped.id(), h.stop_detail != null ? " (" + h.stop_detail + ")" : ""));
        return h;
    }
}
