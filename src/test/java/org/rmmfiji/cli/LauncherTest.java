package org.rmmfiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rmmfiji.TestData;

/** The launcher reproduces Fiji's --headless --run. */
class LauncherTest {

    @Test
    void runsFitRmmByTitleAndFailsClearly(@TempDir Path data, @TempDir Path out) throws Exception {
        Path hh = TestData.smallHh(data);
        String args = "recording_file=\"" + hh + "\",output_dir=\"" + out + "\",split=\"segments\",train_segments=\"0\","
                + "validation_segments=\"1\",epochs=2,batch_size=2000";
        assertEquals(0, Launcher.run(new String[] {"--headless", "--run", "Fit RMM", args}));
        assertTrue(Files.exists(out.resolve("hh.rmm.json")));
        assertEquals(1, Launcher.run(new String[] {"--headless", "--run", "Fit RMM", args.replace("epochs=2", "epochs=2,neurons=\"V_none\"")}));
    }

    @Test
    void generateWritesADatasetAndItsTruth(@TempDir Path out) throws Exception {
        assertEquals(0, Generate.run(new String[] {"generate", "hh", "--out", out.toString(), "--scale", "0.01"}));
        assertTrue(Files.exists(out.resolve("hh.csv")) && Files.exists(out.resolve("hh-truth.csv")));
        assertEquals(2, Generate.run(new String[] {"generate"}));
    }
}
