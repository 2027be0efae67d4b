package org.rmmfiji.fiji;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.rmmfiji.job.FitResult;
import org.rmmfiji.metrics.MetricsReport;

/**
 * Recorded vs free-run voltage, one figure per modelled neuron: a chosen window (by default the first 2 s after the
 * filter transient) above an overview of the whole previewed segment. The y-range covers both traces, with room at
 * the top for the legend and the metrics so that they never sit on a trace. Rendered headless to PNG.
 */
public final class PredictionPlot {
    private PredictionPlot() {}

    static final int WIDTH = 900, WINDOW_HEIGHT = 360, OVERVIEW_HEIGHT = 220;
    /** Fraction of the y-range kept free above the traces for the legend and the metrics line. */
    static final double HEADROOM = 0.35;
    /** The overview draws at most this many min/max pairs: enough for the width, cheap for hours of data. */
    static final int OVERVIEW_POINTS = 2 * WIDTH;

    /** A figure: both panels in one image, and its title. */
    static final class Figure {
        final ImagePlus image;
        final String title;
        Figure(ImagePlus image, String title) { this.image = image; this.title = title; }
    }

    /** [from, to) samples of a run of n samples for a window given in ms from its first sample; the whole run if it is shorter. */
    static int[] window(int n, double dt, double fromMs, double lengthMs) {
        int len = lengthMs > 0 ? (int) Math.min(n, Math.round(lengthMs / dt)) : n;
        int from = (int) Math.max(0, Math.min(n - len, Math.round(fromMs / dt)));
        return new int[] {from, from + len};
    }

