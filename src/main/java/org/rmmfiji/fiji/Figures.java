package org.rmmfiji.fiji;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.rmmfiji.io.AtomicFiles;

/**
 * What the commands' figures share, rendered headless: sizes, the colour-blind-safe palette and the diverging colour
 * map, panels stacked under a title, long traces drawn as per-bucket extremes, and PNGs written whole.
 */
final class Figures {
    private Figures() {}

    static final int WIDTH = 900, PANEL_HEIGHT = 240;
    /** Okabe–Ito colours: one per synapse or component, distinguishable in colour-blind vision. */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
            new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};
    /** A diverging map (blue: inhibitory, white: 0, red: excitatory) from −1 to 1. */
    static final Color[] DIVERGING = {new Color(33, 102, 172), new Color(67, 147, 195), new Color(146, 197, 222), new Color(209, 229, 240),
            new Color(247, 247, 247), new Color(253, 219, 199), new Color(244, 165, 130), new Color(214, 96, 77), new Color(178, 24, 43)};
    static final Color ABSENT = new Color(215, 215, 215);

    /** A figure and the path it is saved to. */
    static final class Figure {
        final ImagePlus image;
        final Path png;
        Figure(ImagePlus image, Path png) { this.image = image; this.png = png; }
    }

    /**
     * Writes every figure whole (a temporary file renamed into place, as the CSVs are), so that a failure never
     * leaves a half-written PNG; returns the paths.
     */
    static List<Path> save(List<Figure> figures) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Figure f : figures) {
            BufferedImage bi = f.image.getProcessor().convertToRGB().getBufferedImage();
            AtomicFiles.writeBytes(f.png, o -> {
                if (!ImageIO.write(bi, "png", o)) throw new IOException("no PNG writer for " + f.png);
            });
            out.add(f.png);
        }
        return out;
    }

    /** The colour of t in [−1, 1] on the diverging map. */
    static Color diverging(double t) {
        if (!Double.isFinite(t)) return ABSENT;
        double u = (Math.max(-1, Math.min(1, t)) + 1) / 2 * (DIVERGING.length - 1);
        int i = (int) Math.min(DIVERGING.length - 2, Math.floor(u));
        double f = u - i;
        Color a = DIVERGING[i], b = DIVERGING[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())), (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    static String fmt(double x) { return String.format(Locale.ROOT, "%.3g", x); }

    static String signed(double x) { return (x > 0 ? "+" : "") + fmt(x); }

    static void centred(Graphics2D g, String s, int cx, int baseline) {
        g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }

    static ColorProcessor toProcessor(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        return new ColorProcessor(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    /** y-limits holding every finite sample of both traces in [from, to), with room at the top for the legend. */
    static double[] limits(double[] a, double[] b, int from, int to) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] x : new double[][] {a, b}) {
            if (x == null) continue;
            for (int k = from; k < to; k++) if (Double.isFinite(x[k])) { lo = Math.min(lo, x[k]); hi = Math.max(hi, x[k]); }
        }
        if (!(hi >= lo)) { lo = -1; hi = 1; }
        if (hi - lo < 1e-9) { lo -= 0.5 * Math.max(1e-3, Math.abs(lo)); hi += 0.5 * Math.max(1e-3, Math.abs(hi)); }
        double pad = 0.04 * (hi - lo);
        return new double[] {lo - pad, hi + pad + 0.35 * (hi - lo)};
    }

    /** Sample k of a trace (a double array, or a recording's floats read in place). */
    interface Samples { double at(int k); }

    /** Times and values in [from, to); a long window is drawn as per-bucket minimum and maximum so that peaks stay visible. */
    static List<double[]> points(double[] x, int from, int to, int start, double dt) {
        return points(k -> x[k], from, to, start * dt, dt);
    }

    /** As {@link #points(double[], int, int, int, double)} for any samples, sample k drawn at t0 + k·dt. */
    static List<double[]> points(Samples x, int from, int to, double t0, double dt) {
        int len = Math.max(0, to - from);
        int step = Math.max(1, len / (2 * WIDTH));
        if (step == 1) {
            double[] t = new double[len], v = new double[len];
            for (int k = 0; k < len; k++) { t[k] = t0 + (from + k) * dt; v[k] = x.at(from + k); }
            return List.of(t, v);
        }
        int buckets = (len + step - 1) / step;
        double[] t = new double[2 * buckets], v = new double[2 * buckets];
        for (int q = 0; q < buckets; q++) {
            int k0 = from + q * step, k1 = Math.min(to, k0 + step);
            double lo = Double.NaN, hi = Double.NaN;
            for (int k = k0; k < k1; k++) {
                double xk = x.at(k);
                if (Double.isFinite(xk)) { lo = Double.isNaN(lo) ? xk : Math.min(lo, xk); hi = Double.isNaN(hi) ? xk : Math.max(hi, xk); }
            }
            t[2 * q] = t0 + k0 * dt;
            t[2 * q + 1] = t0 + (k0 + k1) / 2.0 * dt;
            v[2 * q] = lo;
            v[2 * q + 1] = hi;
        }
        return List.of(t, v);
    }

    /**
     * A current along a recording: forced by the recorded voltages (grey) and, when {@code free} is not null, along the
     * model's free run (red, as in the prediction plots), samples [from, to) drawn at (start + k)·dt, with a legend.
     */
    static void forcedAndFree(Plot p, double[] forced, double[] free, int from, int to, int start, double dt, double t0, double t1) {
        List<double[]> pa = points(forced, from, to, start, dt);
        p.setColor(new Color(90, 90, 90));
        p.add("line", pa.get(0), pa.get(1));
        if (free != null) {
            List<double[]> pb = points(free, from, to, start, dt);
            p.setColor(new Color(200, 30, 30));
            p.add("line", pb.get(0), pb.get(1));
        }
        double[] lim = limits(forced, free, from, to);
        p.setLimits(t0, t1, lim[0], lim[1]);
        p.setColor(Color.BLACK);
        p.setLegend(free == null ? "forced by the recording" : "forced by the recording\tfree run of the model", Plot.TOP_RIGHT);
    }

    /** Panels one above the other under a title, each with its subtitle (an ImageJ plot's own title names only its window). */
    static ImagePlus stack(String title, List<Plot> panels, List<String> subtitles) {
        int bar = 26, sub = 22;
        List<ImageProcessor> ips = new ArrayList<>();
        int w = 0, h = bar;
        for (Plot p : panels) {
            ImageProcessor ip = p.getProcessor().convertToRGB();
            ips.add(ip);
            w = Math.max(w, ip.getWidth());
            h += sub + ip.getHeight();
        }
        ColorProcessor c = new ColorProcessor(w, h);
        c.setColor(Color.WHITE);
        c.fill();
        c.setAntialiasedText(true);
        c.setColor(Color.BLACK);
        c.setFont(new Font("SansSerif", Font.BOLD, 14));
        c.drawString(title, 10, bar - 5);
        int y = bar;
        c.setFont(new Font("SansSerif", Font.PLAIN, 13));
        for (int i = 0; i < ips.size(); i++) {
            c.drawString(subtitles.get(i), 10, y + sub - 4);
            c.insert(ips.get(i), 0, y + sub);
            y += sub + ips.get(i).getHeight();
        }
        return new ImagePlus(title, c);
    }
}
