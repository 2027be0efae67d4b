package org.rmmfiji.metrics;

/** Compares a free-run trace with the recorded one and fills a {@link MetricsReport}. */
public final class Metrics {
    private Metrics() {}

    /** Samples within this many ms of a spike (in either trace) are left out of the subthreshold RMSE. */
    public static final double SPIKE_EXCLUSION_MS = 5.0;

    public static MetricsReport compare(String neuron, String part, double[] data, double[] model, boolean diverged,
                                        double dtMs, ScoreSettings s) {
        MetricsReport r = new MetricsReport();
        r.neuron = neuron;
        r.part = part;
        r.diverged = diverged;
        r.duration_ms = data.length * dtMs;
        double[] spikesData = Spikes.detect(data, dtMs, s.spike_threshold_mV);
        r.spikes_data = spikesData.length;
        if (diverged) {
            r.score = 0;
            return r;
        }
        double[] yd = TraceScore.process(data, dtMs, s);
        double[] ym = TraceScore.process(model, dtMs, s);
        r.loss = TraceScore.loss(ym, yd);
        r.score = TraceScore.angularSeparation(ym, yd);
        double[] spikesModel = Spikes.detect(model, dtMs, s.spike_threshold_mV);
        r.spikes_model = spikesModel.length;
        r.gamma = Spikes.coincidenceFactor(spikesData, spikesModel, s.coincidence_window_ms, r.duration_ms);
        r.spike_count_ratio = spikesData.length == 0 ? (spikesModel.length == 0 ? 1.0 : Double.POSITIVE_INFINITY)
                : (double) spikesModel.length / spikesData.length;
        r.subthreshold_rmse_mV = subthresholdRmse(data, model, spikesData, spikesModel, dtMs);
        r.variance_explained = varianceExplained(data, model);
        return r;
    }

    static double subthresholdRmse(double[] data, double[] model, double[] sd, double[] sm, double dtMs) {
        boolean[] masked = new boolean[data.length];
        int w = (int) Math.ceil(SPIKE_EXCLUSION_MS / dtMs);
        for (double[] train : new double[][] {sd, sm}) {
            for (double t : train) {
                int c = (int) Math.round(t / dtMs);
                for (int k = Math.max(0, c - w); k <= Math.min(data.length - 1, c + w); k++) masked[k] = true;
            }
        }
        double s = 0;
        int n = 0;
        for (int k = 0; k < data.length; k++) {
            if (masked[k]) continue;
            double d = model[k] - data[k];
            s += d * d;
            n++;
        }
        return n == 0 ? Double.NaN : Math.sqrt(s / n);
    }

    /** 1 − Var(data − model) / Var(data). */
    public static double varianceExplained(double[] data, double[] model) {
        double md = 0, me = 0;
        int n = data.length;
        for (int k = 0; k < n; k++) { md += data[k]; me += data[k] - model[k]; }
        md /= n;
        me /= n;
        double vd = 0, ve = 0;
        for (int k = 0; k < n; k++) {
            double a = data[k] - md, e = data[k] - model[k] - me;
            vd += a * a;
            ve += e * e;
        }
        return vd == 0 ? Double.NaN : 1 - ve / vd;
    }
}
