package org.rmmfiji.fiji;

import static org.rmmfiji.fiji.Figures.*;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;

import org.rmmfiji.analysis.Admittance;
import org.rmmfiji.analysis.IvCurves;
import org.rmmfiji.analysis.IvEnvelope;
import org.rmmfiji.analysis.SynapticTraces;
import org.rmmfiji.job.CurrentsResult;

/**
 * The figures of Inspect Currents, rendered headless: the IV curves (steady-state, post-step) with the gates and
 * conductances of the conductance-based currents, the admittance map as an image with labelled axes and a colour bar,
 * the currents along the recording (forced and free run), and the ablation run.
 */
final class CurrentFigures {
    private CurrentFigures() {}

    /** Every figure of a result, in memory; nothing is written. */
    static List<Figure> build(CurrentsResult r) {
        List<Figure> out = new ArrayList<>(List.of(new Figure(iv(r), r.ivPng), new Figure(admittance(r.admittance), r.admittancePng)));
        if (r.ablation != null) out.add(new Figure(ablation(r), r.ablationPng));
        if (!r.forced.isEmpty()) out.add(new Figure(traces(r), r.tracesPng));
        return out;
    }

    static ImagePlus iv(CurrentsResult r) {
        double[] v = r.steady.voltage_mV;
        List<Plot> panels = new ArrayList<>();
        List<String> subtitles = new ArrayList<>();
        panels.add(ivPanel(r.steady, "steady-state current (nA), + outward"));
        subtitles.add("steady state: every filter state settled at the held voltage, I_c(v) = ψ_c(v, DC·v)");
        if (r.envelope != null) {
            panels.add(envelopePanel(r.envelope));
            subtitles.add("steady state over " + r.envelope.fits + " fits: mean (thick) ± SD (thin) of each current and of the total (black)");
        }
        panels.add(ivPanel(r.postStep, "current (nA), + outward"));
        subtitles.add(String.format(Locale.ROOT, "after a step: held at %.0f mV, stepped to v, read %.3g ms later", r.postStep.holding_mV, r.postStep.after_ms));
        List<IvCurves.Curve> gates = new ArrayList<>(), conductances = new ArrayList<>();
        for (IvCurves.Curve c : r.steady.curves) {
            if (c.output.equals("activation") || c.output.equals("inactivation")) gates.add(c);
            if (c.output.equals("conductance")) conductances.add(c);
        }
        if (!gates.isEmpty()) {
            Plot g = new Plot("gates", "membrane voltage (mV, held)", "steady-state gate");
            g.setSize(WIDTH, PANEL_HEIGHT);
            g.setLimits(v[0], v[v.length - 1], 0, 1.4);
            lines(g, v, gates, null, c -> c.current + (c.output.equals("activation") ? " m∞" : " h∞"));
            panels.add(g);
            subtitles.add("activation m∞ and inactivation h∞ of each conductance-based current (ḡ-weighted mean over its sub-conductances)");
            Plot k = new Plot("conductance", "membrane voltage (mV, held)", "steady-state conductance (µS)");
            k.setSize(WIDTH, PANEL_HEIGHT);
            lines(k, v, conductances, null, c -> c.current);
            panels.add(k);
            subtitles.add("conductance Σ ḡ_k m_k h_k of each conductance-based current");
        } else {
            subtitles.set(0, subtitles.get(0) + "; no conductance-based current, so no gates");
        }
        String title = String.format(Locale.ROOT, "Currents of %s (%s): IV curves%s", r.neuron, r.model,
                Double.isFinite(r.rest_mV) ? String.format(Locale.ROOT, ", rest %.1f mV", r.rest_mV) : ", no rest on the grid");
        return stack(title, panels, subtitles);
    }

