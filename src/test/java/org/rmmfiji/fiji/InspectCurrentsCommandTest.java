package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.measure.ResultsTable;

import org.rmmfiji.TestData;
import org.rmmfiji.analysis.AnalysisModels;

/**
 * Inspect Currents through SciJava's CommandService, headless, on a hand-built FitzHugh–Nagumo cell (two known Hopf
 * points) with no recording, and on the shared lp-pd-syncond fit with its recording (LP's currents along it); bad
 * settings cancel with the reason and write nothing.
 */
class InspectCurrentsCommandTest {
    static Context ctx;

    @BeforeAll
    static void setUp() { ctx = new Context(CommandService.class); }

    @AfterAll
    static void tearDown() { ctx.dispose(); }

    static CommandModule run(Map<String, Object> in) throws Exception {
        return ctx.service(CommandService.class).run(InspectCurrentsCommand.class, true, in).get();
    }

    @Test
    void withoutARecordingItWritesTheCurvesTheMapTheTableAndTheAblation(@TempDir Path dir) throws Exception {
        Path model = AnalysisModels.writeFitzHughNagumo(dir.resolve("fhn.rmm.json"));
        Path out = dir.resolve("out");
        Map<String, Object> in = new HashMap<>();
        in.put("model_file", model.toFile());
        in.put("output_dir", out.toFile());
        in.put("v_low_mV", -80.0);
        in.put("v_high_mV", -20.0);
        in.put("ablate", "fast");
        in.put("ablation_ms", 300.0);
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        assertEquals(out.resolve("fhn-currents-bifurcations.csv").toString(), m.getOutput("bifurcations_file"));
        assertEquals("NaN", m.getOutput("rest_mV"), "the cell oscillates without current: no stable rest");
        String summary = (String) m.getOutput("summary");
        assertTrue(summary.contains("hopf at -59.") && summary.contains("hopf at -40."), summary);
        for (String png : new String[] {"fhn-currents-iv.png", "fhn-currents-admittance.png", "fhn-currents-ablation.png"}) {
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertNotNull(img, png + " decodes");
            assertTrue(img.getWidth() >= 600 && img.getHeight() >= 300, png + " is " + img.getWidth() + "×" + img.getHeight());
        }
        // the admittance map is drawn in colour: blue where the fast current is regenerative, red where it restores
        BufferedImage map = ImageIO.read(out.resolve("fhn-currents-admittance.png").toFile());
        boolean blue = false, red = false;
        for (int y = 50; y < 450; y += 5)
            for (int x = 80; x < 720; x += 5) {
                int rgb = map.getRGB(x, y), r = (rgb >> 16) & 255, b = rgb & 255;
                blue |= b > r + 60;
                red |= r > b + 60;
            }
        assertTrue(blue && red, "both signs of Re Y appear on the map");
        assertFalse(Files.exists(out.resolve("fhn-currents-traces.csv")), "no recording: no traces");

        ResultsTable rt = ResultsTable.getResultsTable();
        assertEquals(2, rt.size(), "one row per bifurcation");
        assertEquals("hopf", rt.getStringValue("type", 0));
        List<String> csv = Files.readAllLines(out.resolve("fhn-currents-bifurcations.csv"));
        assertEquals(Double.parseDouble(ResultsTables.split(csv.get(1))[1]), rt.getValue("voltage_mV", 0), 1e-9);
        assertEquals(Double.parseDouble(ResultsTables.split(csv.get(2))[3]), rt.getValue("frequency_Hz", 1), 1e-9);
    }

    @Test
    void withARecordingItTracesEachCurrentAlongIt(@TempDir Path out) throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("model_file", TestData.syncondModel().toFile());
        in.put("recording_file", TestData.pdLpShort().toFile());
        in.put("output_dir", out.toFile());
        in.put("f_high_Hz", 200.0);
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        String head = Files.readAllLines(out.resolve("pd-lp-currents-traces.csv")).get(0);
        assertEquals("t_ms,I_intrinsic_forced_nA,I_leak_forced_nA,I_intrinsic_free_nA,I_leak_free_nA", head, "LP's own currents, not its synapse");
        assertNotNull(ImageIO.read(out.resolve("pd-lp-currents-traces.png").toFile()));
    }

    @Test
    void badSettingsCancelWithTheReasonAndWriteNothing(@TempDir Path dir) throws Exception {
        Path model = AnalysisModels.writeFitzHughNagumo(dir.resolve("fhn.rmm.json"));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("earlier.txt"), "kept");
        Map<String, byte[]> before = TestData.snapshot(out);
        Object[][] cases = {{"ablate", "Na", "its currents are [fast, leak]"}, {"v_low_mV", 50.0, "lo < hi"}, {"ablation_current_nA", "lots", "must be a number"}};
        for (Object[] c : cases) {
            Map<String, Object> in = new HashMap<>();
            in.put("model_file", model.toFile());
            in.put("output_dir", out.toFile());
            in.put((String) c[0], c[1]);
            CommandModule m = run(in);
            assertTrue(m.isCanceled(), "cancelled: " + in);
            assertTrue(m.getCancelReason().contains((String) c[2]), m.getCancelReason());
            assertEquals(before.keySet(), TestData.snapshot(out).keySet(), "nothing written for " + c[0]);
        }
        Map<String, Object> noModel = new HashMap<>();
        noModel.put("output_dir", out.toFile());
        noModel.put("model_file", new File(""));
        CommandModule m = run(noModel);
        assertTrue(m.isCanceled() && m.getCancelReason().contains("model_file"), String.valueOf(m.getCancelReason()));
    }
}
