package org.rmmfiji.fiji;

import java.io.File;

import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/**
 * The parameters of every command that reads a recording, declared once: they mirror
 * {@link org.rmmfiji.io.RecordingSettings} field for field (SciJava finds annotated fields in superclasses).
 */
abstract class RecordingCommand extends ContextCommand {
    @Parameter(label = "Recording (ABF, MAT, NWB or CSV)", style = FileWidget.OPEN_STYLE, persist = false)
    private File recording_file;
    @Parameter(label = "Sampling step if the file has no time (ms, 0: it has)", min = "0", persist = false)
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
}
