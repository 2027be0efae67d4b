package org.rmmfiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Central differences for gradient checks, shared by every test that checks a hand-written backward pass. */
public final class FiniteDifferences {
    private FiniteDifferences() {}

    /** A scalar function of the array being perturbed. */
    public interface Fn { double eval(); }

    /** dF/da[k] with the step relative to the value: h = relativeStep · max(1, |a[k]|). */
    public static double central(Fn f, double[] a, int k, double relativeStep) {
        return centralAbsolute(f, a, k, relativeStep * Math.max(1.0, Math.abs(a[k])));
    }

    /**
     * dF/da[k] by central differences at steps h and h/2, refined by Richardson extrapolation (error O(h⁴)), so h
     * can be large enough to keep roundoff small.
     */
    public static double centralAbsolute(Fn f, double[] a, int k, double h) {
        double d1 = diff(f, a, k, h), d2 = diff(f, a, k, h / 2);
        return (4 * d2 - d1) / 3;
    }

    private static double diff(Fn f, double[] a, int k, double h) {
        double old = a[k];
        a[k] = old + h;
        double up = f.eval();
        a[k] = old - h;
        double down = f.eval();
        a[k] = old;
        return (up - down) / (2 * h);
    }

    /** Relative error ≤ 1e-6 of the larger magnitude (at least 1e-3, so gradients near zero are compared absolutely). */
    public static void assertClose(double numeric, double analytic, String what) {
        double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(analytic)));
        assertEquals(numeric, analytic, 1e-6 * scale, what + ": numeric " + numeric + " analytic " + analytic);
    }
}
