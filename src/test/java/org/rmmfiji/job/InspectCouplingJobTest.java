package org.rmmfiji.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.train.ProgressListener;

/** The part of a recording Inspect Synaptic Coupling looks at follows the model's own split. */
class InspectCouplingJobTest {

    static InspectCouplingSettings settings(Path out, String part) throws Exception {
        InspectCouplingSettings s = new InspectCouplingSettings();
        s.model_file = TestData.syncondModel().toString();
        s.recording_file = TestData.pdLp().toString();
        s.output_dir = out.toString();
        s.part = part;
        s.ablation = false;
        return s;
    }

    @Test
    void partsFollowTheFitsSplit(@TempDir Path out) throws Exception {
        CouplingResult all = InspectCouplingJob.compute(settings(out, "all"), ProgressListener.NONE);
        CouplingResult validation = InspectCouplingJob.compute(settings(out, "validation"), ProgressListener.NONE);
        assertTrue(validation.segment.endsWith("[validation]"), validation.segment);
        // the shared model was fitted half and half: the validation part is the second half of the recording
        int whole = all.forced.get(0).current().length + all.forced.get(0).start;
        int half = validation.forced.get(0).current().length + validation.forced.get(0).start;
        assertEquals(whole / 2.0, half, 1.0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InspectCouplingJob.compute(settings(out, "test"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("the test part of segment") && e.getMessage().contains("is empty"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> InspectCouplingJob.compute(settings(out, "held-out"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("part must be all, train, validation or test"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> {
            InspectCouplingSettings s = settings(out, "all");
            s.model_file = ",";
            InspectCouplingJob.compute(s, ProgressListener.NONE);
        });
        assertTrue(e.getMessage().contains("model_file names no file"), e.getMessage());
    }
}
