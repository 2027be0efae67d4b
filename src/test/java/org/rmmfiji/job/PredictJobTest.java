package org.rmmfiji.job;

import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.io.CsvRecordings;

class PredictJobTest {

    /** Predict settings for the fitted model on the recording, every current recorded, into out/predicted. */
    static PredictSettings predictWithCurrents(FitResult fit, Path recording, Path out) {
        PredictSettings ps = new PredictSettings();
        ps.model_file = fit.modelFile.toString();
        ps.recording_file = recording.toString();
        ps.output_dir = out.resolve("predicted").toString();
        ps.record_currents = "all";
        return ps;
    }

    /** A conductance-based model's prediction carries each gated current and its conductance, in nA and µS. */
    @Test
    void gatedCurrentsAndConductancesAreColumns(@TempDir Path data, @TempDir Path out) throws IOException {
        Path hh = TestData.smallHh(data);
        FitSettings fs = FitJobTest.settingsFor(hh, out);
        fs.preset = org.rmmfiji.model.Presets.HH_CONDUCTANCE;
        fs.epochs = 2;
        FitResult fit = FitJob.run(fs, ProgressListener.NONE, new CancelToken());
        Recording pred = CsvRecordings.read(PredictJob.run(predictWithCurrents(fit, hh, out), ProgressListener.NONE).predictionFile);
        assertEquals(java.util.List.of("V_V", "V_V_pred", "I_V_Na_pred", "g_V_Na_pred", "I_V_K_pred", "g_V_K_pred", "I_V_leak_pred"), pred.channelNames());
        assertEquals("uS", pred.channels().get(3).unit());
        assertEquals("nA", pred.channels().get(2).unit());
    }

    @Test
    void predictsWithTheFittedChannelsAndRejectsAnotherStep(@TempDir Path data, @TempDir Path out) throws IOException {
        Path hh = TestData.smallHh(data);
        FitSettings fs = FitJobTest.settingsFor(hh, out);
        FitResult fit = FitJob.run(fs, ProgressListener.NONE, new CancelToken());
        PredictSettings ps = predictWithCurrents(fit, hh, out);
        FitResult r = PredictJob.run(ps, ProgressListener.NONE);
        Recording pred = CsvRecordings.read(r.predictionFile);
        assertEquals(java.util.List.of("V_V", "V_V_pred", "I_V_lumped_pred", "I_V_leak_pred"), pred.channelNames());
        assertEquals(1, r.metrics.size(), "one report per neuron over the whole recording");
        // the same model predicting the same recording gives the fit's own prediction
        Recording fitted = CsvRecordings.read(fit.predictionFile);
        for (int k = 0; k < fitted.segments().get(1).length(); k += 97)
            assertEquals(fitted.segments().get(1).get(1, k), pred.segments().get(1).get(1, k), 0f);

        // a recording at another sampling step is refused
        Path slow = data.resolve("slow.csv");
        StringBuilder sb = new StringBuilder("t_ms,V_mV,I_nA\n");
        for (int k = 0; k < 5000; k++) sb.append(k * 0.1).append(",-60,0\n");
        Files.writeString(slow, sb.toString());
        ps.recording_file = slow.toString();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PredictJob.run(ps, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("δ = 0.05 ms"), e.getMessage());
    }
}
