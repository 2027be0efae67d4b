package org.rmmfiji.metrics;

/**
 * How traces are processed before the authors' score and loss: Butterworth band-pass (zero phase),
 * ReLU above a threshold (NaN: none), normalised Gaussian smoothing; plus the spike threshold and the
 * coincidence window for Γ.
 */
public final class ScoreSettings {
    public double band_low_hz = 20;
    public double band_high_hz = 500;
    public int band_order = 6;
    public double threshold_mV = Double.NaN;
    public double smoothing_ms = 20;
    public double spike_threshold_mV = -20;
    public double coincidence_window_ms = 2;
}
