package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/** Inspect Synaptic Coupling through SciJava's CommandService, headless, on a quick lp-pd-syncond fit. */
class InspectCouplingCommandTest {
    static Context ctx;
    static Path model, recording;

    @BeforeAll
    static void setUp() throws IOException {
        model = TestData.syncondModel();
        recording = TestData.pdLpShort();
        ctx = new Context(CommandService.class);
    }

    @AfterAll
    static void tearDown() { ctx.dispose(); }

    static Map<String, Object> inputs(Path out) {
        Map<String, Object> in = new HashMap<>();
        in.put("model_file", model.toFile());
        in.put("recording_file", recording.toFile());
        in.put("output_dir", out.toFile());
        return in;
    }

    static CommandModule run(Map<String, Object> in) throws Exception {
        return ctx.service(CommandService.class).run(InspectCouplingCommand.class, true, in).get();
    }

    @Test
    void writesTheMatrixTheFiguresAndTheResultsTable(@TempDir Path out) throws Exception {
        CommandModule m = run(inputs(out));
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        Path matrix = Path.of((String) m.getOutput("matrix_file"));
        assertEquals(out.resolve("pd-lp-short-coupling.csv"), matrix);
        assertEquals(out.resolve("pd-lp-short-coupling.png").toString(), m.getOutput("heat_map_file"));
        List<String> lines = Files.readAllLines(matrix);
        assertEquals(2, lines.size(), "one synapse: " + lines);
        String[] head = ResultsTables.split(lines.get(0)), row = ResultsTables.split(lines.get(1));
        Map<String, String> csv = new HashMap<>();
        for (int c = 0; c < head.length; c++) csv.put(head[c], row[c]);
        assertEquals("PD", csv.get("pre"));
        assertEquals("LP", csv.get("post"));
        assertEquals("conductance-based", csv.get("kind"));
        assertEquals("2", csv.get("components"));
        assertTrue(Double.parseDouble(csv.get("rms_nA")) > 0, csv.toString());
        assertTrue(Double.isFinite(Double.parseDouble(csv.get("ablation_drop"))), "ablation is on by default: " + csv);
        assertTrue(((String) m.getOutput("summary")).contains("PD → LP: conductance-based"), (String) m.getOutput("summary"));

        for (String png : new String[] {"pd-lp-short-coupling.png", "pd-lp-short-coupling-currents.png", "pd-lp-short-coupling-activations.png"}) {
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertNotNull(img, png + " decodes");
            assertTrue(img.getWidth() >= 400 && img.getHeight() >= 200, png + " is " + img.getWidth() + "×" + img.getHeight());
        }
        for (String csvFile : new String[] {"pd-lp-short-coupling-currents.csv", "pd-lp-short-coupling-activations.csv"})
            assertTrue(Files.size(out.resolve(csvFile)) > 0, csvFile);
        assertFalse(Files.exists(out.resolve("pd-lp-short-coupling-ensemble.csv")), "one model: no spread");
        try (var s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left");
        }

        // the Results table holds the CSV: strings as strings, numbers as numbers
        ResultsTable rt = ResultsTable.getResultsTable();
        assertEquals(1, rt.size());
        for (String h : head) assertTrue(rt.columnExists(h), "column " + h);
        assertEquals("PD", rt.getStringValue("pre", 0));
        assertEquals("LP", rt.getStringValue("post", 0));
        assertEquals(csv.get("sign"), rt.getStringValue("sign", 0));
        assertEquals(csv.get("note"), rt.getStringValue("note", 0));
        assertEquals(2, rt.getValue("components", 0), 0);
        for (String number : new String[] {"rms_nA", "peak_nA", "g_max_uS", "e_effective_mV", "outward_fraction", "ablation_drop"})
            assertEquals(Double.parseDouble(csv.get(number)), rt.getValue(number, 0), 0, number);
    }

    @Test
    void anEnsembleWritesTheSpreadOfEachEntry(@TempDir Path out) throws Exception {
        Map<String, Object> in = inputs(out);
        in.put("model_file", new File(model + "," + model));       // several models, as a macro gives them
        in.put("ablation", false);
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        List<String> spread = Files.readAllLines(out.resolve("pd-lp-short-coupling-ensemble.csv"));
        assertEquals(2, spread.size(), spread.toString());
        assertTrue(spread.get(1).startsWith("PD,LP,2,"), spread.get(1));
        assertTrue(((String) m.getOutput("summary")).contains("over 2 models"), (String) m.getOutput("summary"));
        assertNotNull(ImageIO.read(out.resolve("pd-lp-short-coupling-activations.png").toFile()));
        String row = Files.readAllLines(out.resolve("pd-lp-short-coupling.csv")).get(1);
        assertTrue(row.contains(",NaN,NaN,NaN,\""), "no ablation: scores NaN: " + row);
    }

