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
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final ExportSettings DEFAULTS = new ExportSettings();
    @Parameter private LogService log;

    @Parameter(label = "Channels (empty: all)", required = false, persist = false)
    private String channels = DEFAULTS.channels;
    @Parameter(label = "Output CSV", style = FileWidget.SAVE_STYLE, persist = false)
    private File output_file;
    @Parameter(label = "Overwrite an existing file", required = false, persist = false)
    private boolean overwrite = DEFAULTS.overwrite;

    @Parameter(type = ItemIO.OUTPUT) private String written_file;
    /** The reader's warnings, one a line (logged too), for the IJ1 Log window. */
    @Parameter(type = ItemIO.OUTPUT) private String warnings;

    @Override
    public void run() {
        try {
            java.util.List<String> said = new java.util.ArrayList<>();
            written_file = RecordingExport.run(OpenRecordings.resolve(CommandFields.copy(this, new ExportSettings())), w -> {
                said.add(w);
                log.warn(w);
            }).toString();
            warnings = String.join("\n", said);
            log.info("Export Recording as CSV wrote " + java.nio.file.Paths.get(written_file).toAbsolutePath().normalize());
        } catch (InvalidInputException e) {
            log.error("Export Recording as CSV: " + e.getMessage());
            cancel("Export Recording as CSV: " + e.getMessage());
        } catch (java.io.IOException e) {
            log.error("Export Recording as CSV: could not read or write a file: " + e.getMessage());
            cancel("Export Recording as CSV: could not read or write a file: " + e.getMessage());
        }
    }
}
