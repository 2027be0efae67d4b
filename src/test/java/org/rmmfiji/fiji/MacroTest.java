package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagej.patcher.LegacyEnvironment;

import org.rmmfiji.TestData;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.io.Provenance;
import org.rmmfiji.io.Recordings;

/**
 * An IJ1 macro calls run("Fit RMM", …) in a patched, headless ImageJ 1.x (ij1-patcher, as Fiji's
 * --headless does): the plugins.config entry, the bridge and the SciJava command all run for real.
 */
class MacroTest {

    static File jarOf(Class<?> c) throws Exception {
        return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static LegacyEnvironment ij1() throws Exception {
        LegacyEnvironment ij1 = new LegacyEnvironment(null, true);
        ij1.disableIJ1PluginDirs();
        ij1.addPluginClasspath(new File("target/classes"));
        for (Class<?> c : new Class<?>[] {org.scijava.Context.class, org.scijava.parsington.ExpressionParser.class,
                com.google.gson.Gson.class, net.miginfocom.swing.MigLayout.class, net.miginfocom.layout.LC.class,
                org.ejml.data.DMatrixRMaj.class, org.ejml.dense.row.factory.DecompositionFactory_DDRM.class})
            ij1.addPluginClasspath(jarOf(c));
        return ij1;
    }

    /**
     * The example macro macros/inspect_coupling.ijm as it is, with its arguments: fits a circuit-syncond model (quickly)
     * and inspects it; the matrix is in the Results table afterwards (read back through System properties).
     */
    @Test
    void exampleMacroFitsACircuitAndInspectsItsCoupling(@TempDir Path data, @TempDir Path out) throws Exception {
        Path recording = TestData.smallPdLp(data);
        String example = Files.readString(Path.of("macros", "inspect_coupling.ijm"));
        String readBack = "\ncall(\"java.lang.System.setProperty\", \"rmm.coupling.rows\", \"\" + nResults);\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.coupling.pre\", getResultString(\"pre\", 0));\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.coupling.kind\", getResultString(\"kind\", 0));\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.coupling.rms\", \"\" + getResult(\"rms_nA\", 0));\n";
        String arg = recording + "|" + out + "|neurons=V_LP inputs=V_PD currents=I_LP"
                + "|trainer=teacher-forcing epochs=2 batch_size=5000 snapshot_every=2 train_fraction=0.5 validation_fraction=0.5|ablation=false";
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, "UTF-8"));
        try {
            ij1().runMacro(example + readBack, arg);
        } finally {
            System.setOut(stdout);
        }
        assertTrue(Files.exists(out.resolve("circuit.rmm.json")), "the fit wrote its model");
        for (String f : new String[] {"circuit-coupling.csv", "circuit-coupling.png", "circuit-coupling-currents.png", "circuit-coupling-activations.png"})
            assertTrue(Files.exists(out.resolve(f)), f);
        assertEquals("1", System.getProperty("rmm.coupling.rows"));
        assertEquals("PD", System.getProperty("rmm.coupling.pre"));
        assertEquals("conductance-based", System.getProperty("rmm.coupling.kind"));
        assertTrue(Double.parseDouble(System.getProperty("rmm.coupling.rms")) > 0);
        String log = printed.toString("UTF-8");
        assertTrue(log.contains("PD -> LP: ") && log.contains(" nA (conductance-based)"), "the macro printed the matrix: " + log);
    }

    /** Fit RMM from a macro: a misspelt key runs nothing, a fit fills the Results table, and so does an ensemble (a row per member). */
    @Test
    void macroRunsFitRmmAndReadsTheResults(@TempDir Path data, @TempDir Path out) throws Exception {
        Path hh = TestData.smallHh(data);
        LegacyEnvironment ij1 = ij1();
        String macro = "run(\"Fit RMM\", \"recording_file=[" + hh + "] output_dir=[" + out + "] split=segments train_segments=0 "
                + "validation_segments=1 epochs=2 batch_size=2000\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.macro.rows\", \"\" + nResults);\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.macro.part\", getResultString(\"part\", 1));\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.macro.score\", \"\" + getResult(\"score\", 1));\n";
        String typo = "run(\"Fit RMM\", \"recording_file=[" + hh + "] output_dir=[" + out + "] epoch=2\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.macro.log\", getInfo(\"log\"));\n";
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, "UTF-8"));
        try {
            ij1.runMacro(typo, null);
        } finally {
            System.setErr(err);
        }
        assertEquals(0, TestData.snapshot(out).size(), "a misspelt macro key runs nothing");
        assertFalse(captured.toString("UTF-8").contains("\tat "), "no stack trace: " + captured);
        ij1.runMacro(macro, null);
        assertTrue(Files.exists(out.resolve("hh.rmm.json")), "the model file was written");
        assertTrue(Files.exists(out.resolve("hh-prediction.png")));
        assertEquals("2", System.getProperty("rmm.macro.rows"));
        assertEquals("validation", System.getProperty("rmm.macro.part"));
        double score = Double.parseDouble(System.getProperty("rmm.macro.score"));
        assertTrue(score >= 0 && score <= 1, "score " + score);

        // an ensemble (in the same ImageJ): the Results table has one row per member
        Path ensemble = out.resolve("ensemble");
        ij1.runMacro("run(\"Fit RMM\", \"recording_file=[" + hh + "] output_dir=[" + ensemble + "] split=segments train_segments=0 "
                + "validation_segments=1 epochs=1 batch_size=2000 ensemble_seeds=2 ensemble_drop_worst=1\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.ensemble.rows\", \"\" + nResults);\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.ensemble.name\", getResultString(\"name\", 1));\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.ensemble.seed\", \"\" + getResult(\"seed\", 1));\n"
                + "dropped = 0; for (i = 0; i < nResults; i++) if (getResultString(\"dropped\", i) == \"true\") dropped++;\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.ensemble.dropped\", \"\" + dropped);\n", null);
        assertTrue(Files.exists(ensemble.resolve("hh.rmmensemble.json")), "the summary was written");
        assertEquals("2", System.getProperty("rmm.ensemble.rows"));
        assertEquals("hh-ensemble-s2-b1", System.getProperty("rmm.ensemble.name"));
        assertEquals(2, Double.parseDouble(System.getProperty("rmm.ensemble.seed")), 0);
        assertEquals("1", System.getProperty("rmm.ensemble.dropped"));
    }

    /** Inspect Currents from a macro: the bifurcation table is in the Results table afterwards, and the figures are written. */
    @Test
    void macroRunsInspectCurrentsAndReadsTheBifurcations(@TempDir Path dir) throws Exception {
        Path model = org.rmmfiji.analysis.AnalysisModels.writeFitzHughNagumo(dir.resolve("fhn.rmm.json"));
        Path out = dir.resolve("out");
        ij1().runMacro("run(\"Inspect Currents\", \"model_file=[" + model + "] output_dir=[" + out + "] v_low_mV=-80 v_high_mV=-20 ablate=fast ablation_ms=200\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.currents.rows\", \"\" + nResults);\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.currents.type\", getResultString(\"type\", 0));\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.currents.v\", \"\" + getResult(\"voltage_mV\", 0));\n", null);
        assertEquals("2", System.getProperty("rmm.currents.rows"));
        assertEquals("hopf", System.getProperty("rmm.currents.type"));
        assertEquals(-59.98, Double.parseDouble(System.getProperty("rmm.currents.v")), 0.05);
        for (String f : new String[] {"fhn-currents-iv.png", "fhn-currents-admittance.png", "fhn-currents-ablation.png", "fhn-currents-iv.csv"})
            assertTrue(Files.exists(out.resolve(f)), f);
    }

    /**
     * Design Stimulus from a macro, as the menu entry runs it: a chirp is written as CSV, ATF and PNG and described in the
     * Results table; an impossible setting runs nothing and says why in the Log.
     */
    @Test
    void macroDesignsAChirpStimulus(@TempDir Path out) throws Exception {
        LegacyEnvironment ij1 = ij1();
        ij1.runMacro("run(\"Design Stimulus\", \"protocol=chirp duration_ms=10000 f0_Hz=2 f1_Hz=40 sweep=linear amplitude_nA=0.5 offset_nA=0.1 "
                + "output_dir=[" + out + "] output_name=zap\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.stimulus.rows\", \"\" + nResults);\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.stimulus.protocol\", getResultString(\"protocol\", 0));\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.stimulus.samples\", \"\" + getResult(\"samples\", 0));\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.stimulus.max\", \"\" + getResult(\"max_nA\", 0));\n", null);
        assertEquals("1", System.getProperty("rmm.stimulus.rows"));
        assertEquals("chirp", System.getProperty("rmm.stimulus.protocol"));
        assertEquals(100_000, Double.parseDouble(System.getProperty("rmm.stimulus.samples")), 0);
        assertEquals(0.6, Double.parseDouble(System.getProperty("rmm.stimulus.max")), 1e-3);
        for (String f : new String[] {"zap.csv", "zap.atf", "zap.png"}) assertTrue(Files.exists(out.resolve(f)), f);
        assertEquals(100_000, org.rmmfiji.io.AtfFilesTest.parse(out.resolve("zap.atf")).rows().size());

        Path bad = out.resolve("bad");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, "UTF-8"));
        try {
            ij1.runMacro("run(\"Design Stimulus\", \"protocol=multilevel levels_nA=[] output_dir=[" + bad + "]\");\n", null);
        } finally {
            System.setErr(err);
        }
        assertFalse(Files.exists(bad), "nothing written");
        String said = captured.toString("UTF-8");
        assertTrue(said.contains("Design Stimulus: levels_nA is empty"), said);
        assertFalse(said.contains("\tat "), "no stack trace: " + said);
    }

    /** A macro opens a recording, then fits it by the trace window's title; the summary table is filled first. */
    @Test
    void macroOpensARecordingAndFitsItByTitle(@TempDir Path data, @TempDir Path out) throws Exception {
        Path hh = TestData.smallHh(data);
        ij1().runMacro("run(\"Electrophysiology Recording...\", \"recording_file=[" + hh + "]\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.open.rows\", \"\" + nResults);\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.open.unit\", getResultString(\"unit\", 1));\n"
                + "run(\"Fit RMM\", \"recording=[hh.csv] output_dir=[" + out + "] split=segments train_segments=0 validation_segments=1 epochs=1 batch_size=2000\");\n", null);
        assertEquals("2", System.getProperty("rmm.open.rows"));
        assertEquals("nA", System.getProperty("rmm.open.unit"));
        assertTrue(Files.exists(out.resolve("hh.rmm.json")), "the fit of the opened recording wrote its model");
    }

    /**
     * A macro puts a CSV recording into the Results table and fits it by the table's title, {@code recording=[Results]}.
     * At a display {@code open(path)} of a .csv fills the Results table; headless ImageJ keeps no table window
     * ({@code ResultsTable.show} returns at once), so there the macro fills the Results table from the file's text with
     * {@code Table.setColumn}, as a headless macro would. The CSV is an excerpt of the bundled sample (1.8 s of training
     * and 0.6 s of held-out data), read and written by the project's own reader and writer.
     */
    @Test
    void macroFitsARecordingFromTheResultsTable(@TempDir Path data, @TempDir Path out) throws Exception {
        Recording sample = Recordings.open(Path.of("sample-data", "hh-excerpt.csv.gz"));
        List<List<double[]>> segments = new ArrayList<>();
        int[] keep = {36_000, 12_000};
        for (int s = 0; s < 2; s++) {
            Segment seg = sample.segments().get(s);
            List<double[]> cols = new ArrayList<>();
            for (int c = 0; c < sample.channels().size(); c++) cols.add(Arrays.copyOf(seg.channelAsDouble(c), keep[s]));
            segments.add(cols);
        }
        Path csv = data.resolve("hh-excerpt.csv");
        CsvRecordings.write(csv, sample.dt(), List.of("V_mV", "I_nA"), segments);
        String macro = String.join("\n",
                "path = \"" + csv + "\";",
                "open(path);",
                "if (nResults == 0) {   // headless: no table window, so fill the Results table from the text",
                "  text = File.openAsString(path);",
                "  names = split(substring(text, 0, indexOf(text, \"\\n\")), \",\");",
                "  cells = split(text, \",\\n\");     // every cell, row after row, the header's first",
                "  m = names.length;",
                "  n = cells.length / m - 1;",
                "  Table.create(\"Results\");",
                "  for (c = 0; c < m; c++) {",
                "    column = newArray(n);",
                "    for (k = 0; k < n; k++) column[k] = parseFloat(cells[(k + 1) * m + c]);",
                "    Table.setColumn(names[c], column);",
                "  }",
                "}",
                "call(\"java.lang.System.setProperty\", \"rmm.table.rows\", \"\" + nResults);",
                "run(\"Fit RMM\", \"recording=[Results] output_dir=[" + out + "] split=segments train_segments=0 validation_segments=1 epochs=1 batch_size=2000\");",
                "call(\"java.lang.System.setProperty\", \"rmm.table.metrics\", getResultString(\"part\", 1));",
                "");
        ij1().runMacro(macro, null);
        assertEquals("48000", System.getProperty("rmm.table.rows"), "the recording was in the Results table");
        Path model = out.resolve("Results.rmm.json");
        assertTrue(Files.exists(model), "the fit of the table wrote its model");
        Provenance.InputFile in = ModelFiles.read(model).provenance.inputs.get(0);
        assertEquals("Results", in.name);
        assertEquals("ImageJ table window", in.source);
        assertEquals(48_000, in.rows);
        assertEquals("validation", System.getProperty("rmm.table.metrics"), "the metrics replaced the recording in the Results table");
    }
}