    @Test
    void badSettingsCancelWithTheReasonAndWriteNothing(@TempDir Path out, @TempDir Path data) throws Exception {
        Files.writeString(out.resolve("earlier.txt"), "kept");
        Map<String, byte[]> before = TestData.snapshot(out);

        Map<String, Object> noModel = inputs(out);
        noModel.remove("model_file");
        expectCancelled(noModel, "model_file", before, out);

        Map<String, Object> segment = inputs(out);
        segment.put("segment", 3);
        expectCancelled(segment, "segment 3 does not exist", before, out);

        // a recording without the presynaptic cell's voltage
        List<String> noPd = new ArrayList<>();
        for (String line : Files.readAllLines(recording)) {
            String[] c = line.split(",");
            noPd.add(c[0] + "," + c[1] + "," + c[3]);
        }
        assertEquals("t_ms,V_LP_mV,I_LP_nA", noPd.get(0));
        Path lpOnly = data.resolve("lp-only.csv");
        Files.write(lpOnly, noPd);
        Map<String, Object> missing = inputs(out);
        missing.put("recording_file", lpOnly.toFile());
        expectCancelled(missing, "PD", before, out);

        // a model of a neuron alone has no synapse to inspect
        Path hh = TestData.smallHh(data);
        FitSettings alone = new FitSettings();
        alone.recording_file = hh.toString();
        alone.output_dir = data.resolve("fit").toString();
        alone.split = "segments";
        alone.train_segments = "0";
        alone.validation_segments = "1";
        alone.epochs = 1;
        alone.batch_size = 2000;
        Path lumped = FitJob.run(alone, ProgressListener.NONE, new CancelToken()).modelFile;
        Map<String, Object> noSynapse = inputs(out);
        noSynapse.put("model_file", lumped.toFile());
        noSynapse.put("recording_file", hh.toFile());
        expectCancelled(noSynapse, "has no synapse", before, out);
    }

    static void expectCancelled(Map<String, Object> in, String reason, Map<String, byte[]> before, Path out) throws Exception {
        CommandModule m = run(in);
        assertTrue(m.isCanceled(), "cancelled: " + in);
        assertTrue(m.getCancelReason().contains(reason), m.getCancelReason());
        assertFalse(m.getCancelReason().contains("Exception"), m.getCancelReason());
        Map<String, byte[]> after = TestData.snapshot(out);
        assertEquals(before.keySet(), after.keySet(), "nothing written for: " + reason);
    }

    /** An ensemble summary (*.rmmensemble.json) stands for its kept members, as the Fit RMM ensemble writes it. */
    @Test
    void anEnsembleSummaryIsReadAsItsKeptMembers(@TempDir Path dir) throws Exception {
        org.rmmfiji.io.EnsembleFile f = new org.rmmfiji.io.EnsembleFile();
        f.name = "circuit";
        for (int k = 0; k < 3; k++) {
            Files.copy(model, dir.resolve("m" + k + ".rmm.json"));
            org.rmmfiji.io.EnsembleFile.Member m = new org.rmmfiji.io.EnsembleFile.Member();
            m.member = k + 1;
            m.name = "m" + k;
            m.file = "m" + k + ".rmm.json";
            m.status = org.rmmfiji.io.EnsembleFile.FITTED;
            m.kept = k != 1;
            m.dropped = k == 1;
            f.members.add(m);
        }
        Path summary = dir.resolve("circuit.rmmensemble.json");
        org.rmmfiji.io.EnsembleFiles.write(summary, f);
        Path out = dir.resolve("out");
        Map<String, Object> in = inputs(out);
        in.put("model_file", summary.toFile());
        in.put("ablation", false);
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        List<String> spread = Files.readAllLines(out.resolve("pd-lp-short-coupling-ensemble.csv"));
        assertTrue(spread.get(1).startsWith("PD,LP,2,"), "the two kept members: " + spread.get(1));
    }
}
