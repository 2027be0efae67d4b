package org.rmmfiji.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BurstsTest {

    /** {@code n} bursts every {@code periodMs}, burst b having {@code sizes[b]} spikes 10 ms apart. */
    static double[] train(double periodMs, int... sizes) {
        int total = 0;
        for (int s : sizes) total += s;
        double[] t = new double[total];
        int k = 0;
        for (int b = 0; b < sizes.length; b++) for (int i = 0; i < sizes[b]; i++) t[k++] = 50 + b * periodMs + 10 * i;
        return t;
    }

    @Test
    void groupsByTheGapAndTakesMedians() {
        Bursts b = Bursts.group(train(1000, 4, 6, 5, 9), 100);
        assertEquals(4, b.count());
        assertArrayEquals(new double[] {50, 1050, 2050, 3050}, b.onsets, 1e-12);
        assertArrayEquals(new int[] {4, 6, 5, 9}, b.spikes);
        assertEquals(1000, b.period(), 1e-12);
        assertEquals(5.5, b.spikesPerBurst(), 1e-12);       // median of an even count averages the middle two
    }

    @Test
    void aGapShorterThanTheIntraBurstIntervalSplitsEverySpike() {
        Bursts b = Bursts.group(train(1000, 3, 3), 5);
        assertEquals(6, b.count());
        assertEquals(1.0, b.spikesPerBurst(), 1e-12);
    }

    @Test
    void periodIsTheMedianOnsetIntervalSoOneIrregularCycleDoesNotMoveIt() {
        double[] on = {0, 1000, 2000, 2300, 3300, 4300};
        Bursts b = Bursts.group(on, 100);
        assertEquals(1000, b.period(), 1e-12);
    }

    @Test
    void fewerThanTwoBurstsHaveNoPeriod() {
        assertTrue(Double.isNaN(Bursts.group(new double[0], 100).period()));
        assertTrue(Double.isNaN(Bursts.group(new double[0], 100).spikesPerBurst()));
        assertTrue(Double.isNaN(Bursts.group(train(1000, 5), 100).period()));
    }

    @Test
    void detectsBurstsInAVoltageTrace() {
        double dt = 0.1;
        double[] v = new double[(int) (5000 / dt)];
        java.util.Arrays.fill(v, -60);
        for (double t : train(1250, 3, 3, 3, 3)) for (int k = 0; k < 10; k++) v[(int) (t / dt) + k] = 20;   // 1 ms pulses
        Bursts b = Bursts.detect(v, dt, -20, 100);
        assertEquals(4, b.count());
        assertEquals(1250, b.period(), 1e-6);
        assertEquals(3, b.spikesPerBurst(), 1e-12);
    }
}
