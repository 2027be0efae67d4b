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
import org.rmmfiji.io.ExportSettings;
import org.rmmfiji.io.RecordingExport;

/** Export Recording as CSV: an ABF (or any readable recording) → the project's CSV dialect. */
@Plugin(type = Command.class, label = "Export Recording as CSV", headless = true,
        description = "Write a recording (ABF, CSV) as CSV with chosen channels, sweeps and preprocessing")
public class ExportRecordingCommand extends ContextCommand {
    @Parameter private LogService log;

    @Parameter(label = "Recording", style = FileWidget.OPEN_STYLE, persist = false)
    private File recording_file;
    @Parameter(label = "Channels (empty: all)", required = false, persist = false)
    private String channels = "";
    @Parameter(label = "Sampling step if the file has no time column (ms, 0: it has)", min = "0", persist = false)
    private double sampling_step_ms = 0;
    @Parameter(label = "MATLAB voltage unit", choices = {"mV", "V", "uV"}, persist = false)
    private String mat_voltage_unit = "mV";
    @Parameter(label = "MATLAB current unit", choices = {"nA", "pA", "uA", "A"}, persist = false)
    private String mat_current_unit = "nA";
    @Parameter(label = "NWB series (name prefix; empty: all)", required = false, persist = false)
    private String nwb_series = "";
    @Parameter(label = "Sweeps (e.g. 0-3,7; empty: all)", required = false, persist = false)
    private String sweeps = "";
    @Parameter(label = "Voltage offset (mV)", persist = false)
    private double voltage_offset_mV = 0;
    @Parameter(label = "Low-pass (Hz, 0: none)", min = "0", persist = false)
    private double lowpass_hz = 0;
    @Parameter(label = "Resample to (ms, 0: keep)", min = "0", persist = false)
    private double resample_ms = 0;
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
