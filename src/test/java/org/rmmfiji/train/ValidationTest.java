package org.rmmfiji.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.metrics.MetricsReport;

/** How the reports of several segments of one part (the validation parts of many sweeps) make one. */
class ValidationTest {
    static MetricsReport part(double ms, double score, double gamma, int spikesData, int spikesModel) {
        MetricsReport r = new MetricsReport();
        r.neuron = "V";
        r.part = "validation";
        r.duration_ms = ms;
        r.score = score;
        r.loss = 1;
        r.gamma = gamma;
        r.spikes_data = spikesData;
        r.spikes_model = spikesModel;
        r.subthreshold_rmse_mV = 1;
        r.variance_explained = 0.5;
        return r;
    }

    @Test
    void aSweepWithoutSpikesLeavesGammaToTheSweepsThatHaveThem() {
        MetricsReport c = Validation.combine(List.of(part(100, 0.9, 0.5, 10, 10), part(100, 0.8, Double.NaN, 0, 0), part(200, 0.7, 0.2, 20, 40)));
        assertEquals((100 * 0.5 + 200 * 0.2) / 300, c.gamma, 1e-12);
        assertEquals((100 * 0.9 + 100 * 0.8 + 200 * 0.7) / 400, c.score, 1e-12, "every sweep counts in the score");
        assertEquals(30, c.spikes_data);
        assertEquals(50, c.spikes_model);
        assertEquals(50.0 / 30, c.spike_count_ratio, 1e-12);
        // the combined selection metric sees that Γ, not a silent sweep's NaN read as a perfect match
        assertEquals(c.score * c.gamma * (30.0 / 50), Validation.combined(c), 1e-12);
    }

    @Test
    void aPartWithoutAnySpikeHasNoGamma() {
        MetricsReport c = Validation.combine(List.of(part(100, 0.9, Double.NaN, 0, 0), part(100, 0.8, Double.NaN, 0, 0)));
        assertTrue(Double.isNaN(c.gamma));
        assertEquals(1.0, c.spike_count_ratio);
    }
}
