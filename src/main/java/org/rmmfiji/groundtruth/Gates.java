package org.rmmfiji.groundtruth;

import org.rmmfiji.math.FastMath;

/** Helpers shared by the conductance-based models. */
final class Gates {
    private Gates() {}

    /** Prinz's σ(V; a, b) = 1 / (1 + exp((V + a)/b)). */
    static double sig(double v, double a, double b) {
        return 1.0 / (1.0 + FastMath.exp((v + a) / b));
    }

    /** Exponential Euler for τ dx/dt = x∞ − x over one step. */
    static double relax(double x, double xInf, double tau, double dt) {
        return xInf + (x - xInf) * FastMath.exp(-dt / tau);
    }
}
