package org.rmmfiji.model;

import org.rmmfiji.math.FastMath;

/**
 * How a layer's effective weights come from its raw parameters: free, or sign-definite through softplus
 * (monotone gates in conductance-based currents: activations rise, inactivations fall).
 */
public enum WeightSign {
    FREE("free"), POSITIVE("positive"), NEGATIVE("negative");

    private final String id;

    WeightSign(String id) { this.id = id; }

    public String id() { return id; }

    public static WeightSign of(String id) {
        for (WeightSign s : values()) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("unknown weight sign '" + id + "' (expected free, positive or negative)");
    }

    double effective(double raw) {
        switch (this) {
            case POSITIVE: return FastMath.softplus(raw);
            case NEGATIVE: return -FastMath.softplus(raw);
            default: return raw;
        }
    }

    /** d effective / d raw. */
    double derivative(double raw) {
        switch (this) {
            case POSITIVE: return FastMath.sigmoid(raw);
            case NEGATIVE: return -FastMath.sigmoid(raw);
            default: return 1.0;
        }
    }

    double raw(double effective) {
        switch (this) {
            case POSITIVE: return FastMath.softplusInverse(effective);
            case NEGATIVE: return FastMath.softplusInverse(-effective);
            default: return effective;
        }
    }
}
