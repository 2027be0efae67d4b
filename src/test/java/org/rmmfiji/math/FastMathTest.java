package org.rmmfiji.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastMathTest {

    @Test
    void expIsWithinTwoUlpOfStrictMath() {
        Rng rng = new Rng(1);
        for (int i = 0; i < 200_000; i++) {
            double x = (rng.nextDouble() - 0.5) * 1400;
            double a = FastMath.exp(x), b = StrictMath.exp(x);
            assertTrue(Math.abs(a - b) <= 2 * Math.ulp(b), "exp(" + x + ") = " + a + " vs " + b);
        }
        assertEquals(0.0, FastMath.exp(-800), 0);
        assertEquals(Double.POSITIVE_INFINITY, FastMath.exp(800), 0);
        assertTrue(Double.isNaN(FastMath.exp(Double.NaN)));
    }

    @Test
    void tanhSigmoidSoftplus() {
        for (double x = -25; x <= 25; x += 0.01) {
            assertEquals(Math.tanh(x), FastMath.tanh(x), 2e-14, "tanh(" + x + ")");
            assertEquals(1 / (1 + Math.exp(-x)), FastMath.sigmoid(x), 1e-15);
            assertEquals(Math.log1p(Math.exp(x)), FastMath.softplus(x), 1e-14 * Math.max(1, Math.abs(x)));
        }
        assertEquals(0.7, FastMath.softplus(FastMath.softplusInverse(0.7)), 1e-14);
        assertEquals(1.0, FastMath.tanh(50), 0);
        assertEquals(-1.0, FastMath.tanh(-50), 0);
        assertEquals(0.0, FastMath.tanh(0), 0);
    }

    @Test
    void rngIsDeterministic() {
        Rng a = new Rng(42), b = new Rng(42);
        for (int i = 0; i < 1000; i++) assertEquals(a.nextGaussian(), b.nextGaussian(), 0);
        double s = 0, s2 = 0;
        Rng c = new Rng(7);
        for (int i = 0; i < 100_000; i++) { double g = c.nextGaussian(); s += g; s2 += g * g; }
        assertEquals(0, s / 100_000, 0.02);
        assertEquals(1, s2 / 100_000, 0.02);
    }

    /** The remembered softplus gives the bits of the formula, on a first call, on a repeat and after its slot was taken. */
    @Test
    void softplusRemembersWithoutChangingABit() {
        Rng rng = new Rng(11);
        double[] x = new double[5000];
        for (int k = 0; k < x.length; k++) x[k] = k % 7 == 0 ? 80 * (rng.nextDouble() - 0.5) : 10 * (rng.nextDouble() - 0.5);
        for (int pass = 0; pass < 3; pass++)        // 5000 arguments over far fewer slots: hits, misses and evictions
            for (double a : x) {
                double expected = a > 36.0 ? a : a < -36.0 ? FastMath.exp(a) : StrictMath.log1p(FastMath.exp(a));
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(FastMath.softplus(a)), "softplus(" + a + "), pass " + pass);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(FastMath.softplus(a)), "softplus(" + a + ") again");
            }
        assertTrue(Double.isNaN(FastMath.softplus(Double.NaN)));
    }
}
