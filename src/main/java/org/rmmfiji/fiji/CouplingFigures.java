package org.rmmfiji.fiji;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ij.ImagePlus;
import ij.gui.Plot;

import org.rmmfiji.analysis.ActivationCurves;
import org.rmmfiji.analysis.CouplingEntry;
import org.rmmfiji.analysis.CouplingSpread;
import org.rmmfiji.analysis.SynapseKind;
import org.rmmfiji.analysis.SynapticTraces;
import org.rmmfiji.job.CouplingResult;

import static org.rmmfiji.fiji.Figures.*;

/**
 * The three figures of Inspect Synaptic Coupling, rendered headless: the signed coupling heat map (rows the
 * postsynaptic modelled neurons, columns the presynaptic voltages, a diverging colour map with its colour bar), the
 * synaptic currents forced by the recording and along the free run, and the steady-state activation of every synapse
 * against the presynaptic voltage (mean ± SD when there are several models). Each figure says which kind of synapse
 * it shows.
 */
final class CouplingFigures {
    private CouplingFigures() {}

    static final int CELL_W = 190, CELL_H = 100;
    /** All three, in memory; nothing is written. */
    static List<Figure> build(CouplingResult r, double plotFromMs, double plotLengthMs) {
        return List.of(new Figure(heatMap(r), r.heatMapPng), new Figure(currents(r, plotFromMs, plotLengthMs), r.tracesPng),
                new Figure(activations(r), r.curvesPng));
    }

    // ---------------------------------------------------------------------------------------------- heat map

    /** +1 excitatory, −1 inhibitory; a mixed synapse takes the sign of its net current's direction (net inward: +), 0 when balanced. */
    static double signOf(CouplingEntry e) {
        if ("excitatory".equals(e.sign)) return 1;
        if ("inhibitory".equals(e.sign)) return -1;
        return Math.signum(1 - 2 * e.outward_fraction);     // outward share f: the mean current has the sign of 2f − 1
    }

    static boolean lumped(CouplingEntry e) { return SynapseKind.LUMPED.id().equals(e.kind); }

    /**
     * The heat map's value of an entry: the signed RMS synaptic current (nA) of a conductance-based synapse; for a
     * lumped one, whose scale is not identifiable, the signed drop of the postsynaptic free-run score when it is
     * ablated (0 when ablating it does not lower the score; NaN without ablation).
     */
    static double value(CouplingEntry e) {
        if (lumped(e)) return Double.isFinite(e.ablation_drop) ? signOf(e) * Math.max(0, e.ablation_drop) : Double.NaN;
        return signOf(e) * e.rms_nA;
    }

    /** The kinds present, in the order met ("conductance-based", "lumped"). */
    static Set<String> kinds(List<CouplingEntry> m) {
        Set<String> k = new LinkedHashSet<>();
        for (CouplingEntry e : m) k.add(e.kind);
        return k;
    }

