package org.rmmfiji.io;

/** Settings of "Export Recording as CSV" (snake_case: parameter names, macro and launcher keys). */
public final class ExportSettings extends RecordingSettings {
    @Key("Channels to write, comma separated (names as listed by the reader, or column names such as V_mV); empty: all.")
    public String channels = "";
    @Key("The CSV to write (\".gz\" compresses).")
    public String output_file = "";
    @Key("Replace output_file when it exists; false: refuse and say so.")
    public boolean overwrite = false;
}
