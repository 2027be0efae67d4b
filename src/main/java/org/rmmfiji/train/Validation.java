package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Segment;
import org.rmmfiji.metrics.Metrics;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.metrics.ScoreSettings;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/** Scores the network's present parameters by free runs on a list of segments, one report per neuron. */
public final class Validation {
    private Validation() {}

    public static List<MetricsReport> evaluate(Network net, List<Segment> segments, ChannelMap map, ScoreSettings score,
                                               double dumpFraction, String part) {
        int m = net.modelledCount();
        List<List<MetricsReport>> perNeuron = new ArrayList<>();
        for (int i = 0; i < m; i++) perNeuron.add(new ArrayList<>());
        for (Segment seg : segments) {
            FreeRun.Result r = FreeRun.run(net, seg, map, null, dumpFraction);
            for (int i = 0; i < m; i++)
                perNeuron.get(i).add(Metrics.compare(net.voltageName(i), part, r.measured[i], r.predicted[i], r.diverged, net.dt(), score));
        }
        List<MetricsReport> out = new ArrayList<>();
        for (int i = 0; i < m; i++) out.add(combine(perNeuron.get(i)));
        return out;
    }

    /**
     * Duration-weighted means of per-segment reports; spike counts add up. Γ is the mean over the segments where it is
     * defined: a sweep where neither the cell nor the model spikes has no Γ, and must not make the whole part's Γ NaN
     * (which the combined selection metric would read as a perfect match).
     */
    static MetricsReport combine(List<MetricsReport> parts) {
        if (parts.size() == 1) return parts.get(0);
        MetricsReport c = new MetricsReport();
        c.neuron = parts.get(0).neuron;
        c.part = parts.get(0).part;
        double w = 0, wGamma = 0;
        c.score = 0; c.loss = 0; c.gamma = 0; c.subthreshold_rmse_mV = 0; c.variance_explained = 0;
        for (MetricsReport r : parts) {
            c.diverged |= r.diverged;
            c.duration_ms += r.duration_ms;
            c.spikes_data += r.spikes_data;
            c.spikes_model += r.spikes_model;
            w += r.duration_ms;
            c.score += r.duration_ms * r.score;
            c.loss += r.duration_ms * r.loss;
            if (!Double.isNaN(r.gamma)) {
                c.gamma += r.duration_ms * r.gamma;
                wGamma += r.duration_ms;
            }
            c.subthreshold_rmse_mV += r.duration_ms * r.subthreshold_rmse_mV;
            c.variance_explained += r.duration_ms * r.variance_explained;
        }
        c.score /= w; c.loss /= w; c.subthreshold_rmse_mV /= w; c.variance_explained /= w;
        c.gamma = wGamma > 0 ? c.gamma / wGamma : Double.NaN;
        c.spike_count_ratio = c.spikes_data == 0 ? (c.spikes_model == 0 ? 1.0 : Double.POSITIVE_INFINITY) : (double) c.spikes_model / c.spikes_data;
        return c;
    }

    /** score · max(Γ, 0) · min(r, 1/r) (see {@link SelectionMetric}); 0 for a diverged run. */
    static double combined(MetricsReport r) {
        if (r.diverged || !Double.isFinite(r.score)) return 0;
        double g = Double.isNaN(r.gamma) ? 1.0 : Math.max(0, r.gamma);
        double ratio = r.spike_count_ratio;
        double agreement = ratio > 0 && Double.isFinite(ratio) ? Math.min(ratio, 1 / ratio) : 0;
        return Math.max(0, r.score) * g * agreement;
    }

    /** The mean over neurons of the selection metric. */
    public static double selectionValue(List<MetricsReport> reports, SelectionMetric metric) {
        double s = 0;
        for (MetricsReport r : reports) {
            switch (metric) {
                case LOSS: s += r.loss; break;
                case GAMMA: s += r.gamma; break;
                case COMBINED: s += combined(r); break;
                default: s += r.score; break;
            }
        }
        return s / reports.size();
    }
}
