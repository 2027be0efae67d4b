package org.rmmfiji.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.TestData;
import org.rmmfiji.analysis.AnalysisModels;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/**
 * Inspect Currents without figures: the tables it writes for a hand-built FitzHugh–Nagumo cell (known Hopf points)
 * and a quick hh-conductance fit (gates, traces along a recording), the ablation run, and the refusals, which write
 * nothing.
 */
class InspectCurrentsJobTest {

    static InspectCurrentsSettings settings(Path model, Path out) {
        InspectCurrentsSettings s = new InspectCurrentsSettings();
        s.model_file = model.toString();
        s.output_dir = out.toString();
        s.v_low_mV = -80;
        s.v_high_mV = -20;
        s.v_points = 61;
        s.f_points = 12;
        return s;
    }

    @Test
    void theTablesOfACellWithKnownBifurcations(@TempDir Path dir) throws IOException {
        Path model = AnalysisModels.writeFitzHughNagumo(dir.resolve("fhn.rmm.json"));
        InspectCurrentsSettings s = settings(model, dir.resolve("out"));
        s.ablate = "fast";
        s.ablation_ms = 500;
        CurrentsResult r = InspectCurrentsJob.run(s, ProgressListener.NONE);
        assertEquals(List.of("fast", "leak"), r.currents);
        List<String> bif = Files.readAllLines(r.bifurcationsFile);
        assertEquals(InspectCurrentsJob.BIFURCATIONS_HEADER, bif.get(0));
        assertEquals(3, bif.size(), "two Hopf points: " + bif);
        for (String line : bif.subList(1, 3)) assertTrue(line.startsWith("hopf,"), line);
        List<String> iv = Files.readAllLines(r.ivFile);
        assertEquals("voltage_mV,I_total_ss_nA,I_fast_ss_nA,I_leak_ss_nA,I_total_post_nA,I_fast_post_nA,I_leak_post_nA", iv.get(0));
        assertEquals(1 + 61, iv.size());
        assertEquals(1 + 61 * 12, Files.readAllLines(r.admittanceFile).size());
        assertEquals(1 + 61, Files.readAllLines(r.equilibriaFile).size());
        // without the fast current the cell is a leak and a linear recovery: no bifurcation, so no current is injected
        assertEquals(0, r.ablation.current_nA, 0);
        assertTrue(r.ablation.currentOrigin.contains("loses no stable equilibrium"), r.ablation.currentOrigin);
        Recording ablation = CsvRecordings.read(r.ablationFile);
        assertEquals(List.of("V_intact", "V_ablated", "I_injected"), ablation.channelNames());
        assertEquals(10001, ablation.segments().get(0).length());
        assertTrue(Double.isNaN(r.ablation.ablatedPeriod_ms), "a leak does not oscillate");
        assertNull(r.tracesFile, "no recording, no traces");
        // without current the cell's only equilibrium, v½ = −50 mV, is unstable (it oscillates): no rest
        assertTrue(Double.isNaN(r.rest_mV), "no stable rest: " + r.rest_mV);
    }

    @Test
    void aConductanceBasedFitShowsItsGatesAndItsCurrentsAlongTheRecording(@TempDir Path data, @TempDir Path out) throws IOException {
        Path hh = TestData.smallHh(data);
        FitSettings fs = FitJobTest.settingsFor(hh, out);
        fs.preset = org.rmmfiji.model.Presets.HH_CONDUCTANCE;
        fs.epochs = 2;
        FitResult fit = FitJob.run(fs, ProgressListener.NONE, new CancelToken());
        InspectCurrentsSettings s = settings(fit.modelFile, out.resolve("inspect"));
        s.recording_file = hh.toString();
        s.segment = 1;
        s.ablate = "Na=0.5, K";
        s.ablation_current_nA = 2.0;
        s.ablation_ms = 200;
        CurrentsResult r = InspectCurrentsJob.run(s, ProgressListener.NONE);
        String head = Files.readAllLines(r.ivFile).get(0);
        for (String col : new String[] {"I_Na_ss_nA", "g_Na_ss_uS", "m_Na_ss_1", "h_Na_ss_1", "g_K_ss_uS", "m_K_ss_1", "I_leak_ss_nA", "h_Na_post_1"})
            assertTrue(Arrays.asList(head.split(",")).contains(col), col + " in " + head);
        Recording traces = CsvRecordings.read(r.tracesFile);
        assertTrue(traces.channelNames().containsAll(List.of("I_Na_forced", "g_Na_forced", "m_Na_forced", "h_Na_forced", "I_K_free", "g_K_free")),
                traces.channelNames().toString());
        assertEquals("uS", traces.channels().get(traces.channelNames().indexOf("g_Na_forced")).unit());
        assertEquals(2.0, r.ablation.current_nA, 0);
        assertEquals("given", r.ablation.currentOrigin);
        assertEquals(java.util.Map.of("Na", 0.5, "K", 0.0), r.ablation.weights);
    }

