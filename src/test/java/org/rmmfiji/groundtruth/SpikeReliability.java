package org.rmmfiji.groundtruth;

import java.util.Locale;

import org.rmmfiji.math.Rng;
import org.rmmfiji.metrics.Spikes;

/**
 * How reliable the ground truth's own spike timing is under a one-neuron dataset's validation drive: the same
 * neuron and the same current, started from another state (settled under a different constant current), or with
 * the injected current scaled by a few per cent (a model whose input gain is slightly off). Γ (±2 ms) against the
 * recorded run after a 2 s transient is the ceiling any model can reach. Run as a main class (not a test):
 * {@code java -cp target/classes:target/test-classes org.rmmfiji.groundtruth.SpikeReliability}.
 */
public final class SpikeReliability {
    private SpikeReliability() {}

    public static void main(String[] args) {
        for (var e : NamedDatasets.ONE_NEURON.entrySet()) {
            OneNeuronProtocol p = e.getValue();
            if (p.segments.size() != 2) continue;
            OneNeuronProtocol.Drive d = p.segments.get(1);
            double[] ref = run(p, d, 0, 1.0, 0);
            StringBuilder sb = new StringBuilder(e.getKey().name);
            for (double settleNa : new double[] {-0.3, 0.3})
                sb.append(String.format(Locale.ROOT, "  other start (%+.1f·σ): Γ %.3f", settleNa, gamma(p, ref, run(p, d, settleNa * d.sigmaNa, 1.0, 0))));
            for (double gain : new double[] {0.97, 1.03})
                sb.append(String.format(Locale.ROOT, "  gain %.2f: Γ %.3f", gain, gamma(p, ref, run(p, d, 0, gain, 0))));
            sb.append(String.format(Locale.ROOT, "  offset +0.02σ: Γ %.3f", gamma(p, ref, run(p, d, 0, 1.0, 0.02 * d.sigmaNa))));
            System.out.println(sb);
        }
    }

    static double gamma(OneNeuronProtocol p, double[] a, double[] b) {
        int k0 = (int) Math.round(2000 / p.dtMs);
        double[] ta = Spikes.detect(java.util.Arrays.copyOfRange(a, k0, a.length), p.dtMs, -20);
        double[] tb = Spikes.detect(java.util.Arrays.copyOfRange(b, k0, b.length), p.dtMs, -20);
        return Spikes.coincidenceFactor(ta, tb, 2, (a.length - k0) * p.dtMs);
    }

    /** The validation segment's voltage, settled under {@code settleNa}, current × gain + offset. */
    static double[] run(OneNeuronProtocol p, OneNeuronProtocol.Drive d, double settleNa, double gain, double offset) {
        int sub = (int) Math.round(p.dtMs / NamedDatasets.DT_SIM);
        int n = (int) Math.round(d.durationMs / p.dtMs);
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(d.tauMs, d.sigmaNa, p.dtMs, d.meanFromNa, new Rng(d.seed));
        SingleNeuron cell = p.model.get();
        int settle = (int) Math.round(p.settleMs / NamedDatasets.DT_SIM);
        for (int k = 0; k < settle; k++) cell.step(settleNa == 0 ? 0 : d.meanFromNa + settleNa, NamedDatasets.DT_SIM);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            double mean = d.meanFromNa + (d.meanToNa - d.meanFromNa) * k / Math.max(1, n - 1);
            double u = ou.next(mean) * gain + offset;
            v[k] = cell.voltage();
            for (int s = 0; s < sub; s++) cell.step(u, NamedDatasets.DT_SIM);
        }
        return v;
    }
}