    private static Plot ivPanel(IvCurves.Result iv, String yLabel) {
        List<IvCurves.Curve> currents = new ArrayList<>();
        for (IvCurves.Curve c : iv.curves) if (c.output.equals("current")) currents.add(c);
        Plot p = new Plot("IV", "membrane voltage (mV)", yLabel);
        p.setSize(WIDTH, PANEL_HEIGHT + 40);
        lines(p, iv.voltage_mV, currents, iv.total_nA, c -> c.current);
        return p;
    }

    /** Mean lines with thin lines at ± SD, one colour per current as in the other panels, the total in black. */
    private static Plot envelopePanel(IvEnvelope e) {
        Plot p = new Plot("IV envelope", "membrane voltage (mV)", "steady-state current (nA), + outward");
        p.setSize(WIDTH, PANEL_HEIGHT + 40);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<String> labels = new ArrayList<>();
        int colour = 0;
        for (IvEnvelope.Band b : e.bands) {
            if (!b.output.equals("current")) continue;
            boolean total = b.current.equals("total");
            Color c = total ? Color.BLACK : PALETTE[colour++ % PALETTE.length];
            double[] up = new double[b.mean.length], down = new double[b.mean.length];
            for (int i = 0; i < up.length; i++) {
                up[i] = b.mean[i] + b.sd[i];
                down[i] = b.mean[i] - b.sd[i];
                if (Double.isFinite(up[i])) hi = Math.max(hi, up[i]);
                if (Double.isFinite(down[i])) lo = Math.min(lo, down[i]);
            }
            p.setColor(c);
            p.setLineWidth(2);
            p.add("line", e.voltage_mV, b.mean);
            p.setLineWidth(1);
            p.add("line", e.voltage_mV, up);
            p.add("line", e.voltage_mV, down);
            labels.add(b.current);
        }
        // the legend lists one entry per data set: each current's mean, then its two SD lines, unlabelled
        List<String> legend = new ArrayList<>();
        for (String l : labels) { legend.add(l); legend.add(""); legend.add(""); }
        if (!(hi > lo)) { lo -= 1; hi += 1; }
        double[] v = e.voltage_mV;
        p.setColor(Color.GRAY);
        p.drawLine(v[0], 0, v[v.length - 1], 0);
        p.setLimits(v[0], v[v.length - 1], lo - 0.04 * (hi - lo), hi + 0.35 * (hi - lo));
        p.setColor(Color.BLACK);
        p.setLegend(String.join("\t", legend), Plot.TOP_LEFT);
        return p;
    }

    private interface Label { String of(IvCurves.Curve c); }

