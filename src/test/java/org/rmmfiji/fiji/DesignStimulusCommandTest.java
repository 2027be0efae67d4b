package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import org.rmmfiji.TestData;
import org.rmmfiji.io.AtfFilesTest;
import org.rmmfiji.io.Recordings;

/** Design Stimulus through SciJava's CommandService, headless: the three files, the Results row, and a refusal that writes nothing. */
class DesignStimulusCommandTest {
    static Context ctx;

    @BeforeAll
    static void setUp() { ctx = new Context(CommandService.class); }

    @AfterAll
    static void tearDown() { ctx.dispose(); }

    static CommandModule run(Map<String, Object> in) throws Exception {
        return ctx.service(CommandService.class).run(DesignStimulusCommand.class, true, in).get();
    }

    @Test
    void writesTheCsvTheAtfAndThePreview(@TempDir Path out) throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("protocol", "ou");
        in.put("duration_ms", 5000.0);
        in.put("mean_nA", 0.5);
        in.put("mean_end_nA", "1.5");
        in.put("output_dir", out.toFile());
        in.put("output_name", "cell1-drive");
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        assertEquals(out.resolve("cell1-drive.csv").toString(), m.getOutput("csv_file"));
        assertEquals(out.resolve("cell1-drive.atf").toString(), m.getOutput("atf_file"));
        assertEquals(out.resolve("cell1-drive.png").toString(), m.getOutput("plot_file"));
        assertTrue(((String) m.getOutput("summary")).contains("ou: mean 0.5 nA ramping to 1.5 nA"), (String) m.getOutput("summary"));
        assertEquals(50_000, Recordings.open(out.resolve("cell1-drive.csv")).segments().get(0).length());
        assertEquals(50_000, AtfFilesTest.parse(out.resolve("cell1-drive.atf")).rows().size());
        var png = ij.IJ.openImage(out.resolve("cell1-drive.png").toString());
        assertTrue(png.getWidth() >= Figures.WIDTH && png.getHeight() > 2 * Figures.PANEL_HEIGHT, "two panels");
        ij.measure.ResultsTable rt = ij.measure.ResultsTable.getResultsTable();
        assertEquals(1, rt.size());
        assertEquals("ou", rt.getStringValue("protocol", 0));
        assertEquals(50_000, rt.getValue("samples", 0), 0);
        assertEquals(1.0, rt.getValue("mean_nA", 0), 0.2);

        CommandModule again = run(in);
        assertTrue(again.isCanceled());
        assertTrue(again.getCancelReason().contains("cell1-drive.csv exists already"), again.getCancelReason());
        in.put("overwrite", true);
        assertFalse(run(in).isCanceled());
    }

    @Test
    void anImpossibleSettingCancelsWithItsNameAndWritesNothing(@TempDir Path out) throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("protocol", "chirp");
        in.put("f1_Hz", 8000.0);
        in.put("output_dir", out.resolve("x").toFile());
        CommandModule m = run(in);
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().startsWith("Design Stimulus: f1_Hz (8000 Hz) must be below the Nyquist frequency"), m.getCancelReason());
        in.put("f1_Hz", 100.0);
        in.put("mean_end_nA", "fast");
        CommandModule n = run(in);
        assertTrue(n.isCanceled());
        assertTrue(n.getCancelReason().contains("mean_end_nA must be a number"), n.getCancelReason());
        assertEquals(0, TestData.snapshot(out).size(), "nothing written");
    }
}
