package org.rmmfiji.metrics;

import java.util.Arrays;

/** Spike times and the coincidence factor Γ. */
public final class Spikes {
    private Spikes() {}

    /** Upward crossings of {@code thresholdMv}, at most one per ms (ms from the trace start, interpolated). */
    public static double[] detect(double[] v, double dtMs, double thresholdMv) {
        double[] t = new double[16];
        int n = 0;
        double last = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < v.length; k++) {
            double a = v[k - 1], b = v[k];
            if (a < thresholdMv && b >= thresholdMv) {
                double tc = (k - 1 + (thresholdMv - a) / (b - a)) * dtMs;
                if (tc - last < 1.0) continue;
                if (n == t.length) t = Arrays.copyOf(t, 2 * n);
                t[n++] = tc;
                last = tc;
            }
        }
        return Arrays.copyOf(t, n);
    }

    /** The rate of rise (mV/ms) that marks a spike's take-off, the usual electrophysiological definition of threshold. */
    public static final double THRESHOLD_SLOPE_MV_PER_MS = 10;

    /**
     * The firing threshold of a trace: for every spike (an upward crossing of {@code detectMv}), the voltage where the
     * rise that carried it past {@code detectMv} began to exceed {@link #THRESHOLD_SLOPE_MV_PER_MS}; the median over
     * spikes. NaN when the trace has no spike.
     */
    public static double threshold(double[] v, double dtMs, double detectMv) {
        double[] t = detect(v, dtMs, detectMv);
        double[] th = new double[t.length];
        int n = 0;
        int back = (int) Math.ceil(5.0 / dtMs);   // a take-off is at most a few ms before the crossing
        for (double tc : t) {
            int k = (int) Math.floor(tc / dtMs);
            int stop = Math.max(1, k - back);
            while (k > stop && (v[k] - v[k - 1]) / dtMs >= THRESHOLD_SLOPE_MV_PER_MS) k--;
            th[n++] = v[k];
        }
        if (n == 0) return Double.NaN;
        Arrays.sort(th, 0, n);
        return n % 2 == 1 ? th[n / 2] : 0.5 * (th[n / 2 - 1] + th[n / 2]);
    }

    /**
     * The coincidence factor of Kistler et al. (1997) as used by Jolivet et al. (2008):
     * Γ = (N_coinc − 2νΔN_data) / (½(N_data + N_model)) · 1/(1 − 2νΔ), where ν = N_model/T is the model's rate,
     * Δ the window (±Δ), and N_coinc counts data spikes with a model spike within ±Δ (each model spike used
     * once). 1 is a perfect match, 0 is chance. NaN when neither train has a spike.
     */
    public static double coincidenceFactor(double[] data, double[] model, double windowMs, double durationMs) {
        int nd = data.length, nm = model.length;
        if (nd == 0 && nm == 0) return Double.NaN;
        int coinc = 0, j = 0;
        boolean[] used = new boolean[nm];
        for (double td : data) {
            while (j < nm && model[j] < td - windowMs) j++;
            for (int q = j; q < nm && model[q] <= td + windowMs; q++) {
                if (!used[q]) { used[q] = true; coinc++; break; }
            }
        }
        double nu = nm / durationMs;
        double expected = 2 * nu * windowMs * nd;
        double norm = 1 - 2 * nu * windowMs;
        return (coinc - expected) / (0.5 * (nd + nm)) / norm;
    }
}