    /** One coloured line per curve (and the total in black), the limits holding them all with room for the legend. */
    private static void lines(Plot p, double[] v, List<IvCurves.Curve> curves, double[] total, Label label) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<String> labels = new ArrayList<>();
        p.setLineWidth(2);
        for (int i = 0; i < curves.size(); i++) {
            double[] y = curves.get(i).values;
            for (double x : y) if (Double.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
            p.setColor(PALETTE[i % PALETTE.length]);
            p.add("line", v, y);
            labels.add(label.of(curves.get(i)));
        }
        if (total != null) {
            for (double x : total) if (Double.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
            p.setColor(Color.BLACK);
            p.add("line", v, total);
            labels.add("total");
        }
        p.setLineWidth(1);
        if (!(hi > lo)) { lo -= 1; hi += 1; }
        if (total != null) {
            p.setColor(Color.GRAY);
            p.drawLine(v[0], 0, v[v.length - 1], 0);
        }
        if (!curvesAreGates(curves)) p.setLimits(v[0], v[v.length - 1], lo - 0.04 * (hi - lo), hi + 0.35 * (hi - lo));
        p.setColor(Color.BLACK);
        p.setLegend(String.join("\t", labels), Plot.TOP_LEFT);
    }

    private static boolean curvesAreGates(List<IvCurves.Curve> curves) {
        for (IvCurves.Curve c : curves) if (!c.output.equals("activation") && !c.output.equals("inactivation")) return false;
        return !curves.isEmpty();
    }

    /** The colour scale of the admittance map: the 98th percentile of |Re Y|, so a few huge values do not wash it out. */
    static double scale(Admittance.Map m) {
        double[] a = new double[m.voltage_mV.length * m.frequency_Hz.length];
        int k = 0;
        for (double[] row : m.re) for (double x : row) a[k++] = Double.isFinite(x) ? Math.abs(x) : 0;
        Arrays.sort(a);
        double s = a[Math.min(a.length - 1, (int) Math.floor(0.98 * a.length))];
        return s > 0 ? s : 1;
    }

    /**
     * Re Y(v, f) as an image: frequency on a log axis, voltage upward, the diverging map (blue: negative, a regenerative
     * current that amplifies the voltage at that frequency; red: positive, a restoring one) with its colour bar.
     */
    static ImagePlus admittance(Admittance.Map m) {
        int left = 80, top = 50, mapW = 640, mapH = 400, barX = left + mapW + 40, barW = 20, width = barX + barW + 110, height = top + mapH + 80;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double max = scale(m);
        int nv = m.voltage_mV.length, nf = m.frequency_Hz.length;
        double lf0 = Math.log10(m.frequency_Hz[0]), lf1 = Math.log10(m.frequency_Hz[nf - 1]);
        double v0 = m.voltage_mV[0], v1 = m.voltage_mV[nv - 1];
        for (int px = 0; px < mapW; px++) {
            int j = (int) Math.min(nf - 1, Math.round(px / (mapW - 1.0) * (nf - 1)));
            for (int py = 0; py < mapH; py++) {
                int i = (int) Math.min(nv - 1, Math.round((1 - py / (mapH - 1.0)) * (nv - 1)));
                img.setRGB(left + px, top + py, diverging(m.re[i][j] / max).getRGB());
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, mapW, mapH);
        Font font = new Font("SansSerif", Font.PLAIN, 13), bold = new Font("SansSerif", Font.BOLD, 14);
        g.setFont(bold);
        g.drawString(String.format(Locale.ROOT, "Admittance of %s: Re Y(v, f), µS (blue < 0: regenerative, red > 0: restoring)", m.neuron), 10, 25);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (int d = (int) Math.ceil(lf0 - 1e-9); d <= Math.floor(lf1 + 1e-9); d++) {
            int x = left + (int) Math.round((d - lf0) / (lf1 - lf0) * mapW);
            g.drawLine(x, top + mapH, x, top + mapH + 5);
            String s = d >= 0 ? String.format(Locale.ROOT, "%.0f", Math.pow(10, d)) : String.format(Locale.ROOT, "%.2g", Math.pow(10, d));
            g.drawString(s, x - fm.stringWidth(s) / 2, top + mapH + 20);
        }
        String xl = "frequency (Hz, log scale)";
        g.drawString(xl, left + mapW / 2 - fm.stringWidth(xl) / 2, top + mapH + 42);
        double step = niceStep((v1 - v0) / 8);
        for (double v = Math.ceil(v0 / step) * step; v <= v1 + 1e-9; v += step) {
            int y = top + (int) Math.round((1 - (v - v0) / (v1 - v0)) * mapH);
            g.drawLine(left - 5, y, left, y);
            String s = String.format(Locale.ROOT, "%.0f", v);
            g.drawString(s, left - 8 - fm.stringWidth(s), y + 5);
        }
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        String yl = "held voltage v̄ (mV)";
        g.drawString(yl, -(top + mapH / 2 + fm.stringWidth(yl) / 2), 25);
        g.setTransform(saved);
        for (int py = 0; py < mapH; py++) {
            g.setColor(diverging(1 - 2.0 * py / (mapH - 1)));
            g.drawLine(barX, top + py, barX + barW, top + py);
        }
        g.setColor(Color.BLACK);
        g.drawRect(barX, top, barW, mapH);
        for (int k = 0; k <= 4; k++) {
            double t = 1 - k / 2.0;
            int y = top + (int) Math.round((1 - t) / 2 * mapH);
            g.drawLine(barX + barW, y, barX + barW + 4, y);
            g.drawString(k == 2 ? "0" : signed(t * max), barX + barW + 7, y + 5);
        }
        g.drawString("Re Y (µS)", barX - 10, top - 8);
        g.drawString("values beyond ±" + fmt(max) + " µS saturate", left, top + mapH + 64);
        g.dispose();
        ImagePlus imp = new ImagePlus("Admittance of " + m.neuron, toProcessor(img));
        imp.setProperty("Info", "Re Y(v, f) in µS; colour scale ±" + fmt(max) + " (98th percentile of |Re Y|)\n");
        return imp;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 5, 10}) if (f * p >= raw) return f * p;
        return 10 * p;
    }

