package org.rmmfiji.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.analysis.IsolatedCell;
import org.rmmfiji.analysis.IvCurves;
import org.rmmfiji.analysis.IvEnvelope;
import org.rmmfiji.groundtruth.HodgkinHuxley;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.job.DatasetFits;
import org.rmmfiji.job.EnsembleJob;
import org.rmmfiji.job.EnsembleResult;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.model.Presets;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/**
 * A study, not part of {@code mvn -B verify} (a few minutes: {@code mvn -B verify -Dit.test=HhEnsembleStudyIT}): an
 * ensemble of hh-conductance fits on hh, 4 seeds × 2 disjoint halves of the training data (50 epochs each, as
 * HhConductanceIT), and the envelope (mean ± SD over the kept members) of their steady-state Na and K IV curves
 * against the true Hodgkin–Huxley curves: at how many voltages of −90 … 30 mV the truth lies inside.
 */
class HhEnsembleStudyIT {

    @Test
    void theTrueIvCurvesLieInsideTheEnsembleEnvelope(@TempDir Path out) throws Exception {
        FitSettings s = DatasetFits.settings(NamedDatasets.HH, Acceptance.dataset(NamedDatasets.HH), out);
        s.preset = Presets.HH_CONDUCTANCE;
        s.epochs = HhConductanceIT.EPOCHS;
        s.ensemble_seeds = 4;
        s.ensemble_segments = 2;
        EnsembleResult e = EnsembleJob.run(s, ProgressListener.NONE, new CancelToken(), (member, fit) -> List.of());
        double[] v = IvCurves.grid(-90, 30, 121);
        List<IvCurves.Result> fits = new ArrayList<>();
        for (Path m : e.keptModels) fits.add(IvCurves.steadyState(IsolatedCell.of(ModelFiles.toNetwork(ModelFiles.read(m), m.toString()), 0), v));
        IvEnvelope env = IvEnvelope.of(fits);
        StringBuilder rows = new StringBuilder();
        double[] inside = new double[2];
        for (int c = 0; c < 2; c++) {
            String name = c == 0 ? "Na" : "K";
            double[] truth = new double[v.length];
            for (int i = 0; i < v.length; i++) truth[i] = HodgkinHuxley.steadyCurrents(v[i])[c];
            IvEnvelope.Band b = env.band(name, "current");
            inside[c] = b.inside(truth, 1);
            rows.append(String.format(Locale.ROOT, "| steady-state I_%s(v), −90 … 30 mV, %d fits (%d seeds × %d halves) | inside mean ± SD at %.0f %% of voltages, inside ± 2 SD at %.0f %% | ≥ 80 %% inside: %s |%n",
                    name, env.fits, s.ensemble_seeds, s.ensemble_segments, 100 * inside[c], 100 * b.inside(truth, 2), inside[c] >= 0.8 ? "met" : "not met"));
        }
        Files.createDirectories(Acceptance.FIGURES);
        Files.writeString(Acceptance.FIGURES.resolve("study-hh-ensemble.md"), rows.toString(), StandardCharsets.UTF_8);
        System.out.print(rows);
        assertTrue(env.fits >= 2, "an envelope needs at least two kept members, got " + env.fits);
    }
}