    @Test
    void impossibleSettingsAreRefusedAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path model = AnalysisModels.writeFitzHughNagumo(dir.resolve("fhn.rmm.json"));
        Path out = dir.resolve("out");
        String[][] cases = {
                {"ablate", "Na", "[fast, leak]"},
                {"ablate", "fast=half", "name=weight"},
                {"v_low_mV", "10", "lo < hi"},
                {"f_high_Hz", "20000", "Nyquist"},
                {"neuron", "LP", "[cell]"},
                {"post_step_ms", "0", "one sample"},
        };
        for (String[] c : cases) {
            InspectCurrentsSettings s = settings(model, out);
            switch (c[0]) {
                case "ablate": s.ablate = c[1]; break;
                case "v_low_mV": s.v_low_mV = Double.parseDouble(c[1]); break;
                case "f_high_Hz": s.f_high_Hz = Double.parseDouble(c[1]); break;
                case "neuron": s.neuron = c[1]; break;
                case "post_step_ms": s.post_step_ms = Double.parseDouble(c[1]); break;
                default: throw new AssertionError(c[0]);
            }
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> InspectCurrentsJob.run(s, ProgressListener.NONE), c[0] + "=" + c[1]);
            assertTrue(e.getMessage().contains(c[2]), c[0] + "=" + c[1] + ": " + e.getMessage());
            assertEquals(0, TestData.snapshot(out).size(), c[0] + "=" + c[1] + " wrote nothing");
        }
        InspectCurrentsSettings unset = settings(model, out);
        unset.model_file = "";
        assertTrue(assertThrows(InvalidInputException.class, () -> InspectCurrentsJob.run(unset, ProgressListener.NONE)).getMessage().contains("model_file is not set"));
        // a second run does not replace the first one's files unless asked to
        InspectCurrentsJob.run(settings(model, out), ProgressListener.NONE);
        assertTrue(assertThrows(InvalidInputException.class, () -> InspectCurrentsJob.run(settings(model, out), ProgressListener.NONE)).getMessage().contains("overwrite=true"));
        InspectCurrentsSettings again = settings(model, out);
        again.overwrite = true;
        InspectCurrentsJob.run(again, ProgressListener.NONE);
    }

    /** An ensemble summary stands for its kept members: their IV envelope is written, the dropped member is left out. */
    @Test
    void anEnsembleSummaryGivesTheEnvelopeOfItsKeptMembers(@TempDir Path dir) throws IOException {
        org.rmmfiji.io.EnsembleFile f = new org.rmmfiji.io.EnsembleFile();
        f.name = "fhn";
        for (int k = 0; k < 3; k++) {
            AnalysisModels.writeFitzHughNagumo(dir.resolve("m" + k + ".rmm.json"));
            org.rmmfiji.io.EnsembleFile.Member m = new org.rmmfiji.io.EnsembleFile.Member();
            m.member = k + 1;
            m.name = "m" + k;
            m.file = "m" + k + ".rmm.json";
            m.status = org.rmmfiji.io.EnsembleFile.FITTED;
            m.kept = k < 2;
            m.dropped = k == 2;
            f.members.add(m);
        }
        Path summary = dir.resolve("fhn.rmmensemble.json");
        org.rmmfiji.io.EnsembleFiles.write(summary, f);
        CurrentsResult r = InspectCurrentsJob.run(settings(summary, dir.resolve("out")), ProgressListener.NONE);
        assertEquals(2, r.envelope.fits, "the two kept members");
        assertEquals(dir.resolve("out").resolve("fhn-currents-iv-ensemble.csv"), r.envelopeFile);
        List<String> lines = Files.readAllLines(r.envelopeFile);
        assertEquals("voltage_mV,I_total_ss_mean_nA,I_total_ss_sd_nA,I_fast_ss_mean_nA,I_fast_ss_sd_nA,I_leak_ss_mean_nA,I_leak_ss_sd_nA", lines.get(0));
        assertEquals(62, lines.size());
        assertEquals(0, Double.parseDouble(lines.get(5).split(",")[2]), 0, "identical members: no spread");
    }
}
