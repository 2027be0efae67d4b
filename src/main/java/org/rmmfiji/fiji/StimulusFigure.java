package org.rmmfiji.fiji;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;

import org.rmmfiji.job.DesignStimulusJob;

/**
 * The preview of a designed stimulus: the whole protocol (long ones drawn as per-pixel minimum and maximum, so no
 * excursion is lost), its settings above it, then its first second at full resolution; the title names the file, the
 * length, step and seed.
 */
final class StimulusFigure {
    private StimulusFigure() {}

    /** The detail panel's length (ms), or the whole protocol when it is shorter. */
    static final double DETAIL_MS = 1000;

    static ImagePlus build(DesignStimulusJob.Result r) {
        int n = r.samples();
        double dt = r.dtMs;
        Plot whole = panel(r.currentNa, 0, n, dt / 1000, "t (s)");
        int detailTo = (int) Math.min(n, Math.round(DETAIL_MS / dt));
        Plot detail = panel(r.currentNa, 0, detailTo, dt, "t (ms)");
        String name = r.pngFile.getFileName().toString().replaceFirst("\\.png$", "");
        String stats = String.format(Locale.ROOT, "mean %.3g nA, SD %.3g nA, from %.3g to %.3g nA", r.mean, r.sd, r.min, r.max);
        return Figures.stack("Design Stimulus: " + name + ", " + r.timing, List.of(whole, detail),
                List.of(r.settings, "the first " + DesignStimulusJob.num(detailTo * dt) + " ms; over the whole protocol " + stats));
    }

    private static Plot panel(double[] current, int from, int to, double step, String xLabel) {
        Plot p = new Plot("stimulus", xLabel, "I (nA)");
        p.setSize(Figures.WIDTH, Figures.PANEL_HEIGHT);
        List<double[]> pts = Figures.points(current, from, to, 0, step);
        p.setColor(Figures.PALETTE[0]);
        p.add("line", pts.get(0), pts.get(1));
        double[] lim = Figures.limits(current, null, from, to);
        p.setLimits(from * step, Math.max(to - 1, from + 1) * step, lim[0], lim[1]);
        p.setColor(Color.BLACK);
        return p;
    }
}
