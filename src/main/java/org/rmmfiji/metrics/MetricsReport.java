package org.rmmfiji.metrics;

/**
 * Every report gives these together (DESIGN): the authors' score and loss, Γ, the spike-count ratio, plus
 * subthreshold RMSE and variance explained. Field names are the keys of the metrics table and model file.
 */
public final class MetricsReport {
    public String neuron;
    public String part;
    public double score = Double.NaN;
    public double loss = Double.NaN;
    public double gamma = Double.NaN;
    public double spike_count_ratio = Double.NaN;
    public int spikes_data;
    public int spikes_model;
    public double subthreshold_rmse_mV = Double.NaN;
    public double variance_explained = Double.NaN;
    public boolean diverged;
    public double duration_ms;

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%s %s: score %.3f, loss %.4g, Γ %.3f, spikes %d/%d (ratio %.2f), subthreshold RMSE %.2f mV, variance explained %.3f%s",
                neuron, part, score, loss, gamma, spikes_model, spikes_data, spike_count_ratio, subthreshold_rmse_mV,
                variance_explained, diverged ? " (diverged)" : "");
    }
}
