package org.rmmfiji.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.io.EnsembleFile;

/** What an ensemble of fits produced: the summary (as written), its files, and every file the members wrote. */
public final class EnsembleResult {
    /** The summary as written to {@link #summaryFile}. */
    public EnsembleFile summary;
    /** {@code NAME.rmmensemble.json} and {@code NAME-ensemble.csv} (one row per member). */
    public Path summaryFile, tableFile;
    /** The members' model files, in member order, of the kept members only. */
    public List<Path> keptModels = new ArrayList<>();
    /** Every file written, the members' first, then the table and the summary. */
    public List<Path> written = new ArrayList<>();
    /** True when the user cancelled: members after the one that was running are marked not-run. */
    public boolean cancelled;
    public double seconds;
}
