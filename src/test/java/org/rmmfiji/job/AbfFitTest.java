package org.rmmfiji.job;

import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.TestData;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.metrics.MetricsReport;

/** Real recordings from the rig, straight from their ABF files, through a lumped fit. */
class AbfFitTest {

    static FitResult fit(String file, Path out, String sweeps) throws IOException {
        FitSettings s = new FitSettings();
        s.recording_file = TestData.sharedAbf().resolve(file).toString();
        s.output_dir = out.toString();
        s.sweeps = sweeps;
        // 300 ms sweeps are shorter than neuron-lumped's 0.47 s filter transient; the HH grid (τ ≤ 7 ms) fits them
        s.preset = "hh-lumped";
        s.epochs = 3;
        s.batch_size = 9600;
        s.snapshot_every = 3;
        return FitJob.run(s, ProgressListener.NONE, new CancelToken());
    }

    static void assertSane(FitResult r) {
        assertFalse(r.metrics.isEmpty());
        for (MetricsReport m : r.metrics) {
            assertTrue(Double.isFinite(m.loss) || m.diverged, m.toString());
            // without a ReLU threshold (hh-lumped) the band-passed traces are signed, so the score lies in [−1, 1]
            assertTrue(m.score >= -1 && m.score <= 1, m.toString());
        }
        for (double p : r.network.parameters()) assertTrue(Double.isFinite(p));
    }

    @Test
    void episodicStepsWithTheCommandRebuiltFromTheEpochTable(@TempDir Path out) throws IOException {
        FitResult r = fit("17o05028_ic_steps.abf", out, "");
        assertSane(r);
        ModelFile mf = ModelFiles.read(r.modelFile);
        assertEquals(java.util.List.of("IN_0"), mf.provenance.voltage_channels);
        assertEquals(java.util.List.of("I_Cmd_0"), mf.provenance.current_channels);
        assertTrue(String.join("\n", mf.provenance.recording_notes).contains("epoch table"));
        assertEquals(16 * 60_000 * 3 / 4 - 16 * 646, r.history.samples, 16, "every sweep trains on its own first 75 %");
    }

    @Test
    void shortSweepsAreValidatedOnTheirWholeTailWithTheDefaultPreset(@TempDir Path out) throws IOException {
        // 3 s sweeps: the last 10 % of each (300 ms) is shorter than neuron-lumped's 471.6 ms filter transient, and is
        // scored whole, its filters warmed up on the training part of the same sweep just before it
        FitSettings s = new FitSettings();
        s.recording_file = TestData.sharedAbf().resolve("17o05028_ic_steps.abf").toString();
        s.output_dir = out.toString();
        s.epochs = 2;
        s.snapshot_every = 2;
        FitResult r = FitJob.run(s, ProgressListener.NONE, new CancelToken());
        assertSane(r);
        MetricsReport validation = r.metrics.stream().filter(m -> m.part.equals("validation")).findFirst().orElseThrow();
        assertEquals(16 * 300.0, validation.duration_ms, 1.0, "16 sweeps × 300 ms, from each part's first sample");
        // a cortical cell of tens of pF, recorded in pA: 1/C starts where the recording puts it, not at the preset's 1 /nF
        double a = ModelFiles.read(r.modelFile).spec.initial_inverse_capacitances[0];
        assertTrue(a > 20 && a < 200, "1/C " + a + " /nF");
    }

    @Test
    void recordedCurrentAndVoltage(@TempDir Path out) throws IOException {
        FitResult r = fit("18425108.abf", out, "");
        assertSane(r);
        ModelFile mf = ModelFiles.read(r.modelFile);
        assertEquals(java.util.List.of("10_Vm"), mf.provenance.voltage_channels);
        assertEquals(java.util.List.of("Imemb"), mf.provenance.current_channels);
        assertEquals(0.04, mf.dt_ms, 1e-12);
    }
}
