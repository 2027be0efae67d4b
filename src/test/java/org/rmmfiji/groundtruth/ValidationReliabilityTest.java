package org.rmmfiji.groundtruth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every spiking one-neuron dataset's validation drive times the truth's spikes reliably (see
 * {@link ProtocolReliability}): otherwise Γ on it tests nothing about a fit. Checked on the drive's first
 * {@link #CHECKED_MS} to stay fast. {@code pd-burster} is left out: it is judged by burst period and spikes per
 * burst, not by spike times.
 */
class ValidationReliabilityTest {
    static final double CHECKED_MS = 10_000;

    /** A guard against runaway hyperpolarisation: the 0.1 % voltage quantile of the validation run stays above it. */
    static final double V_LOW_LIMIT_MV = -160;

    @Test
    void everySpikingOneNeuronValidationDriveIsReliableForTheTruth() {
        StringBuilder failures = new StringBuilder();
        for (var e : NamedDatasets.ONE_NEURON.entrySet()) {
            if (e.getKey() == NamedDatasets.PD_BURSTER) continue;
            OneNeuronProtocol p = e.getValue();
            ProtocolReliability.Result r = ProtocolReliability.measure(p, p.segments.get(1), CHECKED_MS);
            if (!(r.worstGamma() >= ProtocolReliability.MIN_GAMMA && r.rateHz > 1 && r.vLow >= V_LOW_LIMIT_MV))
                failures.append(e.getKey().name).append(": ").append(r).append('\n');
        }
        assertTrue(failures.length() == 0, "validation drives the truth itself cannot reproduce (Γ ≥ " + ProtocolReliability.MIN_GAMMA
                + " under ×0.97, ×1.03 and two other starts; V 0.1 % ≥ " + V_LOW_LIMIT_MV + " mV):\n" + failures);
    }
}
