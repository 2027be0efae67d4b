package org.rmmfiji.io;

/** Settings of "Export Recording as CSV" (snake_case: parameter names, macro and launcher keys). */
public final class ExportSettings extends RecordingSettings {
    /** Channels to write, comma separated; empty: all. */
    public String channels = "";
    /** The CSV to write (".gz" compresses). */
    public String output_file = "";
}
