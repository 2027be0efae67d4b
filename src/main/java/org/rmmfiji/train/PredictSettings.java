package org.rmmfiji.train;

/** Settings of the Predict command (snake_case: parameter names, macro keys, launcher keys). */
public final class PredictSettings {
    public String model_file = "";
    public String recording_file = "";
    /** The sampling step (ms) of a table without a time column; 0: the file has one. */
    public double sampling_step_ms = 0;
    /** MATLAB files carry no units: the unit of their V… variables. */
    public String mat_voltage_unit = "mV";
    /** …and of their I… variables. */
    public String mat_current_unit = "nA";
    /** NWB: only series whose name starts with this; empty: all. */
    public String nwb_series = "";
    /** Sweeps (segments) to use, e.g. "0-3,7"; empty: all. */
    public String sweeps = "";
    /** Added to every voltage channel (mV), e.g. a liquid-junction correction. */
    public double voltage_offset_mV = 0;
    /** Zero-phase low-pass cut-off (Hz) applied to every channel; 0: none. */
    public double lowpass_hz = 0;
    /** Decimate to this step (ms), with anti-aliasing; 0: keep the recording's step. */
    public double resample_ms = 0;
    /** Channel overrides; empty: the channels the model was fitted with. */
    public String neurons = "";
    public String inputs = "";
    public String currents = "";
    public String output_dir = "";
    public String output_name = "";
    public String record_currents = "";
}