    static ImagePlus ablation(CurrentsResult r) {
        CurrentsResult.Ablation a = r.ablation;
        int n = a.intact_mV.length;
        Plot p = new Plot("ablation", "t (ms)", "membrane voltage (mV)");
        p.setSize(WIDTH, PANEL_HEIGHT + 80);
        List<double[]> pi = points(a.intact_mV, 0, n, 0, r.dt), pa = points(a.ablated_mV, 0, n, 0, r.dt);
        p.setColor(new Color(90, 90, 90));
        p.add("line", pi.get(0), pi.get(1));
        p.setColor(new Color(200, 30, 30));
        p.add("line", pa.get(0), pa.get(1));
        double[] lim = limits(a.intact_mV, a.ablated_mV, 0, n);
        p.setLimits(0, (n - 1) * r.dt, lim[0], lim[1]);
        p.setColor(Color.BLACK);
        p.setLegend("intact\tablated " + a.weights, Plot.TOP_RIGHT);
        String sub = String.format(Locale.ROOT, "%.3g nA injected (%s); period intact %s, ablated %s; ablated range %.1f … %.1f mV (second half)",
                a.current_nA, a.currentOrigin, a.intactDiverged ? "none (diverged)" : period(a.intactPeriod_ms),
                a.ablatedDiverged ? "none (diverged)" : period(a.ablatedPeriod_ms), a.ablatedMin_mV, a.ablatedMax_mV);
        return stack("Ablation of " + r.neuron + ": " + a.weights, List.of(p), List.of(sub));
    }

    private static String period(double ms) { return Double.isFinite(ms) ? String.format(Locale.ROOT, "%.1f ms", ms) : "none (no oscillation)"; }

    static ImagePlus traces(CurrentsResult r) {
        List<Plot> panels = new ArrayList<>();
        List<String> subtitles = new ArrayList<>();
        int n = r.forced.get(0).current().length, start = r.forced.get(0).start;
        int[] w = PredictionPlot.window(n, r.dt, r.plotFrom_ms, r.plotLength_ms);
        double t0 = (start + w[0]) * r.dt, t1 = (start + Math.max(w[0] + 1, w[1]) - 1) * r.dt;
        int height = r.forced.size() <= 3 ? PANEL_HEIGHT : 170;
        for (int c = 0; c < r.forced.size(); c++) {
            SynapticTraces.Trace f = r.forced.get(c), free = c < r.freeRun.size() ? r.freeRun.get(c) : null;
            double[] a = f.current(), b = free != null && free.current().length == n ? free.current() : null;
            Plot p = new Plot(r.currents.get(c), "t (ms from segment start)", "I (nA), + outward");
            p.setSize(WIDTH, height);
            forcedAndFree(p, a, b, w[0], w[1], start, r.dt, t0, t1);
            panels.add(p);
            subtitles.add(r.currents.get(c) + (f.output("conductance") != null ? " (conductance-based; its g and gates are in the CSV)" : ""));
        }
        return stack(String.format(Locale.ROOT, "Currents of %s on %s, %.0f–%.0f ms", r.neuron, r.segment, t0, t1), panels, subtitles);
    }
}
