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
}
