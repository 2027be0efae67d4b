package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/**
 * Settings of Batch Fit: every Fit RMM key (applied to each recording; recording_file and output_name are the batch's
 * own) plus where the recordings are and which share of them this run takes.
 */
public final class BatchSettings extends FitSettings {
    @Key("The folder of recordings to fit, one model each.")
    public String input_dir = "";
    @Key("Which files of input_dir: a glob such as *.abf; empty: every readable recording (abf, csv, tsv, gz, mat, nwb).")
    public String pattern = "";
    @Key("This run's share, \"k/n\" (k from 1): files sorted by name, file i goes to shard (i mod n) + 1, so n runs (a cluster job array) split the folder; empty: all files.")
    public String shard = "";
}
