package org.rmmfiji.groundtruth;

import org.rmmfiji.math.FastMath;
import org.rmmfiji.math.Rng;

/**
 * An Ornstein–Uhlenbeck current: dI = (μ − I)/τ dt + σ √(2/τ) dW, so the stationary std is σ. Advanced with
 * its exact discretisation; μ may change between steps (a ramp).
 */
public final class OrnsteinUhlenbeck {
    private final double decay;
    private final double kick;
    private final Rng rng;
    private double value;

    public OrnsteinUhlenbeck(double tauMs, double sigma, double dtMs, double initial, Rng rng) {
        this.decay = FastMath.exp(-dtMs / tauMs);
        this.kick = sigma * Math.sqrt(1 - decay * decay);
        this.rng = rng;
        this.value = initial;
    }

    public double value() { return value; }

    /** Advances one step towards mean μ and returns the new value. */
    public double next(double mean) {
        value = mean + (value - mean) * decay + kick * rng.nextGaussian();
        return value;
    }

    /**
     * {@code n} samples at step {@code dtMs} of a current started at {@code meanFrom} whose mean ramps linearly from
     * {@code meanFrom} (first sample) to {@code meanTo} (last sample), constant when they are equal; the noise from
     * {@code seed}. The drive of the one-neuron datasets and of Design Stimulus's {@code ou} protocol.
     */
    public static double[] ramp(int n, double dtMs, double tauMs, double sigma, double meanFrom, double meanTo, long seed) {
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(tauMs, sigma, dtMs, meanFrom, new Rng(seed));
        double[] out = new double[n];
        for (int k = 0; k < n; k++) out[k] = ou.next(meanFrom + (meanTo - meanFrom) * k / Math.max(1, n - 1));
        return out;
    }
}
