package org.rmmfiji.fiji;

import java.io.File;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.job.BatchJob;
import org.rmmfiji.job.BatchSettings;

/**
 * Batch Fit: every recording of a folder (or this run's shard, for a cluster job array of headless Fiji runs) fitted
 * with the Fit RMM keys, one model per recording, and a summary table (CSV and the Results table, one row per
 * recording). A bad file is a row with its reason, never the end of the batch. Parameter names are
 * {@link BatchSettings}' fields: Fit RMM's (inherited) plus the folder, the file pattern and the shard.
 */
@Plugin(type = Command.class, label = "Batch Fit", headless = true,
        description = "Fit every recording of a folder (or one shard of it, k/n, for a cluster), one model each, with a summary table")
public class BatchFitCommand extends FitRmmCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final BatchSettings DEFAULTS = new BatchSettings();

    @Parameter(label = "Folder of recordings", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File input_dir;
    @Parameter(label = "Files (a glob, e.g. *.abf; empty: every recording)", required = false, persist = false)
    private String pattern = DEFAULTS.pattern;
    @Parameter(label = "Shard k/n (empty: all files)", required = false, persist = false)
    private String shard = DEFAULTS.shard;

    @Parameter(type = ItemIO.OUTPUT) private String summary_file;

    @Override protected String title() { return "Batch Fit"; }

    @Override
    protected void work(CommandProgress progress) throws java.io.IOException {
        RunningFits.started(cancel);
        try {
            BatchSettings s = CommandFields.copy(this, new BatchSettings());
            BatchJob.Result r = BatchJob.run(s, progress, cancel);
            summary_file = r.summaryFile.toString();
            ResultsTables.load(r.summaryFile);           // one row per recording, for macros
            summary = String.format(Locale.ROOT, "Batch Fit in %.1f s: %d fitted, %d failed, %d not run; summary %s", r.seconds, r.fitted, r.failed, r.notRun,
                    r.summaryFile.toAbsolutePath().normalize());
            log.info(summary);
        } finally {
            RunningFits.finished(cancel);
        }
    }
}
