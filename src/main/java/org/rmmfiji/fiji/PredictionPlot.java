package org.rmmfiji.fiji;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.job.FitResult;

/** Recorded vs free-run voltage as an ImageJ Plot, rendered headless to PNG (one plot per modelled neuron). */
final class PredictionPlot {
    private PredictionPlot() {}

    /** The stretch shown: up to the 30th recorded spike, between 0.3 and 3 s, so single spikes stay visible. */
    static final double MIN_WINDOW_MS = 300, MAX_WINDOW_MS = 3000;
    static final int SPIKES_SHOWN = 30;

    static double windowMs(double[] recorded, double dt, double spikeThresholdMv) {
        double[] spikes = org.rmmfiji.metrics.Spikes.detect(recorded, dt, spikeThresholdMv);
        if (spikes.length < SPIKES_SHOWN) return MAX_WINDOW_MS;
        return Math.max(MIN_WINDOW_MS, Math.min(MAX_WINDOW_MS, spikes[SPIKES_SHOWN - 1] + 20));
    }

    static List<Plot> build(FitResult r) {
        List<Plot> plots = new ArrayList<>();
        int m = r.preview.predicted.length;
        for (int i = 0; i < m; i++) {
            double[] rec = r.preview.measured[i], pred = r.preview.predicted[i];
            double threshold = r.model != null && r.model.score != null ? r.model.score.spike_threshold_mV : -20;
            int n = Math.min(rec.length, (int) Math.round(windowMs(rec, r.dt, threshold) / r.dt));
            double[] t = new double[n], a = new double[n], b = new double[n];
            for (int k = 0; k < n; k++) {
                t[k] = (r.preview.start + k) * r.dt;
                a[k] = rec[k];
                b[k] = pred[k];
            }
            String neuron = r.network.voltageName(i);
            MetricsReport mr = find(r.metrics, neuron, r.previewPart);
            String title = String.format(Locale.ROOT, "%s, %s: recorded vs free-run prediction", neuron, r.previewPart);
            Plot p = new Plot(title, "t (ms)", "V (mV)");
            p.setSize(900, 360);
            p.setColor(Color.GRAY);
            p.add("line", t, a);
            p.setColor(new Color(200, 30, 30));
            p.add("line", t, b);
            p.setLegend("recorded\tmodel", Plot.AUTO_POSITION);
            if (mr != null) {
                p.setColor(Color.BLACK);
                p.addLabel(0.01, 0.06, String.format(Locale.ROOT, "score %.3f  loss %.3g  Γ %.2f  spikes %d/%d", mr.score, mr.loss, mr.gamma,
                        mr.spikes_model, mr.spikes_data));
            }
            plots.add(p);
        }
        return plots;
    }

    /** Saves the plots as PNG files: base.png for the first neuron, base-NAME.png for the others. */
    static List<Path> save(List<Plot> plots, FitResult r, Path folder, String base) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < plots.size(); i++) {
            Path png = folder.resolve(i == 0 ? base + ".png" : base + "-" + r.network.voltageName(i) + ".png");
            ImagePlus imp = plots.get(i).getImagePlus();
            Path tmp = folder.resolve("." + png.getFileName() + ".part.png");
            if (!new FileSaver(imp).saveAsPng(tmp.toString())) throw new IllegalStateException("could not write " + png);
            try {
                java.nio.file.Files.move(tmp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
