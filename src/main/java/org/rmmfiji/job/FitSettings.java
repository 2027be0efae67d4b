package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/**
 * Everything a fit needs. The field names (snake_case) are at once the SciJava parameter names of the
 * Fit RMM command, the macro keys, the launcher keys and the JSON keys in the model file's provenance.
 * Numeric fields at 0 (or −1 where 0 is meaningful) take the preset's default; channel fields left empty
 * are guessed from the column names.
 */
public final class FitSettings extends ModelRunSettings {
    /** Preset id (hh-lumped, lp-pd); its architecture is replaced by spec_file when that is set. */
    @Key("Preset id (hh-lumped, lp-pd); its architecture is replaced by spec_file when that is set.")
    public String preset = "hh-lumped";
    /** An architecture file (*.rmmspec.json) to use instead of the preset's; empty: none. */
    @Key("An architecture file (*.rmmspec.json) to use instead of the preset's; empty: none.")
    public String spec_file = "";
    /**
     * Filter banks of the preset: "preset" keeps them; "diagonal" or "gobf" re-realises every bank with the same
     * time constants (the authors make the realisation a hyperparameter; same parameter count either way).
     */
    @Key("Filter banks: \"preset\" keeps the preset's; \"diagonal\" or \"gobf\" re-realise them on the same time constants.")
    public String filter_realization = "preset";
    /** A fitted model (*.rmm.json) to continue training from; empty: start from a fresh initialisation. */
    @Key("A fitted model (*.rmm.json) to continue training from; empty: a fresh initialisation.")
    public String initial_model = "";
    /** "fraction" (per segment, by time) or "segments" (whole segments by index). */
    @Key("\"fraction\" (per segment, by time) or \"segments\" (whole segments by index).")
    public String split = "fraction";
    /** 0: the preset's default. */
    @Key("Fraction of each segment used for training; 0: the preset's default.")
    public double train_fraction = 0;
    /** −1: the preset's default. */
    @Key("Fraction of each segment held out for validation; -1: the preset's default.")
    public double validation_fraction = -1;
    @Key("With split=\"segments\": training segment indices, e.g. \"0,2\".")
    public String train_segments = "";
    @Key("With split=\"segments\": validation segment indices.")
    public String validation_segments = "";
    @Key("With split=\"segments\": test segment indices.")
    public String test_segments = "";
    /** 0: the preset's default. */
    @Key("Training epochs; 0: the preset's default.")
    public int epochs = 0;
    /** 0: the preset's default. */
    @Key("Adam learning rate; 0: the preset's default.")
    public double learning_rate = 0;
    /** 0: the preset's default. */
    @Key(value = "Mini-batch size; 0: the preset's default.", unit = "samples")
    public int batch_size = 0;
    /** −1: the preset's default. */
    @Key("L2 weight penalty; -1: the preset's default.")
    public double l2 = -1;
    /** 0: the preset's default. */
    @Key(value = "Score a free-run snapshot every this many epochs; 0: the preset's default.", unit = "epochs")
    public int snapshot_every = 0;
    /** score, loss or gamma. */
    @Key("Keep the snapshot with the best \"score\", \"loss\" or \"gamma\" on validation data.")
    public String selection = "score";
    @Key("Random seed (initialisation and batches).")
    public long seed = 1;
    /** 0: every core. */
    @Key("Worker threads; 0: every core.")
    public int threads = 0;
    /** A known membrane capacitance to fix (nF); 0: learn 1/C. */
    @Key(value = "A known membrane capacitance to fix; 0: learn 1/C.", unit = "nF")
    public double capacitance_nF = 0;
}
