package org.rmmfiji.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.analysis.CouplingEntry;
import org.rmmfiji.analysis.CouplingMatrix;
import org.rmmfiji.groundtruth.CircuitSynapse;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/**
 * pyloric3 fitted all-to-all from the neutral start (circuit-syncond, every reversal from −50 mV): on the test segment,
 * the coupling matrix ranks every absent synapse below every true synapse of ≥ 10 nS, by ablation drop and by RMS
 * current; the excitatory LP → PY synapse is labelled excitatory and the inhibitory ones inhibitory; every cell runs
 * freely inside the recorded circuit. The matrix against the truth goes to the README.
 */
class PyloricCouplingIT {
    static final int EPOCHS = 30;

    @Test
    void allToAllFitFindsTheCircuit(@TempDir Path out) throws Exception {
        FitResult r = FitJob.run(Acceptance.circuit(NamedDatasets.PYLORIC3, out, EPOCHS), ProgressListener.NONE, new CancelToken());
        List<CouplingEntry> matrix = CouplingMatrix.compute(r.network, r.segments("test").get(0), r.channels(), r.training().score,
                r.training().dump_fraction, true);
        Map<String, Double> trueNs = new HashMap<>();
        Map<String, Double> trueE = new HashMap<>();
        for (CircuitSynapse c : NamedDatasets.trueSynapses(NamedDatasets.PYLORIC3)) {
            trueNs.merge(c.pre + ">" + c.post, c.gNs, Double::sum);
            trueE.put(c.pre + ">" + c.post, c.eMv);
        }
        List<MetricsReport> cells = Acceptance.cellByCell(r);
        StringBuilder rows = new StringBuilder();
        for (CouplingEntry e : matrix) {
            String pair = e.pre + ">" + e.post;
            double g = trueNs.getOrDefault(pair, 0.0);
            rows.append(String.format(Locale.ROOT, "| %s → %s | %s | %.0f nS, %s | %.3f nA | %.1f nS | %.1f mV | %s | %.3f |%n", e.pre, e.post,
                    g == 0 ? "absent" : "present", g, g == 0 ? "—" : trueE.get(pair) >= -10 ? "excitatory" : "inhibitory",
                    e.rms_nA, 1000 * e.g_max_uS, e.e_effective_mV, e.sign, e.ablation_drop));
        }
        StringBuilder cellRow = new StringBuilder();
        for (MetricsReport m : cells) cellRow.append(String.format(Locale.ROOT, "%s %.3f (Γ %.2f); ", m.neuron, m.score, m.gamma));
        rows.append(String.format(Locale.ROOT, "%n%d shooting epochs, fit %.0f s. Test scores, each cell free inside the recorded circuit: %s%n",
                EPOCHS, r.fitSeconds, cellRow.toString().trim()));
        Files.createDirectories(Acceptance.FIGURES);
        Files.writeString(Acceptance.FIGURES.resolve("synapse-matrix-pyloric3.md"), rows.toString(), StandardCharsets.UTF_8);
        System.out.print(rows);

        double weakestTrueDrop = Double.POSITIVE_INFINITY, weakestTrueRms = Double.POSITIVE_INFINITY;
        double strongestAbsentDrop = Double.NEGATIVE_INFINITY, strongestAbsentRms = Double.NEGATIVE_INFINITY;
        for (CouplingEntry e : matrix) {
            double g = trueNs.getOrDefault(e.pre + ">" + e.post, 0.0);
            if (g >= 10) {
                weakestTrueDrop = Math.min(weakestTrueDrop, e.ablation_drop);
                weakestTrueRms = Math.min(weakestTrueRms, e.rms_nA);
                assertEquals(trueE.get(e.pre + ">" + e.post) >= -10 ? "excitatory" : "inhibitory", e.sign, e.pre + " → " + e.post);
            } else if (g == 0) {
                strongestAbsentDrop = Math.max(strongestAbsentDrop, e.ablation_drop);
                strongestAbsentRms = Math.max(strongestAbsentRms, e.rms_nA);
            }
        }
        assertTrue(strongestAbsentRms < weakestTrueRms, "absent synapses' RMS (max " + strongestAbsentRms + " nA) below the true ones' (min " + weakestTrueRms + ")");
        assertTrue(strongestAbsentDrop < weakestTrueDrop, "absent synapses' ablation drop (max " + strongestAbsentDrop + ") below the true ones' (min " + weakestTrueDrop + ")");
        for (MetricsReport m : cells) assertTrue(m.score >= 0.7, m.neuron + " test score " + m.score);
    }
}
