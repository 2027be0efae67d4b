package org.rmmfiji.io;

/** Settings of "Export Recording as CSV" (snake_case: parameter names, macro and launcher keys). */
public final class ExportSettings {
    public String recording_file = "";
    /** Channels to write, comma separated; empty: all. */
    public String channels = "";
    public double sampling_step_ms = 0;
    public String sweeps = "";
    public double voltage_offset_mV = 0;
    public double lowpass_hz = 0;
    public double resample_ms = 0;
    /** The CSV to write (".gz" compresses). */
    public String output_file = "";
}
