package org.rmmfiji.fiji;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.job.BatchJob;
import org.rmmfiji.job.MergeBatchSettings;

/** Merge Batch Results: the shard summaries of one Batch Fit → batch-summary.csv (and the Results table). */
@Plugin(type = Command.class, label = "Merge Batch Results", headless = true,
        description = "Join the shard summaries of a Batch Fit (batch-summary-shard-k-of-n.csv) into batch-summary.csv")
public class MergeBatchCommand extends ContextCommand {
    private static final MergeBatchSettings DEFAULTS = new MergeBatchSettings();
    @Parameter private LogService log;

    @Parameter(label = "Folder of the shard summaries", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File output_dir;
    @Parameter(label = "Replace an earlier batch-summary.csv", required = false, persist = false)
    private boolean overwrite = DEFAULTS.overwrite;

    @Parameter(type = ItemIO.OUTPUT) private String summary_file;

    @Override
    public void run() {
        try {
            MergeBatchSettings s = CommandFields.copy(this, new MergeBatchSettings());
            if (s.output_dir.isBlank()) throw new InvalidInputException("output_dir is not set: choose the folder of the shard summaries");
            summary_file = BatchJob.merge(java.nio.file.Paths.get(s.output_dir), s.overwrite).toString();
            ResultsTables.load(java.nio.file.Paths.get(summary_file));
            log.info("Merge Batch Results wrote " + summary_file);
        } catch (InvalidInputException e) {
            log.error("Merge Batch Results: " + e.getMessage());
            cancel("Merge Batch Results: " + e.getMessage());
        } catch (java.io.IOException e) {
            log.error("Merge Batch Results: could not read or write a file: " + e.getMessage());
            cancel("Merge Batch Results: could not read or write a file: " + e.getMessage());
        }
    }
}
