package org.rmmfiji.job;

import org.rmmfiji.groundtruth.OrnsteinUhlenbeck;
import org.rmmfiji.math.Rng;

/**
 * The current-clamp waveforms of Design Stimulus, sample k at time k·dt (ms) from 0, in nA. Pure functions of their
 * arguments (a seed gives the same waveform on every JVM); the arguments are checked by {@link DesignStimulusJob}.
 */
public final class StimulusProtocols {
    private StimulusProtocols() {}

    /**
     * Ornstein–Uhlenbeck noise of stationary standard deviation {@code sigmaNa} and correlation time {@code tauMs},
     * its mean ramping linearly from {@code meanFromNa} (first sample) to {@code meanToNa} (last sample): exactly the
     * drive of the ground-truth one-neuron datasets ({@link OrnsteinUhlenbeck#ramp}).
     */
    public static double[] ou(int n, double dtMs, double meanFromNa, double meanToNa, double sigmaNa, double tauMs, long seed) {
        return OrnsteinUhlenbeck.ramp(n, dtMs, tauMs, sigmaNa, meanFromNa, meanToNa, seed);
    }

    /**
     * {@code offset + amplitude·sin φ(t)}, φ(0) = 0, whose instantaneous frequency φ'(t)/2π goes from {@code f0Hz} at
     * the first sample to {@code f1Hz} at the last: linearly in time, or exponentially (f0·(f1/f0)^(t/T), both
     * positive).
     */
    public static double[] chirp(int n, double dtMs, double f0Hz, double f1Hz, double amplitudeNa, double offsetNa, boolean exponential) {
        double[] out = new double[n];
        double T = (n - 1) * dtMs * 1e-3;
        double r = exponential && f1Hz != f0Hz ? Math.log(f1Hz / f0Hz) : 0;
        for (int k = 0; k < n; k++) {
            double t = k * dtMs * 1e-3, cycles;
            if (r != 0) cycles = f0Hz * T / r * Math.expm1(r * t / T);
            else if (exponential) cycles = f0Hz * t;
            else cycles = f0Hz * t + (f1Hz - f0Hz) * t * t / (2 * T);
            out[k] = offsetNa + amplitudeNa * Math.sin(2 * Math.PI * cycles);
        }
        return out;
    }

    /** The instantaneous frequency (Hz) of {@link #chirp} at time {@code tMs} of a chirp whose last sample is at {@code lastMs}. */
    public static double chirpFrequency(double tMs, double lastMs, double f0Hz, double f1Hz, boolean exponential) {
        double x = tMs / lastMs;
        return exponential ? f0Hz * Math.pow(f1Hz / f0Hz, x) : f0Hz + (f1Hz - f0Hz) * x;
    }

    /**
     * Steps through {@code levelsNa}, each held for {@code samplesPerLevel} samples, the list taken again and again
     * until {@code n} samples are filled (the last level cut short). With {@code shuffle}, every pass through the list
     * is in its own random order. With {@code noiseNa} > 0, Ornstein–Uhlenbeck noise of that standard deviation and
     * correlation time {@code tauMs} (mean 0) is added. The order and the noise come from {@code seed}; the order is
     * the same with and without noise.
     */
    public static double[] multilevel(int n, double dtMs, double[] levelsNa, int samplesPerLevel, boolean shuffle, double noiseNa, double tauMs,
            long seed) {
        Rng rng = new Rng(seed);
        long noiseSeed = rng.nextLong();
        double[] out = new double[n];
        int[] order = new int[levelsNa.length];
        for (int k = 0; k < n; k++) {
            int step = k / samplesPerLevel, pos = step % levelsNa.length;
            if (k % samplesPerLevel == 0 && pos == 0) {            // a new pass through the list
                for (int i = 0; i < order.length; i++) order[i] = i;
                if (shuffle) rng.shuffle(order);
            }
            out[k] = levelsNa[order[pos]];
        }
        if (noiseNa > 0) {
            double[] noise = OrnsteinUhlenbeck.ramp(n, dtMs, tauMs, noiseNa, 0, 0, noiseSeed);
            for (int k = 0; k < n; k++) out[k] += noise[k];
        }
        return out;
    }
}
