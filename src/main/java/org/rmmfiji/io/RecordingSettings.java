package org.rmmfiji.io;

/**
 * What every command that reads a recording shares: the file, what its reader cannot learn from it, and the
 * preprocessing to apply. Fields are snake_case: they are command parameters, macro keys and JSON keys.
 */
public class RecordingSettings {
    @Key("The recording: Axon ABF (1 or 2), MATLAB .mat, NWB, or CSV/TSV (gzip allowed).")
    public String recording_file = "";
    @Key("Instead of recording_file: the title of a trace window opened by Open Recording (in Fiji, or earlier in the same macro; read as it was opened there), "
            + "or of an open table with the CSV columns t_ms (or t_s), an optional segment and channels such as V_mV, I_nA (e.g. a CSV opened with File › Import › Results: Results).")
    public String recording = "";
    @Key(value = "The sampling step of a table without a time column, or of a .mat file without t; 0: the file has one.", unit = "ms")
    public double sampling_step_ms = 0;
    @Key("MATLAB files carry no units: the unit of their V… variables (mV, V, uV).")
    public String mat_voltage_unit = "mV";
    @Key("MATLAB files carry no units: the unit of their I… variables (nA, pA, uA, A).")
    public String mat_current_unit = "nA";
    @Key("NWB: only series whose name starts with this; empty: all.")
    public String nwb_series = "";
    @Key("Sweeps (segments) to use, e.g. \"0-3,7\"; empty: all.")
    public String sweeps = "";
    @Key(value = "Added to every voltage channel, e.g. a liquid-junction correction.", unit = "mV")
    public double voltage_offset_mV = 0;
    @Key(value = "Zero-phase low-pass cut-off applied to every channel; 0: none.", unit = "Hz")
    public double lowpass_hz = 0;
    @Key(value = "Decimate to this step, with anti-aliasing; 0: keep the recording's step.", unit = "ms")
    public double resample_ms = 0;

    /** A recording a front end holds in memory (in Fiji: a table window) instead of a file, and what provenance says of it; never a key. */
    private transient org.rmmfiji.data.Recording table;
    private transient Provenance.InputFile tableInput;

    /**
     * Reads {@code recording}, converted from a table a front end holds (e.g. by {@link TableRecordings}), instead of a
     * file: {@link #open()} applies the preprocessing keys to it, and {@code describedAs} (its title, where it was, its
     * rows; no SHA-256) is what a model's provenance names as the input.
     */
    public void readTable(org.rmmfiji.data.Recording recording, Provenance.InputFile describedAs) {
        table = java.util.Objects.requireNonNull(recording, "recording");
        tableInput = java.util.Objects.requireNonNull(describedAs, "describedAs");
    }

    /** The description of the table given by {@link #readTable}, or null when the recording is a file. */
    public Provenance.InputFile table() { return tableInput; }

    /** Whether there is a recording to read: a file, or a table given by {@link #readTable}. */
    public boolean hasRecording() { return table != null || recording_file != null && !recording_file.isBlank(); }

    /** Refuses settings that give no recording (no file, no table), naming what the recording is for ("fit", …). */
    public void requireRecording(String forWhat) {
        if (!hasRecording()) throw new org.rmmfiji.data.InvalidInputException("recording_file is not set: choose the recording to " + forWhat);
    }

    /**
     * The reading keys (the file, what its reader cannot learn, the preprocessing) of {@code other}, copied into these
     * settings: every key of this class but {@code recording}, so that a key added here is never left out.
     */
    public void readAs(RecordingSettings other) {
        for (java.lang.reflect.Field f : RecordingSettings.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || !java.lang.reflect.Modifier.isPublic(f.getModifiers()) || f.getName().equals("recording")) continue;
            try {
                f.set(this, f.get(other));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Opens {@code recording_file} (or the table given by {@link #readTable}) with these options and preprocessing. */
    public org.rmmfiji.data.Recording open() throws java.io.IOException {
        if (table != null) return Preprocessing.of(sweeps, voltage_offset_mV, lowpass_hz, resample_ms).apply(table);
        if ((recording_file == null || recording_file.isBlank()) && recording != null && !recording.isBlank())
            throw new org.rmmfiji.data.InvalidInputException("recording=[" + recording + "] names a trace window of Open Recording or a table window, which only Fiji's commands know; "
                    + "here give recording_file");
        if (recording_file == null || recording_file.isBlank())
            throw new org.rmmfiji.data.InvalidInputException("recording_file is not set: choose the recording");
        ReadOptions o = ReadOptions.of(sampling_step_ms, mat_voltage_unit, mat_current_unit, nwb_series);
        return Preprocessing.of(sweeps, voltage_offset_mV, lowpass_hz, resample_ms).apply(Recordings.open(java.nio.file.Paths.get(recording_file), o));
    }
}