    static ImagePlus heatMap(CouplingResult r) {
        List<CouplingEntry> m = r.matrix;
        Set<String> kinds = kinds(m);
        boolean anyConductance = kinds.contains(SynapseKind.CONDUCTANCE_BASED.id()), anyLumped = kinds.contains(SynapseKind.LUMPED.id());
        // one colour scale, in the unit of the conductance-based entries when there are any
        boolean scaleIsCurrent = anyConductance;
        double max = 0;
        for (CouplingEntry e : m) if (lumped(e) != scaleIsCurrent && Double.isFinite(value(e))) max = Math.max(max, Math.abs(value(e)));
        if (!(max > 0)) max = 1;
        String unit = scaleIsCurrent ? "signed RMS synaptic current (nA)" : "signed ablation drop of the score";
        Map<String, CouplingSpread> spread = new LinkedHashMap<>();
        if (r.spread != null) for (CouplingSpread s : r.spread) spread.put(s.pre + ">" + s.post, s);
        int models = r.ensemble == null ? 1 : r.ensemble.size();

        String title = "Synaptic coupling on " + r.segment + ": " + String.join(" and ", kinds) + " synapse" + (m.size() == 1 ? "" : "s")
                + (models > 1 ? " (first of " + models + " models)" : "");
        List<String> legend = new ArrayList<>();
        if (anyConductance)
            legend.add("Colour and value: RMS of the synaptic current forced by the recording (nA), + excitatory, − inhibitory;");
        if (anyConductance)
            legend.add("  a mixed synapse takes the sign of its net current (net inward +, net outward −; 0 if balanced).");
        if (anyLumped && scaleIsCurrent)
            legend.add("Lumped synapses (scale not identifiable) are hatched, not coloured: their value is the score drop when ablated.");
        if (anyLumped && !scaleIsCurrent)
            legend.add("Colour: the drop of the postsynaptic free-run score when the synapse is ablated (a lumped synapse's scale is not");
        if (anyLumped && !scaleIsCurrent)
            legend.add("  identifiable), signed + excitatory, − inhibitory (mixed: the sign of −mean current); 0 when ablating does not lower it.");
        legend.add("Grey: no synapse in the model (the diagonal holds each neuron's intrinsic currents).");
        if (models > 1) legend.add("Colours: the first model; ± is the SD over the " + models + " models, with how many agree on the sign.");

        Font titleFont = new Font("SansSerif", Font.BOLD, 15), font = new Font("SansSerif", Font.PLAIN, 13), small = new Font("SansSerif", Font.PLAIN, 12),
                cellFont = new Font("SansSerif", Font.BOLD, 13);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font), fs = pg.getFontMetrics(small), ft = pg.getFontMetrics(titleFont);
        int rowLabel = 0;
        for (String n : r.neurons) rowLabel = Math.max(rowLabel, fm.stringWidth(n));
        int nr = r.neurons.size(), nc = r.voltages.size();
        int left = 30 + rowLabel + 14, top = 44 + 22 + 22, gridW = nc * CELL_W, gridH = nr * CELL_H;
        int barX = left + gridW + 36, barW = 22, barH = Math.max(gridH, 180);
        int legendTop = top + Math.max(gridH, barH) + 30;
        int width = barX + barW + 8 + fs.stringWidth("-0.000e-00") + 24;
        width = Math.max(width, 20 + ft.stringWidth(title));
        for (String l : legend) width = Math.max(width, 20 + fs.stringWidth(l));
        int height = legendTop + legend.size() * 17 + 14;
        pg.dispose();

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, 10, 22);
        g.setFont(font);
        g.drawString("presynaptic (column) →", left, 44 + 14);
        for (int c = 0; c < nc; c++) centred(g, r.voltages.get(c), left + c * CELL_W + CELL_W / 2, top - 8);
        for (int i = 0; i < nr; i++) g.drawString(r.neurons.get(i), left - 10 - fm.stringWidth(r.neurons.get(i)), top + i * CELL_H + CELL_H / 2 + 5);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        String post = "← postsynaptic (row)";
        g.drawString(post, -(top + gridH / 2 + fm.stringWidth(post) / 2), 18);
        g.setTransform(saved);

        for (int i = 0; i < nr; i++)
            for (int c = 0; c < nc; c++) {
                int x = left + c * CELL_W, y = top + i * CELL_H;
                g.setColor(ABSENT);
                g.fillRect(x, y, CELL_W, CELL_H);
                if (c == i) {
                    g.setColor(Color.GRAY);
                    g.setFont(small);
                    centred(g, "intrinsic", x + CELL_W / 2, y + CELL_H / 2 + 4);
                }
            }
        for (CouplingEntry e : m) {
            int i = r.neurons.indexOf(e.post), c = r.voltages.indexOf(e.pre);
            if (i < 0 || c < 0) continue;
            int x = left + c * CELL_W, y = top + i * CELL_H;
            double v = value(e);
            boolean coloured = lumped(e) != scaleIsCurrent && Double.isFinite(v);
            Color bg = coloured ? diverging(v / max) : Color.WHITE;
            g.setColor(bg);
            g.fillRect(x, y, CELL_W, CELL_H);
            if (!coloured) hatch(g, x, y, CELL_W, CELL_H);
            double lum = (0.299 * bg.getRed() + 0.587 * bg.getGreen() + 0.114 * bg.getBlue()) / 255;
            g.setColor(coloured && lum < 0.5 ? Color.WHITE : Color.BLACK);
            List<String> lines = new ArrayList<>();
            if (lumped(e)) lines.add(Double.isFinite(e.ablation_drop) ? "Δscore " + signed(e.ablation_drop) : "no ablation");
            else lines.add(signed(v) + " nA");
            lines.add(e.sign + (lumped(e) && scaleIsCurrent ? ", lumped" : ""));
            if (Double.isFinite(e.e_effective_mV)) lines.add(String.format(Locale.ROOT, "E %.1f mV, ḡ %s µS", e.e_effective_mV, fmt(e.g_max_uS)));
            CouplingSpread s = spread.get(e.pre + ">" + e.post);
            if (s != null)
                lines.add((lumped(e) ? "± " + fmt(s.ablation_drop_sd) : "± " + fmt(s.rms_nA_sd) + " nA") + ", " + s.sign_agreement);
            int y0 = y + CELL_H / 2 - (lines.size() - 1) * 9 + 5;
            for (int l = 0; l < lines.size(); l++) {
                g.setFont(l == 0 ? cellFont : small);
                centred(g, lines.get(l), x + CELL_W / 2, y0 + 18 * l);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= nr; i++) g.drawLine(left, top + i * CELL_H, left + gridW, top + i * CELL_H);
        for (int c = 0; c <= nc; c++) g.drawLine(left + c * CELL_W, top, left + c * CELL_W, top + gridH);

        // the colour bar: +max at the top, −max at the bottom, ticks at ±max, ±max/2 and 0
        for (int py = 0; py < barH; py++) {
            g.setColor(diverging(1 - 2.0 * py / (barH - 1)));
            g.drawLine(barX, top + py, barX + barW, top + py);
        }
        g.setColor(Color.BLACK);
        g.drawRect(barX, top, barW, barH);
        g.setFont(small);
        for (int k = 0; k <= 4; k++) {
            double t = 1 - k / 2.0;
            int py = top + (int) Math.round((1 - t) / 2 * barH);
            g.drawLine(barX + barW, py, barX + barW + 4, py);
            g.drawString(k == 2 ? "0" : signed(t * max), barX + barW + 7, py + 4);
        }
        saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(unit, -(top + barH / 2 + fs.stringWidth(unit) / 2), barX - 8);
        g.setTransform(saved);

        g.setFont(small);
        for (int l = 0; l < legend.size(); l++) g.drawString(legend.get(l), 10, legendTop + 17 * l);
        g.dispose();
        ImagePlus imp = new ImagePlus(title, toProcessor(img));
        imp.setProperty("Info", info(r, scaleIsCurrent, max, unit));
        return imp;
    }

    /** The values behind the heat map, in the image's Info (Image › Show Info…). */
    private static String info(CouplingResult r, boolean current, double max, String unit) {
        StringBuilder sb = new StringBuilder("Inspect Synaptic Coupling heat map\nvalue: " + unit + "; colour scale ±" + fmt(max) + "\n");
        for (CouplingEntry e : r.matrix)
            sb.append(e.pre).append(" -> ").append(e.post).append(": ").append(e.kind).append(", ").append(e.sign).append(", value ")
                    .append(fmt(value(e))).append(lumped(e) == current ? " (not on the colour scale)" : "").append('\n');
        return sb.toString();
    }

    private static void hatch(Graphics2D g, int x, int y, int w, int h) {
        java.awt.Shape clip = g.getClip();
        g.clipRect(x, y, w, h);
        g.setColor(new Color(225, 225, 225));
        for (int d = -h; d < w; d += 10) g.drawLine(x + d, y + h, x + d + h, y);
        g.setClip(clip);
    }

    // ---------------------------------------------------------------------------------------------- currents

    /** A trace's label: "PD → LP" and, when an edge has several currents, which. */
    static String pair(SynapticTraces.Trace t, List<SynapticTraces.Trace> all) {
        return t.pre + " → " + t.post + (SynapticTraces.sharesItsEdge(t, all) ? " (current " + (t.current + 1) + ")" : "");
    }

    static ImagePlus currents(CouplingResult r, double fromMs, double lengthMs) {
        List<Plot> panels = new ArrayList<>();
        List<String> subtitles = new ArrayList<>();
        int n = r.forced.isEmpty() ? 0 : r.forced.get(0).current().length;
        int start = r.forced.isEmpty() ? 0 : r.forced.get(0).start;
        int[] w = PredictionPlot.window(n, r.dt, fromMs, lengthMs);
        double t0 = (start + w[0]) * r.dt, t1 = (start + Math.max(w[0] + 1, w[1]) - 1) * r.dt;
        int height = r.forced.size() <= 3 ? PANEL_HEIGHT : 180;
        for (int s = 0; s < r.forced.size(); s++) {
            SynapticTraces.Trace f = r.forced.get(s);
            SynapticTraces.Trace free = s < r.freeRun.size() ? r.freeRun.get(s) : null;
            double[] a = f.current(), b = free != null && free.current().length == n ? free.current() : null;
            boolean lumpedKind = f.kind == SynapseKind.LUMPED;
            Plot p = new Plot(pair(f, r.forced), "t (ms from segment start)", lumpedKind ? "I_syn (a.u. scale), + outward" : "I_syn (nA), + outward");
            p.setSize(WIDTH, height);
            forcedAndFree(p, a, b, w[0], w[1], start, r.dt, t0, t1);
            panels.add(p);
            subtitles.add(pair(f, r.forced) + ", " + f.kind + (lumpedKind ? " (its scale is not identifiable: shape only)" : "")
                    + (free != null && b != null && hasNaN(b, w[0], w[1]) ? "; the free run diverged (drawn until it did)" : ""));
        }
        String title = String.format(Locale.ROOT, "Synaptic currents on %s, %.0f–%.0f ms: forced by the recording and along the free run", r.segment, t0, t1);
        return stack(title, panels, subtitles);
    }

    private static boolean hasNaN(double[] x, int from, int to) {
        for (int k = from; k < to; k++) if (!Double.isFinite(x[k])) return true;
        return false;
    }

    // ---------------------------------------------------------------------------------------------- activation

    /** The same synapse in every model: curves matched by pre, post and their order on that pair. */
    static List<List<ActivationCurves.Curve>> byCurve(List<List<ActivationCurves.Curve>> models) {
        Map<String, List<ActivationCurves.Curve>> m = new LinkedHashMap<>();
        for (List<ActivationCurves.Curve> model : models) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (ActivationCurves.Curve c : model) {
                String key = c.pre + ">" + c.post;
                int k = seen.merge(key, 1, Integer::sum);
                m.computeIfAbsent(key + "#" + k, x -> new ArrayList<>()).add(c);
            }
        }
        return new ArrayList<>(m.values());
    }

    /** Mean and SD over the models at every voltage (all models share the grid). */
    static double[][] meanSd(List<double[]> ys) { return org.rmmfiji.analysis.IvEnvelope.meanSd(ys); }

    static ImagePlus activations(CouplingResult r) {
        List<List<ActivationCurves.Curve>> curves = byCurve(r.curves);
        int models = r.curves.size();
        String ensemble = models > 1 ? "mean of " + models + " models, band ± SD" : "one model";      // the title says it
        if (curves.isEmpty()) {
            Plot p = new Plot("no activation", "presynaptic voltage (mV)", "activation s");
            p.setSize(WIDTH, PANEL_HEIGHT);
            p.setLimits(-80, 20, 0, 1);
            p.addLabel(0.05, 0.5, "No conductance-based synapse: a lumped synapse has no gate, so no activation curve.");
            return stack("Steady-state synaptic activation: none (lumped synapses only)", List.of(p), List.of(""));
        }
        double[] v = curves.get(0).get(0).voltage_mV;
        Plot act = new Plot("activation", "presynaptic voltage (mV, held)", "steady-state activation s_k");
        Plot cond = new Plot("conductance", "presynaptic voltage (mV, held)", "Σ ḡ_k s_k (µS)");
        act.setSize(WIDTH, PANEL_HEIGHT + 40);
        cond.setSize(WIDTH, PANEL_HEIGHT);
        List<String> actLabels = new ArrayList<>(), condLabels = new ArrayList<>();
        List<double[][]> actLines = new ArrayList<>(), condLines = new ArrayList<>();
        List<Color> actColours = new ArrayList<>(), condColours = new ArrayList<>();
        double gMax = 0;
        int colour = 0;
        for (int c = 0; c < curves.size(); c++) {
            List<ActivationCurves.Curve> same = curves.get(c);
            ActivationCurves.Curve first = same.get(0);
            String name = first.pre + " → " + first.post;
            for (int k = 0; k < first.activation.length; k++) {
                List<double[]> ys = new ArrayList<>();
                for (ActivationCurves.Curve cv : same) if (k < cv.activation.length) ys.add(cv.activation[k]);
                actLines.add(meanSd(ys));
                actColours.add(PALETTE[colour++ % PALETTE.length]);
                actLabels.add(name + (first.activation.length > 1 ? ", s_" + (k + 1) : ""));
            }
            List<double[]> gs = new ArrayList<>();
            for (ActivationCurves.Curve cv : same) gs.add(cv.conductance_uS);
            double[][] g = meanSd(gs);
            for (int i = 0; i < v.length; i++) gMax = Math.max(gMax, g[0][i] + g[1][i]);
            condLines.add(g);
            condColours.add(PALETTE[c % PALETTE.length]);
            condLabels.add(name);
        }
        draw(act, v, actLines, actColours, models > 1);
        draw(cond, v, condLines, condColours, models > 1);
        act.setLimits(v[0], v[v.length - 1], 0, 1.45);       // room above 1 for the legend
        cond.setLimits(v[0], v[v.length - 1], 0, (gMax > 0 ? gMax : 1) * 1.45);
        act.setColor(Color.BLACK);
        cond.setColor(Color.BLACK);
        act.setLegend(String.join("\t", actLabels), Plot.TOP_LEFT);
        cond.setLegend(String.join("\t", condLabels), Plot.TOP_LEFT);
        String title = "Steady-state activation of the conductance-based synapses (" + ensemble + ")";
        return stack(title, List.of(act, cond), List.of("gate of each component with every presynaptic filter state at its value for a voltage held at v",
                "conductance with the gates at that steady state (µS)"));
    }

    /** Bands (± SD, as thin filled rectangles on a fine grid) behind the mean lines. */
    private static void draw(Plot p, double[] v, List<double[][]> lines, List<Color> colours, boolean bands) {
        if (bands) {
            for (int l = 0; l < lines.size(); l++) {
                double[] mean = lines.get(l)[0], sd = lines.get(l)[1];
                Color c = colours.get(l), light = new Color((c.getRed() + 3 * 255) / 4, (c.getGreen() + 3 * 255) / 4, (c.getBlue() + 3 * 255) / 4);
                ArrayList<float[]> rects = new ArrayList<>();
                int fine = 8 * (v.length - 1);
                for (int q = 0; q < fine; q++) {
                    double a = interpolate(v, q / (double) fine), b = interpolate(v, (q + 1) / (double) fine);
                    double lo = Math.min(interpolate(mean, q / (double) fine) - interpolate(sd, q / (double) fine),
                            interpolate(mean, (q + 1) / (double) fine) - interpolate(sd, (q + 1) / (double) fine));
                    double hi = Math.max(interpolate(mean, q / (double) fine) + interpolate(sd, q / (double) fine),
                            interpolate(mean, (q + 1) / (double) fine) + interpolate(sd, (q + 1) / (double) fine));
                    rects.add(new float[] {(float) a, (float) lo, (float) b, (float) hi});
                }
                p.setColor(light, light);
                p.setLineWidth(1);
                p.drawShapes("rectangles", rects);
            }
        }
        p.setLineWidth(2);
        for (int l = 0; l < lines.size(); l++) {
            p.setColor(colours.get(l));
            p.add("line", v, lines.get(l)[0]);
        }
        p.setLineWidth(1);
    }

    /** x sampled at fraction f of its length, linearly. */
    private static double interpolate(double[] x, double f) {
        double u = f * (x.length - 1);
        int i = (int) Math.min(x.length - 2, Math.floor(u));
        return x[i] + (u - i) * (x[i + 1] - x[i]);
    }

}
