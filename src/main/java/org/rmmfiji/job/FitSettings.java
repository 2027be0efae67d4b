package org.rmmfiji.job;

/**
 * Everything a fit needs. The field names (snake_case) are at once the SciJava parameter names of the
 * Fit RMM command, the macro keys, the launcher keys and the JSON keys in the model file's provenance.
 * Numeric fields at 0 (or −1 where 0 is meaningful) take the preset's default; channel fields left empty
 * are guessed from the column names.
 */
public final class FitSettings extends ModelRunSettings {
    /** Preset id (hh-lumped, lp-pd); its architecture is replaced by spec_file when that is set. */
    public String preset = "hh-lumped";
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
    /** 0: the preset's default. */
    public double train_fraction = 0;
    /** −1: the preset's default. */
    public double validation_fraction = -1;
    public String train_segments = "";
    public String validation_segments = "";
    public String test_segments = "";
    /** 0: the preset's default. */
    public int epochs = 0;
    /** 0: the preset's default. */
    public double learning_rate = 0;
    /** 0: the preset's default. */
    public int batch_size = 0;
    /** −1: the preset's default. */
    public double l2 = -1;
    /** 0: the preset's default. */
    public int snapshot_every = 0;
    /** score, loss or gamma. */
    public String selection = "score";
    public long seed = 1;
    /** 0: every core. */
    public int threads = 0;
    /** A known membrane capacitance to fix (nF); 0: learn 1/C. */
    public double capacitance_nF = 0;
}
