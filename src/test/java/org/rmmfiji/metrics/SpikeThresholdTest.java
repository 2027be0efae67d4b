package org.rmmfiji.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeThresholdTest {

    /** Rest at −60 mV, a slow rise (5 mV/ms) to −50 mV, then the spike's take-off (30 mV/ms) to +20 mV, repeated. */
    static double[] spikes(int count, double dt) {
        double[] v = new double[count * 400];
        for (int s = 0; s < count; s++) {
            int o = s * 400;
            double x = -60;
            for (int k = 0; k < 400; k++) {
                if (k >= 100 && x < -50 && k < 200) x = Math.min(-50, x + 5 * dt);
                else if (k >= 120 && k < 200 && x < 20) x = Math.min(20, x + 30 * dt);
                else if (k >= 200) x = Math.max(-60, x - 10 * dt);
                v[o + k] = x;
            }
        }
        return v;
    }

    @Test
    void thresholdIsWhereTheRiseTakesOff() {
        double th = Spikes.threshold(spikes(5, 0.1), 0.1, -20);
        assertEquals(-50, th, 0.6);
        assertTrue(Double.isNaN(Spikes.threshold(new double[] {-60, -60, -61, -60}, 0.1, -20)), "no spike, no threshold");
    }
}
