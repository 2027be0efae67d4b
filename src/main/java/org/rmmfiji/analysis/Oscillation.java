package org.rmmfiji.analysis;

/**
 * The period of a voltage trace from its autocorrelation: the first autocorrelation peak beyond the first zero
 * crossing that reaches 80 % of the highest one. It needs no spike threshold and serves tonic spiking (the ISI), slow
 * waves and bursting (the burst period: the slow wave carries most of the variance) alike.
 */
public final class Oscillation {
    private Oscillation() {}

    /** Below this peak-to-peak amplitude (mV) a trace is called steady. */
    static final double MIN_AMPLITUDE_MV = 1.0;
    /** Below this autocorrelation a trace is called irregular. */
    static final double MIN_CORRELATION = 0.3;

    /** The period in ms of v[from …] sampled every dt ms, or NaN when it is steady, irregular or shorter than two periods. */
    public static double period(double[] v, int from, double dt) {
        // bins of ≈ 0.25 ms: the period to that resolution, refined by a parabola through the peak
        int bin = Math.max(1, (int) Math.round(0.25 / dt));
        int n = (v.length - from) / bin;
        if (n < 8) return Double.NaN;
        double[] x = new double[n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, mean = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < bin; k++) s += v[from + i * bin + k];
            x[i] = s / bin;
            if (!Double.isFinite(x[i])) return Double.NaN;
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
            mean += x[i] / n;
        }
        if (hi - lo < MIN_AMPLITUDE_MV) return Double.NaN;
        for (int i = 0; i < n; i++) x[i] -= mean;
        int maxLag = n / 2;
        double[] r = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            double s = 0;
            for (int i = 0; i + lag < n; i++) s += x[i] * x[i + lag];
            r[lag] = s / (n - lag);
        }
        double r0 = r[0];
        int start = 1;
        while (start <= maxLag && r[start] > 0) start++;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = start; lag < maxLag; lag++) best = Math.max(best, r[lag]);
        if (!(best >= MIN_CORRELATION * r0)) return Double.NaN;
        for (int lag = Math.max(start, 1); lag < maxLag; lag++) {
            if (r[lag] >= 0.8 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                double a = r[lag - 1], b = r[lag], c = r[lag + 1];
                double d = a - 2 * b + c, shift = d < 0 ? 0.5 * (a - c) / d : 0;
                return (lag + shift) * bin * dt;
            }
        }
        return Double.NaN;
    }
}
