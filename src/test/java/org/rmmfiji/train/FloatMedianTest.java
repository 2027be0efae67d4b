package org.rmmfiji.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.rmmfiji.math.Rng;

/** The radix median returns what sorting and taking the lower middle value returns, over several ranges of arrays. */
class FloatMedianTest {

    static double sorted(float[][] arrays, int[][] ranges) {
        int n = 0;
        for (int[] r : ranges) n += r[1] - r[0];
        float[] all = new float[n];
        int at = 0;
        for (int k = 0; k < arrays.length; k++) {
            System.arraycopy(arrays[k], ranges[k][0], all, at, ranges[k][1] - ranges[k][0]);
            at += ranges[k][1] - ranges[k][0];
        }
        Arrays.sort(all);
        return all[(n - 1) / 2];
    }

    @Test
    void equalsTheSortedLowerMiddleValue() {
        Rng rng = new Rng(6);
        for (int trial = 0; trial < 40; trial++) {
            int parts = 1 + trial % 3;
            float[][] arrays = new float[parts][];
            int[][] ranges = new int[parts][];
            FloatMedian m = new FloatMedian();
            for (int k = 0; k < parts; k++) {
                int n = 1 + rng.nextInt(trial < 20 ? 9 : 3000);
                arrays[k] = new float[n + 10];
                for (int t = 0; t < arrays[k].length; t++) {
                    double u = rng.nextDouble();
                    // voltages around −60 mV, repeated values, both zeros, values one ulp apart, extremes
                    arrays[k][t] = u < 0.5 ? (float) (-60 + 5 * rng.nextGaussian()) : u < 0.6 ? -0f : u < 0.7 ? 0f : u < 0.8 ? -61.25f
                            : u < 0.85 ? Math.nextUp(-61.25f) : u < 0.9 ? Float.MAX_VALUE : u < 0.95 ? -Float.MIN_VALUE : (float) (1e-3 * rng.nextGaussian());
                }
                int from = rng.nextInt(5);
                ranges[k] = new int[] {from, from + n};
                m.add(arrays[k], from, from + n);
            }
            double expected = sorted(arrays, ranges), actual = m.lower();
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), "trial " + trial + ": " + actual + " instead of " + expected);
        }
    }

    @Test
    void stepsAreTheAbsoluteDifferencesAtTheLag() {
        Rng rng = new Rng(11);
        for (int trial = 0; trial < 20; trial++) {
            int lag = 1 + trial % 4, parts = 1 + trial % 3;
            FloatMedian m = new FloatMedian();
            float[][] steps = new float[parts][];
            int[][] ranges = new int[parts][];
            for (int k = 0; k < parts; k++) {
                int n = lag + 1 + rng.nextInt(2000), from = rng.nextInt(4);
                float[] v = new float[n + from + 3];
                for (int t = 1; t < v.length; t++) v[t] = v[t - 1] + (float) (rng.nextDouble() < 0.2 ? 0 : rng.nextGaussian());
                m.addSteps(v, from, from + n, lag);
                steps[k] = new float[n - lag];
                for (int t = 0; t < n - lag; t++) steps[k][t] = Math.abs(v[from + t + lag] - v[from + t]);
                ranges[k] = new int[] {0, n - lag};
            }
            assertEquals(sorted(steps, ranges), m.lower(), 0.0, "trial " + trial + ", lag " + lag);
        }
        FloatMedian tooShort = new FloatMedian();
        tooShort.addSteps(new float[] {1f, 2f}, 0, 2, 2);      // no step of lag 2 fits in two values
        tooShort.add(new float[] {7f}, 0, 1);
        assertEquals(7f, tooShort.lower(), 0.0);
    }

    @Test
    void keysOrderFloatsAsFloatCompareDoes() {
        float[] v = {Float.NEGATIVE_INFINITY, -3f, -Float.MIN_VALUE, -0f, 0f, Float.MIN_VALUE, 2f, Float.POSITIVE_INFINITY, Float.NaN};
        for (int a = 0; a < v.length; a++) {
            assertEquals(Float.floatToIntBits(v[a]), Float.floatToIntBits(FloatMedian.value(FloatMedian.key(v[a]))), "round trip of " + v[a]);
            for (int b = 0; b < v.length; b++)
                assertEquals(Integer.signum(Float.compare(v[a], v[b])), Integer.signum(Integer.compareUnsigned(FloatMedian.key(v[a]), FloatMedian.key(v[b]))),
                        v[a] + " against " + v[b]);
        }
    }
}
