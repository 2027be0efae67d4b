package org.rmmfiji.job;

/**
 * Everything a fit needs. The field names (snake_case) are at once the SciJava parameter names of the
 * Fit RMM command, the macro keys, the launcher keys and the JSON keys in the model file's provenance.
 * A training setting left unset (null) takes the preset's value ({@code Preset.Defaults}, the one source of
 * defaults); the model file records the values actually used. Channel fields left empty are guessed from the
 * column names.
 */
public final class FitSettings extends ModelRunSettings {
    /** Preset id (neuron-lumped, hh-lumped, lp-pd); its architecture is replaced by spec_file when that is set. */
    public String preset = org.rmmfiji.model.Presets.NEURON_LUMPED;
    /** An architecture file (*.rmmspec.json) to use instead of the preset's; empty: none. */
    public String spec_file = "";
    /**
     * Filter banks of the preset: "preset" keeps them; "diagonal" or "gobf" re-realises every bank with the same
     * time constants (the authors make the realisation a hyperparameter; same parameter count either way).
     */
    public String filter_realization = "preset";
    /** A fitted model (*.rmm.json) to continue training from; empty: start from a fresh initialisation. */
    public String initial_model = "";
    /** "fraction" (per segment, by time) or "segments" (whole segments by index). */
    public String split = "fraction";
    public Double train_fraction;
    public Double validation_fraction;
    public String train_segments = "";
    public String validation_segments = "";
    public String test_segments = "";
    /**
     * The training pipeline: teacher-forcing, multiple-shooting, gtf, or stages joined with + (e.g.
     * teacher-forcing+multiple-shooting: warm start, then fine-tune); empty: the preset's.
     */
    public String trainer = "";
    /** Teacher-forcing epochs. */
    public Integer epochs;
    public Double learning_rate;
    /** Teacher-forcing mini-batch (samples). */
    public Integer batch_size;
    public Double l2;
    public Integer snapshot_every;
    /** score, loss, gamma or combined (see SelectionMetric); empty: the preset's. */
    public String selection = "";
    /** Epochs of a closed-loop stage (multiple shooting, GTF). */
    public Integer closed_loop_epochs;
    /** Closed-loop shot length (ms). */
    public Double shot_ms;
    public Integer shots_per_batch;
    /** Voltage continuity weight ρ_v. */
    public Double rho_v;
    /** Filter-state continuity weight ρ_x. */
    public Double rho_x;
    /** GTF pull toward the data, in [0, 1] (1: teacher forcing, 0: free run). */
    public Double gamma;
    /** GTF γ at the last epoch (linear schedule); unset: gamma (fixed). */
    public Double gamma_final;
    /** Train the per-shot initial states of closed-loop stages; unset: true. */
    public Boolean train_initial_states;
    public long seed = 1;
    /** Unset: every core. */
    public Integer threads;
    /** A known membrane capacitance to fix (nF); unset: learn 1/C. */
    public Double capacitance_nF;
}
