package org.rmmfiji.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.train.ProgressListener;

/**
 * The authors' lp-pd exactly as published (GOBF banks) on pd-lp, teacher forcing only, for the README's figures:
 * its free runs drift or stop spiking, and divergence-aware selection must still keep a snapshot that runs free
 * without diverging. What it scores is reported, not asserted: multiple shooting is the lever (a later issue).
 */
class PdLpGobfIT {

    @Test
    void gobfRealisationUnderTeacherForcingKeepsAStableSnapshot(@TempDir Path out) throws Exception {
        FitSettings s = Acceptance.pdLp(out, 40);
        FitResult r = FitJob.run(s, ProgressListener.NONE, new CancelToken());
        MetricsReport test = Acceptance.find(r, "LP", "test");
        Acceptance.figures("pd-lp-gobf", "pd-lp (180 s train, 20 s validation, 20 s test)", "lp-pd, GOBF banks (as published)", r, test);
        assertTrue(r.history.selected >= 0, "a snapshot that does not diverge was kept");
        assertTrue(!r.history.snapshots.get(r.history.selected).rejected);
    }
}
