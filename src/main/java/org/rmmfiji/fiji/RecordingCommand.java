package org.rmmfiji.fiji;

import java.io.File;

import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

import org.rmmfiji.io.RecordingSettings;

/**
 * The parameters of every command that reads a recording, declared once: they mirror
 * {@link org.rmmfiji.io.RecordingSettings} field for field (SciJava finds annotated fields in superclasses).
 */
abstract class RecordingCommand extends ContextCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final RecordingSettings DEFAULTS = new RecordingSettings();
    /** Not required by SciJava: each command says itself what an unset recording means (Inspect Currents runs without one). */
    @Parameter(label = "Recording (ABF, MAT, NWB or CSV)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
    private File recording_file;
    @Parameter(label = "or an open trace window or table (its title)", required = false, persist = false)
    private String recording = DEFAULTS.recording;
    @Parameter(label = "Sampling step if the file has no time (ms, 0: it has)", min = "0", persist = false)
    private double sampling_step_ms = DEFAULTS.sampling_step_ms;
    @Parameter(label = "MATLAB voltage unit", choices = {"mV", "V", "uV"}, persist = false)
    private String mat_voltage_unit = DEFAULTS.mat_voltage_unit;
    @Parameter(label = "MATLAB current unit", choices = {"nA", "pA", "uA", "A"}, persist = false)
    private String mat_current_unit = DEFAULTS.mat_current_unit;
    @Parameter(label = "NWB series (name prefix; empty: all)", required = false, persist = false)
    private String nwb_series = DEFAULTS.nwb_series;
    @Parameter(label = "Sweeps (e.g. 0-3,7; empty: all)", required = false, persist = false)
    private String sweeps = DEFAULTS.sweeps;
    @Parameter(label = "Voltage offset (mV)", persist = false)
    private double voltage_offset_mV = DEFAULTS.voltage_offset_mV;
    @Parameter(label = "Low-pass (Hz, 0: none)", min = "0", persist = false)
    private double lowpass_hz = DEFAULTS.lowpass_hz;
    @Parameter(label = "Resample to (ms, 0: keep)", min = "0", persist = false)
    private double resample_ms = DEFAULTS.resample_ms;
}
