package org.rmmfiji.metrics;

/**
 * The authors' score and loss of a free-run trace against a recorded one. Both traces are processed as
 * y = G_σ * ReLU(BP(v) − θ) (band-pass forward and backward, ReLU above θ when set, normalised Gaussian of
 * std σ truncated at ±6σ); the kernel half-width is then trimmed from both ends.
 * <ul>
 * <li>loss = mean((y_model − y_data)²), lower is better;</li>
 * <li>score = angular separation ⟨y_m, y_d⟩ / max(‖y_m‖², ‖y_d‖²), in [0, 1] for non-negative traces,
 * 1 perfect. It is not the cosine: it also penalises a mismatch of amplitude.</li>
 * </ul>
 */
public final class TraceScore {
    private TraceScore() {}

    /** Processes one trace; the result has the kernel half-width trimmed from both ends. */
    public static double[] process(double[] v, double dtMs, ScoreSettings s) {
        double fs = 1000.0 / dtMs;
        double hi = Math.min(s.band_high_hz, 0.45 * fs);
        double[] y = Butterworth.bandPass(s.band_order, s.band_low_hz, hi, fs).filtfilt(v);
        if (!Double.isNaN(s.threshold_mV)) {
            for (int k = 0; k < y.length; k++) y[k] = Math.max(0.0, y[k] - s.threshold_mV);
        }
        double sigma = s.smoothing_ms / dtMs;
        int half = (int) Math.ceil(6 * sigma);
        if (half < 1 || y.length <= 2 * half + 1) return y;
        double[] kernel = new double[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            kernel[i + half] = org.rmmfiji.math.FastMath.exp(-0.5 * (i / sigma) * (i / sigma));
            sum += kernel[i + half];
        }
        for (int i = 0; i < kernel.length; i++) kernel[i] /= sum;
        if (kernel.length > 64) return Fft.convolveValid(y, kernel);   // long kernels: overlap-add FFT
        int n = y.length - 2 * half;           // only the fully covered ("valid") part
        double[] out = new double[n];
        for (int i = 0; i < kernel.length; i++) {   // one axpy per tap: vectorised, unlike a dot per sample
            double w = kernel[i];
            for (int k = 0; k < n; k++) out[k] += w * y[k + i];
        }
        return out;
    }

    public static double loss(double[] yModel, double[] yData) {
        double s = 0;
        for (int k = 0; k < yData.length; k++) {
            double d = yModel[k] - yData[k];
            s += d * d;
        }
        return s / yData.length;
    }

    public static double angularSeparation(double[] yModel, double[] yData) {
        double ab = 0, aa = 0, bb = 0;
        for (int k = 0; k < yData.length; k++) {
            ab += yModel[k] * yData[k];
            aa += yModel[k] * yModel[k];
            bb += yData[k] * yData[k];
        }
        double m = Math.max(aa, bb);
        return m == 0 ? 1.0 : ab / m;
    }
}
