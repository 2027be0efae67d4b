package org.rmmfiji.fiji;

import static org.rmmfiji.fiji.Figures.*;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;

/**
 * A recording's trace window: one panel per chosen channel of one segment, in a time window, drawn as per-pixel
 * minimum and maximum so that an hour of 20 kHz data draws at once with every spike visible.
 */
final class TraceFigure {
    private TraceFigure() {}

    /** The channel indices named in a comma-separated list (names or column names), or all of them. */
    static List<Integer> channels(Recording rec, String list) {
        List<Integer> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            for (int c = 0; c < rec.channels().size(); c++) out.add(c);
            return out;
        }
        for (String name : list.split(",")) {
            if (name.isBlank()) continue;
            int c = rec.channelIndex(rec.channelName(name.trim()));
            if (c < 0) throw new InvalidInputException(rec.source() + " has no channel '" + name.trim() + "'; its channels are " + rec.channelNames());
            out.add(c);
        }
        return out;
    }

    /** Samples [from, to) of a segment for a window in ms (length 0: to the end); a window outside the segment is refused. */
    static int[] window(Segment seg, double dt, double fromMs, double lengthMs) {
        if (!(fromMs >= 0) || !(lengthMs >= 0)) throw new InvalidInputException("from_ms and length_ms must be ≥ 0, got " + fromMs + " and " + lengthMs);
        double fromSamples = Math.rint(fromMs / dt);
        if (fromSamples >= seg.length())
            throw new InvalidInputException(String.format(Locale.ROOT, "from_ms = %.1f ms is beyond the end of segment %s (%.1f ms)", fromMs, seg.name(), seg.length() * dt));
        int from = (int) fromSamples;
        int to = lengthMs > 0 ? (int) Math.min(seg.length(), from + Math.rint(lengthMs / dt)) : seg.length();
        return new int[] {from, Math.max(from + 1, to)};
    }

    static ImagePlus build(String title, Recording rec, int segment, List<Integer> channels, double fromMs, double lengthMs) {
        return build(title, rec, segment, channels, fromMs, lengthMs, java.util.Map.of());
    }

    /** The colour of a prediction drawn over its recorded channel. */
    static final Color PREDICTED = new Color(200, 0, 0);

    /**
     * As above, with predictions drawn over chosen channels: channel index → the predicted samples of the segment
     * (NaN where nothing was predicted, e.g. in the filters' transient).
     */
    static ImagePlus build(String title, Recording rec, int segment, List<Integer> channels, double fromMs, double lengthMs,
                           java.util.Map<Integer, Samples> predicted) {
        Segment seg = rec.segments().get(segment);
        int[] w = window(seg, rec.dt(), fromMs, lengthMs);
        double t0 = Double.isFinite(seg.startMs()) ? seg.startMs() : 0;
        List<Plot> panels = new ArrayList<>();
        List<String> subtitles = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            int c = channels.get(i);
            final int ch = c;
            List<double[]> drawn = points(k -> seg.get(ch, k), w[0], w[1], t0, rec.dt());   // the floats read in place, not copied
            double[][] pts = {drawn.get(0), drawn.get(1)};
            String name = rec.channels().get(c).name(), unit = rec.channels().get(c).unit();
            Plot p = new Plot(name, "t (ms)", name + " (" + unit + ")");
            p.setSize(WIDTH, channels.size() <= 2 ? PANEL_HEIGHT : 170);
            p.setColor(PALETTE[i % PALETTE.length]);
            p.add("line", pts[0], pts[1]);
            Samples over = predicted.get(c);
            if (over != null) {
                List<double[]> q = points(over, w[0], w[1], t0, rec.dt());
                p.setColor(PREDICTED);
                p.add("line", q.get(0), q.get(1));
                p.setLegend("recorded\tpredicted (free run)", Plot.TOP_LEFT);
            }
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : pts[1]) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            if (!(hi > lo)) { lo = Double.isFinite(lo) ? lo - 1 : -1; hi = lo + 2; }
            double pad = 0.05 * (hi - lo);
            p.setLimits(pts[0][0], pts[0][pts[0].length - 1], lo - pad, hi + pad);
            panels.add(p);
            subtitles.add(name + " (" + unit + ")");
        }
        String head = String.format(Locale.ROOT, "%s%s · segment %s (%d of %d) · %.1f–%.1f ms", title, predicted.isEmpty() ? "" : " with the fit's prediction", seg.name(), segment + 1, rec.segments().size(),
                t0 + w[0] * rec.dt(), t0 + w[1] * rec.dt());
        ImagePlus imp = stack(head, panels, subtitles);
        imp.setTitle(title);
        return imp;
    }
}
