package org.rmmfiji.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rmmfiji.math.Rng;

class MetricsTest {

    @Test
    void butterworthBandPassHasUnitGainInsideAndHalfPowerAtTheEdges() {
        Butterworth bp = Butterworth.bandPass(6, 20, 500, 10_000);
        assertEquals(1.0, bp.gainAt(Math.sqrt(20 * 500.0) * 0.96, 10_000), 0.01);
        assertEquals(1 / Math.sqrt(2), bp.gainAt(20, 10_000), 0.02);
        assertEquals(1 / Math.sqrt(2), bp.gainAt(500, 10_000), 0.02);
        assertTrue(bp.gainAt(2, 10_000) < 1e-5);
        assertTrue(bp.gainAt(3000, 10_000) < 1e-3);
    }

    @Test
    void filtfiltIsZeroPhase() {
        int n = 20_000;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) x[k] = Math.sin(2 * Math.PI * 100 * k / 10_000.0) - 60;   // 100 Hz on a DC offset
        double[] y = Butterworth.bandPass(3, 20, 500, 10_000).filtfilt(x);
        for (int k = 5000; k < 15_000; k++) assertEquals(x[k] + 60, y[k], 0.02, "sample " + k);
    }

    @Test
    void angularSeparationAndLoss() {
        double[] a = {1, 2, 3, 0}, b = {2, 4, 6, 0};
        assertEquals(1.0, TraceScore.angularSeparation(a, a), 1e-15);
        assertEquals(0.25 * 2, TraceScore.angularSeparation(a, b), 1e-15);   // <a,2a>/max(|a|²,4|a|²) = 1/2
        assertEquals((1 + 4 + 9) / 4.0, TraceScore.loss(a, b), 1e-15);
    }

    @Test
    void coincidenceFactor() {
        double[] spikes = {10, 50, 90, 130, 170};
        assertEquals(1.0, Spikes.coincidenceFactor(spikes, spikes, 2, 200), 1e-12);
        assertEquals(1.0, Spikes.coincidenceFactor(spikes, new double[] {11, 51, 89, 131, 171}, 2, 200), 1e-12);
        Rng rng = new Rng(3);
        double[] d = new double[2000], m = new double[2000];
        for (int i = 0; i < 2000; i++) { d[i] = i * 50 + rng.nextDouble() * 50; m[i] = i * 50 + rng.nextDouble() * 50; }
        assertEquals(0.0, Spikes.coincidenceFactor(d, m, 2, 100_000), 0.05);
        assertTrue(Double.isNaN(Spikes.coincidenceFactor(new double[0], new double[0], 2, 100)));
    }

    @Test
    void spikeDetectionAndReport() {
        double dt = 0.1;
        double[] v = new double[10_000];
        for (int k = 0; k < v.length; k++) v[k] = -60 + (k % 1000 >= 500 && k % 1000 < 520 ? 90 : 0);   // 10 spikes
        assertEquals(10, Spikes.detect(v, dt, -20).length);
        MetricsReport same = Metrics.compare("n", "test", v, v.clone(), false, dt, new ScoreSettings());
        assertEquals(1.0, same.score, 1e-12);
        assertEquals(1.0, same.gamma, 1e-12);
        assertEquals(1.0, same.spike_count_ratio, 0);
        assertEquals(0.0, same.loss, 1e-20);
        assertEquals(1.0, same.variance_explained, 1e-12);
        double[] flat = new double[v.length];
        java.util.Arrays.fill(flat, -60);
        MetricsReport silent = Metrics.compare("n", "test", v, flat, false, dt, new ScoreSettings());
        assertEquals(0, silent.spikes_model);
        assertEquals(0.0, silent.spike_count_ratio, 0);
        assertTrue(silent.score < 0.01, "a flat trace scores " + silent.score);
    }

    @Test
    void fftConvolutionEqualsTheDirectSum() {
        Rng rng = new Rng(5);
        double[] y = new double[50_000], kernel = new double[2401];
        for (int k = 0; k < y.length; k++) y[k] = rng.nextGaussian();
        for (int i = 0; i < kernel.length; i++) kernel[i] = rng.nextDouble();
        double[] fast = Fft.convolveValid(y, kernel);
        assertEquals(y.length - kernel.length + 1, fast.length);
        for (int k = 0; k < fast.length; k += 131) {
            double direct = 0;
            for (int i = 0; i < kernel.length; i++) direct += kernel[i] * y[k + i];
            assertEquals(direct, fast[k], 1e-9 * (1 + Math.abs(direct)), "sample " + k);
        }
    }
}
