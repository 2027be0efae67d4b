package org.rmmfiji.groundtruth;

import java.util.Arrays;

import org.rmmfiji.metrics.Spikes;

/**
 * Whether a one-neuron drive makes the true neuron's spike times reproducible, so that Γ measured on it tests a
 * fit: the true neuron is run on the drive as the dataset makes it (settled at rest), and again with the current
 * scaled by {@link #GAINS} (a model whose input gain is slightly off) and from two other starting states (settled
 * under the drive's mean, or after {@link #RESTART_NOISE_MS} of the same OU process at another seed). Γ (±2 ms)
 * against the reference run, after {@link #TRANSIENT_MS}, is the ceiling any model can reach on that drive.
 */
final class ProtocolReliability {
    private ProtocolReliability() {}

    /** What a validation drive must give the truth, for every perturbation. */
    static final double MIN_GAMMA = 0.9;
    static final double[] GAINS = {0.97, 1.03};
    static final double TRANSIENT_MS = 2000, WINDOW_MS = 2, THRESHOLD_MV = -20, RESTART_NOISE_MS = 1000;
    static final long RESTART_SEED_OFFSET = 7919;
    /** The voltage quantile reported as the drive's hyperpolarised end (brief excursions below it are allowed). */
    static final double LOW_QUANTILE = 0.001;

    /** The measurements of one drive: rate, voltage range and its low quantile in the reference run, Γ per perturbation. */
    static final class Result {
        double rateHz, vMin, vLow, vMax, gammaGainLow, gammaGainHigh, gammaRestartMean, gammaRestartNoise;

        double worstGamma() { return Math.min(Math.min(gammaGainLow, gammaGainHigh), Math.min(gammaRestartMean, gammaRestartNoise)); }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f Hz, V %.1f (0.1%%: %.1f)…%.1f mV; Γ ×%.2f %.3f, ×%.2f %.3f, start at mean %.3f, start after noise %.3f",
                    rateHz, vMin, vLow, vMax, GAINS[0], gammaGainLow, GAINS[1], gammaGainHigh, gammaRestartMean, gammaRestartNoise);
        }
    }

    /** Measures drive {@code d} of protocol {@code p} over its first {@code durationMs}. */
    static Result measure(OneNeuronProtocol p, OneNeuronProtocol.Drive d, double durationMs) {
        int n = (int) Math.round(durationMs / p.dtMs);
        double[] ref = run(p, p.settled(0), d, n, 1.0);
        Result r = new Result();
        int k0 = (int) Math.round(TRANSIENT_MS / p.dtMs);
        double[] tail = Arrays.copyOfRange(ref, k0, n);
        r.vMin = Arrays.stream(tail).min().orElse(Double.NaN);
        r.vMax = Arrays.stream(tail).max().orElse(Double.NaN);
        double[] sorted = tail.clone();
        Arrays.sort(sorted);
        r.vLow = sorted[(int) (LOW_QUANTILE * sorted.length)];
        r.rateHz = spikes(p, ref).length / ((n - k0) * p.dtMs / 1000);
        r.gammaGainLow = gamma(p, ref, run(p, p.settled(0), d, n, GAINS[0]));
        r.gammaGainHigh = gamma(p, ref, run(p, p.settled(0), d, n, GAINS[1]));
        r.gammaRestartMean = gamma(p, ref, run(p, p.settled(d.meanFromNa), d, n, 1.0));
        SingleNeuron noisy = p.settled(0);
        OneNeuronProtocol.Drive other = new OneNeuronProtocol.Drive(RESTART_NOISE_MS, d.meanFromNa, d.meanFromNa, d.tauMs, d.sigmaNa,
                d.seed + RESTART_SEED_OFFSET);
        p.drive(noisy, other, (int) Math.round(RESTART_NOISE_MS / p.dtMs), 1.0, null, null, null);
        r.gammaRestartNoise = gamma(p, ref, run(p, noisy, d, n, 1.0));
        return r;
    }

    private static double[] run(OneNeuronProtocol p, SingleNeuron cell, OneNeuronProtocol.Drive d, int n, double gain) {
        double[] v = new double[n];
        p.drive(cell, d, n, gain, v, null, null);
        return v;
    }

    private static double[] spikes(OneNeuronProtocol p, double[] v) {
        int k0 = (int) Math.round(TRANSIENT_MS / p.dtMs);
        return Spikes.detect(Arrays.copyOfRange(v, k0, v.length), p.dtMs, THRESHOLD_MV);
    }

    /** Γ of {@code b} against {@code a} after the transient; 0 when neither spikes (a silent drive tests nothing). */
    static double gamma(OneNeuronProtocol p, double[] a, double[] b) {
        double g = Spikes.coincidenceFactor(spikes(p, a), spikes(p, b), WINDOW_MS, (a.length - Math.round(TRANSIENT_MS / p.dtMs)) * p.dtMs);
        return Double.isNaN(g) ? 0 : g;
    }
}