    /** The y-limits that hold every finite sample of both traces in [from, to), plus the headroom on top. */
    static double[] limits(double[] a, double[] b, int from, int to) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] x : new double[][] {a, b})
            for (int k = from; k < to; k++) if (Double.isFinite(x[k])) { lo = Math.min(lo, x[k]); hi = Math.max(hi, x[k]); }
        if (!(hi >= lo)) { lo = -80; hi = 40; }
        if (hi - lo < 1) { lo -= 0.5; hi += 0.5; }
        double pad = 0.03 * (hi - lo);
        return new double[] {lo - pad, hi + pad + HEADROOM / (1 - HEADROOM) * (hi - lo + 2 * pad)};
    }

    static String title(String neuron, String part, String segment, double t0, double t1) {
        return String.format(Locale.ROOT, "%s, %s segment %s, %.0f–%.0f ms: recorded vs free-run prediction", neuron, part, segment, t0, t1);
    }

    static List<Figure> build(FitResult r) {
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < r.preview.predicted.length; i++) {
            double[] rec = r.preview.measured[i], pred = r.preview.predicted[i];
            int n = rec.length;
            int[] w = window(n, r.dt, r.plotFrom_ms, r.plotLength_ms);
            double t0 = (r.preview.start + w[0]) * r.dt, t1 = (r.preview.start + w[1] - 1) * r.dt;
            String neuron = r.network.voltageName(i);
            String title = title(neuron, r.previewPart, r.previewSegment == null ? "0" : r.previewSegment, t0, t1);
            Plot detail = panel(title, rec, pred, w[0], w[1], r.preview.start, r.dt, 1, WINDOW_HEIGHT);
            MetricsReport mr = find(r.metrics, neuron, r.previewPart);
            if (mr != null) {
                detail.setColor(Color.BLACK);
                detail.addLabel(0.01, 0.08, String.format(Locale.ROOT, "%s: score %.3f  loss %.3g  Γ %.2f  spikes %d/%d", r.previewPart, mr.score, mr.loss,
                        mr.gamma, mr.spikes_model, mr.spikes_data));
            }
            int step = Math.max(1, n / (OVERVIEW_POINTS / 2));
            Plot overview = panel(String.format(Locale.ROOT, "overview: the whole segment, %.0f–%.0f ms (window marked)", r.preview.start * r.dt,
                    (r.preview.start + n - 1) * r.dt), rec, pred, 0, n, r.preview.start, r.dt, step, OVERVIEW_HEIGHT);
            double[] lim = limits(rec, pred, 0, n);
            overview.setColor(Color.BLUE);
            overview.drawLine(t0, lim[0], t0, lim[1]);
            overview.drawLine(t1, lim[0], t1, lim[1]);
            out.add(new Figure(stack(title, detail, overview), title));
        }
        return out;
    }

    /** One panel; with step > 1 each bucket of samples is drawn as its minimum and maximum, so spikes stay visible. */
    private static Plot panel(String title, double[] rec, double[] pred, int from, int to, int start, double dt, int step, int height) {
        List<double[]> a = points(rec, from, to, start, dt, step), b = points(pred, from, to, start, dt, step);
        double[] lim = limits(rec, pred, from, to);
        Plot p = new Plot(title, "t (ms from segment start)", "V (mV)");
        p.setSize(WIDTH, height);
        p.setColor(Color.GRAY);
        p.add("line", a.get(0), a.get(1));
        p.setColor(new Color(200, 30, 30));
        p.add("line", b.get(0), b.get(1));
        p.setLimits(from == to ? 0 : (start + from) * dt, (start + Math.max(from + 1, to) - 1) * dt, lim[0], lim[1]);
        p.setLegend("recorded\tmodel", Plot.TOP_RIGHT);
        return p;
    }

    private static List<double[]> points(double[] x, int from, int to, int start, double dt, int step) {
        int buckets = (to - from + step - 1) / step;
        int m = step == 1 ? to - from : 2 * buckets;
        double[] t = new double[m], v = new double[m];
        if (step == 1) {
            for (int k = 0; k < m; k++) { t[k] = (start + from + k) * dt; v[k] = x[from + k]; }
        } else {
            for (int b = 0; b < buckets; b++) {
                int k0 = from + b * step, k1 = Math.min(to, k0 + step);
                double lo = Double.NaN, hi = Double.NaN;
                for (int k = k0; k < k1; k++) if (Double.isFinite(x[k])) { lo = Double.isNaN(lo) ? x[k] : Math.min(lo, x[k]); hi = Double.isNaN(hi) ? x[k] : Math.max(hi, x[k]); }
                t[2 * b] = (start + k0) * dt;
                t[2 * b + 1] = (start + (k0 + k1) / 2.0) * dt;
                v[2 * b] = lo;
                v[2 * b + 1] = hi;
            }
        }
        return List.of(t, v);
    }

    /** Both panels under their titles (an ImageJ plot's own title names only its window, not the image). */
    private static ImagePlus stack(String title, Plot top, Plot bottom) {
        ImageProcessor a = top.getProcessor(), b = bottom.getProcessor();
        int bar = 26;
        ColorProcessor c = new ColorProcessor(Math.max(a.getWidth(), b.getWidth()), 2 * bar + a.getHeight() + b.getHeight());
        c.setColor(Color.WHITE);
        c.fill();
        c.setAntialiasedText(true);
        c.setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 14));
        c.setColor(Color.BLACK);
        c.drawString(title, 10, bar - 5);
        c.insert(a.convertToRGB(), 0, bar);
        c.setFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 13));
        c.drawString(bottom.getTitle(), 10, 2 * bar + a.getHeight() - 5);
        c.insert(b.convertToRGB(), 0, 2 * bar + a.getHeight());
        return new ImagePlus(title, c);
    }

    /** Draws a fit's prediction figures and saves them where the fit says ({@link FitResult#plotFiles}), as Fit RMM does. */
    public static List<Path> write(FitResult r) { return save(build(r), r.plotFiles); }

    /** Saves each figure to its path (given by the job, which checked that it may write there), atomically. */
    static List<Path> save(List<Figure> figures, List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Path png = paths.get(i);
            Path tmp = png.resolveSibling("." + png.getFileName() + ".part.png");
            if (!new FileSaver(figures.get(i).image).saveAsPng(tmp.toString())) throw new IllegalStateException("could not write " + png);
            try {
                Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not write " + png + ": " + e.getMessage(), e);
            }
            out.add(png);
        }
        return out;
    }

    private static MetricsReport find(List<MetricsReport> l, String neuron, String part) {
        for (MetricsReport m : l) if (m.neuron.equals(neuron) && m.part.equals(part)) return m;
        return null;
    }
}
