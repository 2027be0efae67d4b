package org.rmmfiji.data;

/**
 * A stretch of recording with no gap (a sweep, a file, or a part of one): float32 samples per channel.
 * A segment may be a view [offset, offset+length) into shared arrays, so splitting a recording into
 * train / validation / test copies nothing. Filters warm up per segment; no sample crosses its boundary, except that
 * a part cut from a longer stretch knows its {@link #lead()}: the recording just before it, with no gap, which a free
 * run may use to warm its filters up (never to train or score).
 */
public final class Segment {
    private final String name;
    private final float[][] channels;
    private final int offset;
    private final int length;
    /** Samples just before {@code offset} that continue into this segment with no gap (0 for a whole sweep or file). */
    private final int lead;
    /** When the segment began (ms from the start of the recording), where the file says; NaN otherwise. */
    private double startMs = Double.NaN;

    public Segment(String name, float[][] channels) {
        this(name, channels, 0, channels.length == 0 ? 0 : channels[0].length);
    }

    public Segment(String name, float[][] channels, int offset, int length) {
        this(name, channels, offset, length, 0);
    }

    private Segment(String name, float[][] channels, int offset, int length, int lead) {
        for (float[] c : channels) {
            if (offset < 0 || length < 0 || offset + length > c.length)
                throw new IllegalArgumentException("segment range out of bounds");
        }
        this.name = name;
        this.channels = channels;
        this.offset = offset;
        this.length = length;
        this.lead = lead;
    }

    /** The same samples, starting at the given time (ms from the start of the recording). */
    public Segment startingAt(double ms) {
        Segment s = new Segment(name, channels, offset, length, lead);
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

    /** A sub-range [from, to) of this segment, sharing its storage; what comes before it in this segment is its lead. */
    public Segment slice(String sliceName, int from, int to) {
        if (from < 0 || to > length || from > to) throw new IllegalArgumentException("slice out of bounds");
        return new Segment(sliceName, channels, offset + from, to - from, lead + from);
    }

    /**
     * How many samples of the same stretch of recording come just before this segment with no gap: the parts of a
     * sweep that precede a validation or test part cut from it. 0 for a whole sweep, file or segment.
     */
    public int lead() { return lead; }

    /** This segment with the last {@code samples} of its lead prepended (same name; samples ≤ {@link #lead()}). */
    public Segment extendedBack(int samples) {
        if (samples < 0 || samples > lead) throw new IllegalArgumentException("a segment can be extended back by at most its lead of " + lead + " samples");
        if (samples == 0) return this;
        return new Segment(name, channels, offset - samples, length + samples, lead - samples);
    }
}
