package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/** Settings of Merge Batch Results. */
public final class MergeBatchSettings {
    @Key("The folder the shards of one Batch Fit wrote their summaries into (batch-summary-shard-k-of-n.csv).")
    public String output_dir = "";
    @Key("Replace an earlier batch-summary.csv; false: refuse and say so.")
    public boolean overwrite = false;
}
