package org.rmmfiji.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One or more segments sharing the sampling step δ (ms) and the same named channels (canonical units).
 * Where it came from is kept for provenance.
 */
public final class Recording {
    private final String source;
    private final double dt;
    private final List<Channel> channels;
    private final List<Segment> segments;
    private final List<String> notes;

    public Recording(String source, double dtMs, List<Channel> channels, List<Segment> segments, List<String> notes) {
        if (!(dtMs > 0) || Double.isInfinite(dtMs))
            throw new InvalidInputException(source + ": the sampling step must be a positive number of ms, got " + dtMs);
        if (channels.isEmpty()) throw new InvalidInputException(source + ": no channels");
        for (Segment s : segments) {
            if (s.channelCount() != channels.size())
                throw new IllegalArgumentException("segment " + s.name() + " has " + s.channelCount() + " channels, expected " + channels.size());
        }
        this.source = source;
        this.dt = dtMs;
        this.channels = List.copyOf(channels);
        this.segments = List.copyOf(segments);
        this.notes = List.copyOf(notes);
    }

    public String source() { return source; }
    /** The sampling step in ms. */
    public double dt() { return dt; }
    public List<Channel> channels() { return channels; }
    public List<Segment> segments() { return segments; }

    /** Segment {@code index} (from 0); one the recording does not have is refused with how many it has. */
    public Segment segment(int index) {
        if (index < 0 || index >= segments.size())
            throw new InvalidInputException("segment " + index + " does not exist: " + source + " has " + segments.size() + " segment(s), 0 to " + (segments.size() - 1));
        return segments.get(index);
    }
    /** What readers did to the data (unit conversions, assumptions), for provenance. */
    public List<String> notes() { return notes; }

    /** A channel by its name, or by the column name the user saw in the file ({@code V_mV} for channel V in mV). */
    public int channelIndex(String name) {
        for (int i = 0; i < channels.size(); i++) if (channels.get(i).name().equals(name)) return i;
        int u = name.lastIndexOf('_');
        if (u <= 0) return -1;
        String base = name.substring(0, u), unit = name.substring(u + 1);
        Units.Kind kind = Units.kindOf(unit);
        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get(i);
            if (c.name().equals(base) && (unit.equals(c.unit()) || kind != Units.Kind.OTHER && kind == c.kind())) return i;
        }
        return -1;
    }

    /** The channel's own name for a name or column name the user gave; the text itself when there is none. */
    public String channelName(String nameOrColumn) {
        int i = channelIndex(nameOrColumn);
        return i < 0 ? nameOrColumn : channels.get(i).name();
    }

    /** The readers' warnings among the notes: what a user must see, whichever command read the file. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        for (String n : notes) if (n.contains("warning:")) w.add(n);
        return w;
    }

    /** The index of a channel, or a message that lists the channels there are. */
    public int requireChannel(String name, Units.Kind kind) {
        int i = channelIndex(name);
        if (i < 0) {
            throw new InvalidInputException(source + ": no channel named '" + name + "'; the channels are " + channelNames());
        }
        if (kind != null && channels.get(i).kind() != kind) {
            throw new InvalidInputException(source + ": channel '" + name + "' is in " + channels.get(i).unit()
                    + " but a " + kind.name().toLowerCase() + " channel was expected");
        }
        return i;
    }

    public List<String> channelNames() {
        List<String> names = new ArrayList<>();
        for (Channel c : channels) names.add(c.name());
        return Collections.unmodifiableList(names);
    }

    public List<String> channelNames(Units.Kind kind) {
        List<String> names = new ArrayList<>();
        for (Channel c : channels) if (c.kind() == kind) names.add(c.name());
        return names;
    }

    public long totalSamples() {
        long n = 0;
        for (Segment s : segments) n += s.length();
        return n;
    }

    public double durationMs() { return totalSamples() * dt; }
}
