package org.rmmfiji.fiji;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.ExportSettings;
import org.rmmfiji.io.RecordingExport;

/** Export Recording as CSV: an ABF (or any readable recording) → the project's CSV dialect. */
@Plugin(type = Command.class, label = "Export Recording as CSV", headless = true,
        description = "Write a recording (ABF, CSV) as CSV with chosen channels, sweeps and preprocessing")
public class ExportRecordingCommand extends RecordingCommand {
    @Parameter private LogService log;

    @Parameter(label = "Channels (empty: all)", required = false, persist = false)
    private String channels = "";
    @Parameter(label = "Output CSV", style = FileWidget.SAVE_STYLE, persist = false)
    private File output_file;

    @Parameter(type = ItemIO.OUTPUT) private String written_file;

    @Override
    public void run() {
        try {
            written_file = RecordingExport.run(CommandFields.copy(this, new ExportSettings())).toString();
            log.info("Export Recording as CSV: wrote " + written_file);
        } catch (InvalidInputException e) {
            log.error("Export Recording as CSV: " + e.getMessage());
            cancel("Export Recording as CSV: " + e.getMessage());
        } catch (java.io.IOException e) {
            log.error("Export Recording as CSV: could not read or write a file: " + e.getMessage());
            cancel("Export Recording as CSV: could not read or write a file: " + e.getMessage());
        }
    }
}
