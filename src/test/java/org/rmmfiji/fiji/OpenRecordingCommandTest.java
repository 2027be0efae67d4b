package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.rmmfiji.TestData;
import org.rmmfiji.data.Channel;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.ModelFiles;

/**
 * Open Recording through CommandService, headless: the summary table, the title a later command takes
 * ({@code recording=[title]}: a fit reads the same file, and says so in its provenance), the refusals, and a trace
 * window that keeps a one-sample spike of a 10-minute, 20 kHz trace visible.
 */
class OpenRecordingCommandTest {
    static Context ctx;

    @BeforeAll
    static void setUp() { ctx = new Context(CommandService.class); }

    @AfterAll
    static void tearDown() { ctx.dispose(); }

    static CommandModule run(Class<? extends org.scijava.command.Command> c, Map<String, Object> in) throws Exception {
        return ctx.service(CommandService.class).run(c, true, in).get();
    }

    @Test
    void aFitTakesTheOpenedRecordingByItsTitle(@TempDir Path data, @TempDir Path out) throws Exception {
        Path hh = TestData.smallHh(data);
        Map<String, Object> open = new HashMap<>();
        open.put("recording_file", hh.toFile());
        CommandModule m = run(OpenRecordingCommand.class, open);
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        String title = (String) m.getOutput("window_title");
        assertTrue(title.startsWith("hh.csv"), title);
        ResultsTable rt = ResultsTable.getResultsTable();
        assertEquals(2, rt.size(), "one row per channel");
        assertEquals("V", rt.getStringValue("channel", 0));
        assertEquals("mV", rt.getStringValue("unit", 0));
        assertEquals(2, rt.getValue("segments", 0), 0);
        assertTrue(rt.getValue("max", 0) > 0 && rt.getValue("min", 0) < -60, "the HH cell spikes from rest: " + rt.getValue("min", 0) + " … " + rt.getValue("max", 0));

        Map<String, Object> fit = new HashMap<>();
        fit.put("recording", title);
        fit.put("output_dir", out.toFile());
        fit.put("split", "segments");
        fit.put("train_segments", "0");
        fit.put("validation_segments", "1");
        fit.put("epochs", "1");
        fit.put("batch_size", "2000");
        CommandModule f = run(FitRmmCommand.class, fit);
        assertFalse(f.isCanceled(), String.valueOf(f.getCancelReason()));
        Path model = Path.of((String) f.getOutput("model_file"));
        assertEquals(out.resolve("hh.rmm.json"), model, "named after the file, as a fit of the file is");
        assertEquals("hh.csv", ModelFiles.read(model).provenance.inputs.get(0).name);

        Map<String, Object> unknown = new HashMap<>(fit);
        unknown.put("recording", "nothing-open.abf");
        CommandModule u = run(FitRmmCommand.class, unknown);
        assertTrue(u.isCanceled());
        assertTrue(u.getCancelReason().contains("no trace window of that title") && u.getCancelReason().contains(title), u.getCancelReason());
        Map<String, Object> both = new HashMap<>(fit);
        both.put("recording_file", data.resolve("other.csv").toFile());
        CommandModule b = run(FitRmmCommand.class, both);
        assertTrue(b.isCanceled() && b.getCancelReason().contains("not both"), String.valueOf(b.getCancelReason()));
    }

    @Test
    void badSettingsAreRefused(@TempDir Path data) throws Exception {
        Path hh = TestData.smallHh(data);
        Object[][] cases = {{"segment", 5, "segment 5 does not exist"}, {"channels", "Vm", "has no channel 'Vm'"}, {"from_ms", 1e9, "beyond the end"}};
        for (Object[] c : cases) {
            Map<String, Object> in = new HashMap<>();
            in.put("recording_file", hh.toFile());
            in.put((String) c[0], c[1]);
            CommandModule m = run(OpenRecordingCommand.class, in);
            assertTrue(m.isCanceled(), c[0] + " cancels");
            assertTrue(m.getCancelReason().contains((String) c[2]), m.getCancelReason());
        }
    }

    @Test
    void aLongTraceIsDrawnWithItsShortestSpikeVisible() {
        int n = 12_000_000;                          // 10 min at 20 kHz
        float[] v = new float[n];
        java.util.Arrays.fill(v, -65f);
        v[7_654_321] = 30f;                          // one sample: plain subsampling would miss it
        Recording rec = new Recording("long", 0.05, List.of(new Channel("V", "mV")), List.of(new Segment("long", new float[][] {v})), List.of());
        ImagePlus imp = TraceFigure.build("long", rec, 0, List.of(0), 0, 0);
        BufferedImage img = imp.getProcessor().convertToRGB().getBufferedImage();
        // the trace is drawn in the first palette colour; find its highest pixel and its lowest
        int top = Integer.MAX_VALUE, bottom = -1;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (rgb == (Figures.PALETTE[0].getRGB() & 0xffffff)) { top = Math.min(top, y); bottom = Math.max(bottom, y); }
            }
        assertTrue(bottom - top > 100, "the spike rises far above the resting line: " + top + " … " + bottom);
        assertEquals("long", imp.getTitle());
    }
}
