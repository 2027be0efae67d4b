package org.rmmfiji.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.train.ProgressListener;

/** hh with hh-lumped at the preset's defaults: free-run validation Γ ≥ 0.7 and angular separation ≥ 0.8. */
class HhFitIT {

    @Test
    void hhLumpedPredictsHeldOutSpikes(@TempDir Path out) throws Exception {
        FitSettings s = new FitSettings();
        s.recording_file = Acceptance.dataset(NamedDatasets.HH).toString();
        s.output_dir = out.toString();
        s.preset = "hh-lumped";
        s.split = "segments";
        s.train_segments = "0";
        s.validation_segments = "1";
        FitResult r = FitJob.run(s, ProgressListener.NONE, new CancelToken());
        MetricsReport v = Acceptance.find(r, "V", "validation");
        Acceptance.figures("hh", "hh (60 s train, 20 s validation)", "hh-lumped", r, v);
        assertTrue(!v.diverged, "the kept model runs free without diverging");
        assertTrue(v.gamma >= 0.7, "validation Γ " + v.gamma);
        assertTrue(v.score >= 0.8, "validation angular separation " + v.score);
    }
}
