package org.rmmfiji.io;

/** Settings of "Export Recording as CSV" (snake_case: parameter names, macro and launcher keys). */
public final class ExportSettings {
    public String recording_file = "";
    /** Channels to write, comma separated; empty: all. */
    public String channels = "";
    public double sampling_step_ms = 0;
    /** MATLAB files carry no units: the unit of their V… variables. */
    public String mat_voltage_unit = "mV";
    /** …and of their I… variables. */
    public String mat_current_unit = "nA";
    /** NWB: only series whose name starts with this; empty: all. */
    public String nwb_series = "";
    public String sweeps = "";
    public double voltage_offset_mV = 0;
    public double lowpass_hz = 0;
    public double resample_ms = 0;
    /** The CSV to write (".gz" compresses). */
    public String output_file = "";
}
