package org.rmmfiji.train;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.metrics.ScoreSettings;
import org.rmmfiji.model.Preset;

/**
 * Settings every trainer shares, resolved: every field has its value. Field names are the JSON keys in the model
 * file's provenance. The defaults come from one place, {@link Preset.Defaults}: {@code new TrainingSettings()}
 * takes the authors' general recipe, {@code new TrainingSettings(preset.defaults())} a preset's.
 */
public final class TrainingSettings {
    public int epochs;
    public int batch_size;
    public double learning_rate;
    public double beta1;
    public double beta2;
    /** ρ: weight of the L2 regulariser. */
    public double l2;
    /**
     * Teacher forcing weighs the squared error of a sample whose voltage moves at Δv/δ by 1/(1 + (Δv/δ ÷ s)²), with s
     * this multiple of the training voltage's median speed over 1 ms ({@link TeacherForcingWeights}). Spike upstrokes,
     * a few per cent of the samples with derivatives a thousand times the subthreshold ones, otherwise make up nearly all
     * of the loss, and the slow subthreshold dynamics that time a burst are fitted as an afterthought. Null: every
     * sample weighs 1 (the authors' loss). Teacher-forcing stages only: the closed-loop losses are on the voltage.
     */
    public Double tf_weight_scale;
    /** Save and score a snapshot every this many epochs (and after the last epoch of each stage). */
    public int snapshot_every;
    public SelectionMetric selection;
    public long seed = 1;
    public int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Transient dropped after filter warm-up: samples until the slowest pole decays to this fraction. */
    public double dump_fraction = 0.01;
    public ScoreSettings score = new ScoreSettings();

    // closed-loop trainers (multiple shooting, GTF)
    /** Epochs of a closed-loop stage. */
    public int closed_loop_epochs;
    /** Shot length (ms). */
    public double shot_ms;
    /** Shots per mini-batch. */
    public int shots_per_batch;
    /** ρ_v: weight of voltage continuity between consecutive shots. */
    public double rho_v;
    /** ρ_x: weight of filter-state continuity (states scaled by the banks' DC gains). */
    public double rho_x;
    /** GTF: γ of the first closed-loop epoch, in [0, 1]. */
    public double gamma;
    /** GTF: γ of the last closed-loop epoch (linear in between; equal to gamma: fixed; 0: annealed to free run). */
    public double gamma_final;
    /** Train the per-shot initial states (the authors' train_ic = true). */
    public boolean train_initial_states;
    /** The closed-loop stages' own Adam learning rate, β₂ and L2 weight ρ₀. */
    public double closed_loop_learning_rate;
    public double closed_loop_beta2;
    public double closed_loop_l2;

    public TrainingSettings() { this(new Preset.Defaults()); }

    public TrainingSettings(Preset.Defaults d) {
        epochs = d.epochs;
        batch_size = d.batch_size;
        learning_rate = d.learning_rate;
        beta1 = d.beta1;
        beta2 = d.beta2;
        l2 = d.l2;
        tf_weight_scale = d.tf_weight_scale;
        snapshot_every = d.snapshot_every;
        selection = SelectionMetric.of(d.selection);
        score.band_low_hz = d.band_low_hz;
        score.band_high_hz = d.band_high_hz;
        score.band_order = d.band_order;
        score.threshold_mV = d.threshold_mV;
        score.smoothing_ms = d.smoothing_ms;
        score.spike_threshold_mV = d.spike_threshold_mV;
        closed_loop_epochs = d.closed_loop_epochs;
        shot_ms = d.shot_ms;
        shots_per_batch = d.shots_per_batch;
        rho_v = d.rho_v;
        rho_x = d.rho_x;
        gamma = d.gamma;
        gamma_final = d.gamma_final;
        train_initial_states = d.train_initial_states;
        closed_loop_learning_rate = d.closed_loop_learning_rate;
        closed_loop_beta2 = d.closed_loop_beta2;
        closed_loop_l2 = d.closed_loop_l2;
    }

    /** Checks every value; {@code dt} (ms) is the model step, against which the shot length is checked. */
    public void validate(double dt) {
        validate();
        double samples = shot_ms / dt;
        if (Math.round(samples) < 2)
            throw new InvalidInputException("shot_ms = " + shot_ms + " ms is " + String.format(java.util.Locale.ROOT, "%.2f", samples)
                    + " steps of " + dt + " ms; a shot must span at least 2 steps");
    }

    public void validate() {
        if (epochs < 1) throw new InvalidInputException("epochs must be at least 1, got " + epochs);
        if (batch_size < 1) throw new InvalidInputException("batch_size must be at least 1, got " + batch_size);
        if (!(learning_rate > 0) || !Double.isFinite(learning_rate)) throw new InvalidInputException("learning_rate must be positive, got " + learning_rate);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) throw new InvalidInputException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        if (!(l2 >= 0)) throw new InvalidInputException("l2 must be non-negative, got " + l2);
        if (tf_weight_scale != null && !(tf_weight_scale > 0 && Double.isFinite(tf_weight_scale)))
            throw new InvalidInputException("tf_weight_scale must be a positive multiple of the median voltage speed, or 0 for equal weights, got " + tf_weight_scale);
        if (snapshot_every < 1) throw new InvalidInputException("snapshot_every must be at least 1, got " + snapshot_every);
        if (threads < 1) throw new InvalidInputException("threads must be at least 1, got " + threads);
        if (!(dump_fraction > 0 && dump_fraction < 1)) throw new InvalidInputException("dump_fraction must lie in (0, 1), got " + dump_fraction);
        if (closed_loop_epochs < 1) throw new InvalidInputException("closed_loop_epochs must be at least 1, got " + closed_loop_epochs);
        if (!(shot_ms > 0) || !Double.isFinite(shot_ms)) throw new InvalidInputException("shot_ms must be a positive number of ms, got " + shot_ms);
        if (shots_per_batch < 1) throw new InvalidInputException("shots_per_batch must be at least 1, got " + shots_per_batch);
        if (!(rho_v >= 0) || !Double.isFinite(rho_v)) throw new InvalidInputException("rho_v must be a non-negative number, got " + rho_v);
        if (!(rho_x >= 0) || !Double.isFinite(rho_x)) throw new InvalidInputException("rho_x must be a non-negative number, got " + rho_x);
        if (!(gamma >= 0 && gamma <= 1)) throw new InvalidInputException("gamma must lie in [0, 1] (1: teacher forcing, 0: free run), got " + gamma);
        if (!(gamma_final >= 0 && gamma_final <= 1)) throw new InvalidInputException("gamma_final must lie in [0, 1], got " + gamma_final);
        if (!(closed_loop_learning_rate > 0) || !Double.isFinite(closed_loop_learning_rate))
            throw new InvalidInputException("closed_loop_learning_rate must be positive, got " + closed_loop_learning_rate);
        if (!(closed_loop_beta2 >= 0 && closed_loop_beta2 < 1)) throw new InvalidInputException("closed_loop_beta2 must lie in [0, 1), got " + closed_loop_beta2);
        if (!(closed_loop_l2 >= 0) || !Double.isFinite(closed_loop_l2)) throw new InvalidInputException("closed_loop_l2 must be non-negative, got " + closed_loop_l2);
    }
}
