package org.rmmfiji.io;

/** Settings of "Open Recording" (snake_case: parameter names, macro and launcher keys). */
public final class OpenRecordingSettings extends RecordingSettings {
    @Key("Channels to draw, comma separated (names as listed by the reader, or column names such as V_mV); empty: all.")
    public String channels = "";
    @Key("The segment (sweep or file) to draw, from 0.")
    public int segment = 0;
    @Key(value = "Start of the drawn window, from the segment's start.", unit = "ms")
    public double from_ms = 0;
    @Key(value = "Length of the drawn window; 0: the whole segment (long traces are drawn as per-pixel minimum and maximum).", unit = "ms")
    public double length_ms = 0;
}
