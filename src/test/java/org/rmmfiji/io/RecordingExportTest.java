package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rmmfiji.TestData;
import org.rmmfiji.data.Recording;

/** Exported sweeps keep their start times, and the CSV reader gives them back. */
class RecordingExportTest {

    @Test
    void sweepStartsSurviveTheCsv(@TempDir Path out) throws Exception {
        ExportSettings s = new ExportSettings();
        s.recording_file = TestData.sharedAbf().resolve("190619B_0003.abf").toString();
        s.output_file = out.resolve("x.csv").toString();
        s.sweeps = "1,3";
        RecordingExport.run(s);
        assertTrue(Files.readAllLines(out.resolve("x.csv")).get(0).startsWith("t_ms,segment,sweep_start_ms,"));
        Recording back = CsvRecordings.read(out.resolve("x.csv"));
        assertEquals(2, back.segments().size());
        assertEquals(3064.0, back.segments().get(0).startMs(), 1e-6, "sweep 1 began 3.064 s in (synch array)");
        assertEquals(9192.0, back.segments().get(1).startMs(), 1e-6);
    }
}
