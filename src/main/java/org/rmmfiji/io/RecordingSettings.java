package org.rmmfiji.io;

/**
 * What every command that reads a recording shares: the file, what its reader cannot learn from it, and the
 * preprocessing to apply. Fields are snake_case: they are command parameters, macro keys and JSON keys.
 */
public class RecordingSettings {
    /** The recording: Axon ABF (1 or 2), MATLAB .mat, NWB, or CSV/TSV (gzip allowed). */
    public String recording_file = "";
    /** The sampling step (ms) of a table without a time column, or of a .mat file without t; 0: the file has one. */
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

    /** Opens {@code recording_file} with these options and preprocessing. */
    public org.rmmfiji.data.Recording open() throws java.io.IOException {
        if (recording_file == null || recording_file.isBlank())
            throw new org.rmmfiji.data.InvalidInputException("recording_file is not set: choose the recording");
        ReadOptions o = ReadOptions.of(sampling_step_ms, mat_voltage_unit, mat_current_unit, nwb_series);
        return Preprocessing.of(sweeps, voltage_offset_mV, lowpass_hz, resample_ms).apply(Recordings.open(java.nio.file.Paths.get(recording_file), o));
    }
}
