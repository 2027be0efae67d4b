package org.rmmfiji.math;

/**
 * The project's own elementary functions. {@code Math.tanh} halves the speed of the MLP kernels (DESIGN),
 * and {@code Math.exp} may be an intrinsic whose last bit differs between JVMs; these are plain Java
 * arithmetic, so they are fast and give the same bits everywhere (ground-truth data hash identically).
 * Accuracy: exp within ~2 ulp over its range, which makes {@code 1 - tanh^2} an exact-enough derivative
 * for the finite-difference gradient checks.
 */
public final class FastMath {
    private FastMath() {}

    static final double LOG2E = 1.4426950408889634;
    static final double LN2_HI = 0.6931471803691238;
    static final double LN2_LO = 1.9082149292705877e-10;
    /** Below this exp is 0 (NaN stays NaN). */
    static final double EXP_UNDERFLOW = -708.0;
    /** The Taylor coefficients of {@link #expTaylor13}, highest degree first (1/13! … 1/2!, 1, 1). */
    static final double[] EXP_TAYLOR = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
        1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0};

    /** e^x; 0 below -708, +Infinity above 709.78, NaN for NaN. */
    public static double exp(double x) {
        if (!(x > EXP_UNDERFLOW)) return x != x ? x : 0.0;
        if (x > 709.78) return Double.POSITIVE_INFINITY;
        double kd = Math.rint(x * LOG2E);
        double r = (x - kd * LN2_HI) - kd * LN2_LO;          // |r| <= ln2/2
        // Taylor series of e^r to degree 13 (truncation < 1e-17 for |r| <= 0.347).
        double p = expTaylor13(r);
        long k = (long) kd;
        if (k > 1023) return p * 2.0 * Double.longBitsToDouble((k - 1 + 1023) << 52);
        return p * Double.longBitsToDouble((k + 1023) << 52);
    }

    /**
     * tanh without branches or bit tricks, so the JIT vectorises loops over it: e^{2x} is computed as
     * (e^{2x/128})^128 — a degree-13 Taylor polynomial (truncation below 1e-18 for |2x/128| ≤ 0.3), then seven
     * squarings — with x clamped to ±19.1, where tanh is 1 to within an ulp. Absolute error about 1e-14, smooth
     * enough for central-difference gradient checks at 1e-6.
     */
    public static double tanh(double x) {
        double xc = Math.max(-19.1, Math.min(19.1, x));
        double r = xc * (2.0 / 128.0);
        double p = expTaylor13(r);
        p *= p; p *= p; p *= p; p *= p; p *= p; p *= p; p *= p;
        return (p - 1.0) / (p + 1.0);
    }

    /** e^r by its Taylor polynomial of degree 13 (Horner), for small |r|; shared by exp and tanh. */
    private static double expTaylor13(double r) {
        double p = 1.0 / 6227020800.0;
        p = p * r + 1.0 / 479001600.0;
        p = p * r + 1.0 / 39916800.0;
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        return p * r + 1.0;
    }

    /** Logistic sigmoid 1/(1+e^-x). */
    public static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + exp(-x));
        double e = exp(x);
        return e / (1.0 + e);
    }

    /**
     * softplus log(1+e^x), used to keep capacitances, conductances and sign-definite weights positive. A free run asks
     * for the same few values every step, and log1p costs more than the rest of what a step does with them, so recent
     * arguments are remembered (the same bits: it is the same function of the same argument).
     */
    public static double softplus(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int slot = (int) (bits ^ (bits >>> 21) ^ (bits >>> 42)) & (SOFTPLUS_MEMO.length - 1);
        Memo m = SOFTPLUS_MEMO[slot];
        if (m != null && m.argument == bits) return m.value;
        double y = x > 36.0 ? x : x < -36.0 ? exp(x) : StrictMath.log1p(exp(x));
        SOFTPLUS_MEMO[slot] = new Memo(bits, y);
        return y;
    }

    /**
     * One remembered softplus. Immutable, so threads may share the table without locks: a thread sees an entry whole
     * or not at all (final fields), and a lost race only costs a recomputation.
     */
    private static final class Memo {
        final long argument;
        final double value;

        Memo(long argument, double value) {
            this.argument = argument;
            this.value = value;
        }
    }

    private static final Memo[] SOFTPLUS_MEMO = new Memo[1024];

    /** The inverse of softplus, for initialising a raw parameter at a positive value y. */
    public static double softplusInverse(double y) {
        if (!(y > 0)) throw new IllegalArgumentException("softplus inverse needs a positive value, got " + y);
        if (y > 36.0) return y;
        return StrictMath.log(StrictMath.expm1(y));
    }

    /** Multiplies the softplus values of raw parameters p[from … from+n) by {@code factor}, in place. */
    public static void scaleSoftplus(double[] p, int from, int n, double factor) {
        for (int k = from; k < from + n; k++) p[k] = softplusInverse(softplus(p[k]) * factor);
    }
}
