package org.rmmfiji.data;

/**
 * A stretch of recording with no gap (a sweep, a file, or a part of one): float32 samples per channel.
 * A segment may be a view [offset, offset+length) into shared arrays, so splitting a recording into
 * train / validation / test copies nothing. Filters warm up per segment; nothing crosses its boundary.
 */
public final class Segment {
    private final String name;
    private final float[][] channels;
    private final int offset;
    private final int length;
    /** When the segment began (ms from the start of the recording), where the file says; NaN otherwise. */
    private double startMs = Double.NaN;

    public Segment(String name, float[][] channels) {
        this(name, channels, 0, channels.length == 0 ? 0 : channels[0].length);
    }

    public Segment(String name, float[][] channels, int offset, int length) {
        for (float[] c : channels) {
            if (offset < 0 || length < 0 || offset + length > c.length)
                throw new IllegalArgumentException("segment range out of bounds");
        }
        this.name = name;
        this.channels = channels;
        this.offset = offset;
        this.length = length;
    }

    /** The same samples, starting at the given time (ms from the start of the recording). */
    public Segment startingAt(double ms) {
        Segment s = new Segment(name, channels, offset, length);
        s.startMs = ms;
        return s;
    }

    /** When the segment began (ms from the start of the recording), or NaN when the file does not say. */
    public double startMs() { return startMs; }

    public String name() { return name; }
    public int length() { return length; }
    public int channelCount() { return channels.length; }

    /** Sample k of channel c, k relative to this segment. */
    public float get(int c, int k) { return channels[c][offset + k]; }

    /** A copy of channel c as doubles. */
    public double[] channelAsDouble(int c) {
        double[] out = new double[length];
        float[] src = channels[c];
        for (int k = 0; k < length; k++) out[k] = src[offset + k];
        return out;
    }

    /** The raw backing array of channel c and this segment's offset into it (read only by convention). */
    public float[] backing(int c) { return channels[c]; }
    public int offset() { return offset; }

    /** A sub-range [from, to) of this segment, sharing its storage. */
    public Segment slice(String sliceName, int from, int to) {
        if (from < 0 || to > length || from > to) throw new IllegalArgumentException("slice out of bounds");
        return new Segment(sliceName, channels, offset + from, to - from);
    }
}
