package org.rmmfiji.train;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.metrics.ScoreSettings;

/** Settings every trainer shares. Field names are the JSON keys in the model file's provenance. */
public final class TrainingSettings {
    public int epochs = 200;
    public int batch_size = 38_400;
    public double learning_rate = 1e-3;
    public double beta1 = 0.9;
    public double beta2 = 0.999;
    /** ρ: weight of the L2 regulariser. */
    public double l2 = 1e-6;
    /** Save and score a snapshot every this many epochs (and after the last). */
    public int snapshot_every = 10;
    public SelectionMetric selection = SelectionMetric.SCORE;
    public long seed = 1;
    public int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Transient dropped after filter warm-up: samples until the slowest pole decays to this fraction. */
    public double dump_fraction = 0.01;
    public ScoreSettings score = new ScoreSettings();

    public void validate() {
        if (epochs < 1) throw new InvalidInputException("epochs must be at least 1, got " + epochs);
        if (batch_size < 1) throw new InvalidInputException("batch_size must be at least 1, got " + batch_size);
        if (!(learning_rate > 0) || !Double.isFinite(learning_rate)) throw new InvalidInputException("learning_rate must be positive, got " + learning_rate);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) throw new InvalidInputException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        if (!(l2 >= 0)) throw new InvalidInputException("l2 must be non-negative, got " + l2);
        if (snapshot_every < 1) throw new InvalidInputException("snapshot_every must be at least 1, got " + snapshot_every);
        if (threads < 1) throw new InvalidInputException("threads must be at least 1, got " + threads);
        if (!(dump_fraction > 0 && dump_fraction < 1)) throw new InvalidInputException("dump_fraction must lie in (0, 1), got " + dump_fraction);
    }
}
