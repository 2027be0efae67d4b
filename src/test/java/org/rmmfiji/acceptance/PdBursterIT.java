package org.rmmfiji.acceptance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.job.DatasetFits;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.metrics.Bursts;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.sim.FreeRun;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/**
 * pd-burster (Prinz AB/PD 1 alone, 120 s train / 20 s validation / 20 s test) with its preset and the teacher-forcing +
 * multiple-shooting pipeline: the kept model runs free on the test segment without diverging. The burst
 * targets (period within 15 %, spikes per burst within 25 %) are not reached by a lumped model, so the bursts of the
 * prediction and of the recording are reported on the validation and test segments, not asserted (README, known limits).
 */
class PdBursterIT {
    static final int MS_EPOCHS = 20;
    static final double SPIKE_MV = -20, BURST_GAP_MS = 100;

    @Test
    void burstsOfTheValidationAndTestSegmentsAreReported(@TempDir Path out) throws Exception {
        FitSettings s = DatasetFits.settings(NamedDatasets.PD_BURSTER, Acceptance.dataset(NamedDatasets.PD_BURSTER), out);
        s.trainer = "teacher-forcing+multiple-shooting";
        s.closed_loop_epochs = MS_EPOCHS;
        FitResult r = FitJob.run(s, ProgressListener.NONE, new CancelToken());
        MetricsReport test = Acceptance.find(r, "V", "test");
        Acceptance.figures("pd-burster", "pd-burster (120 s train, 20 s validation, 20 s test)",
                s.preset + ", teacher forcing + multiple shooting", r, test);
        StringBuilder rows = new StringBuilder();
        for (String part : new String[] {"validation", "test"}) {
            FreeRun.Result run = r.freeRun(part);
            Bursts model = Bursts.detect(run.predicted[0], r.dt, SPIKE_MV, BURST_GAP_MS);
            Bursts data = Bursts.detect(run.measured[0], r.dt, SPIKE_MV, BURST_GAP_MS);
            rows.append(String.format(Locale.ROOT, "| pd-burster | %s | %d / %d | %.0f / %.0f ms | %.1f / %.1f |%n", part, model.count(), data.count(),
                    model.period(), data.period(), model.spikesPerBurst(), data.spikesPerBurst()));
        }
        Files.writeString(Acceptance.FIGURES.resolve("bursts-pd-burster.md"), rows.toString(), StandardCharsets.UTF_8);
        assertFalse(test.diverged, "the kept model runs free on the test segment");
    }
}
