package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.measure.ResultsTable;

import org.rmmfiji.TestData;
import org.rmmfiji.data.Recording;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.io.Provenance;
import org.rmmfiji.io.Recordings;

/**
 * A recording taken from an open table ({@code recording=[title]}) through CommandService, headless: the bundled
 * sample put into ImageJ's Results table (headless ImageJ keeps no other table) is fitted, predicted and exported by
 * the table's title; the provenance names the table; an unknown title lists the tables, and a bad cell is refused by
 * row and column.
 */
class TableRecordingCommandTest {
    static Context ctx;

    @BeforeAll
    static void setUp() { ctx = new Context(CommandService.class); }

    @AfterAll
    static void tearDown() { ctx.dispose(); }

    @AfterEach
    void emptyTheResultsTable() { ResultsTable.getResultsTable().reset(); }

    static CommandModule run(Class<? extends Command> c, Map<String, Object> in) throws Exception {
        return ctx.service(CommandService.class).run(c, true, in).get();
    }

    /** The sample (t_ms, segment, V_mV, I_nA; 12 s and 4 s at 20 kHz), read by the project's reader, as the Results table. */
    static ResultsTable sampleAsResults() throws Exception {
        Recording sample = Recordings.open(Path.of("sample-data", "hh-excerpt.csv.gz"));
        List<double[]> columns = TestData.columnsOf(sample);
        ResultsTable rt = ResultsTable.getResultsTable();
        rt.reset();
        String[] names = {"t_ms", "segment", "V_mV", "I_nA"};
        for (int c = 0; c < names.length; c++) rt.setValues(names[c], columns.get(c));
        assertEquals(sample.totalSamples(), rt.size());
        return rt;
    }

    static Map<String, Object> fitInputs(Path out) {
        Map<String, Object> fit = new HashMap<>();
        fit.put("recording", "Results");
        fit.put("output_dir", out.toFile());
        fit.put("split", "segments");
        fit.put("train_segments", "0");
        fit.put("validation_segments", "1");
        fit.put("epochs", "1");
        fit.put("batch_size", "20000");
        return fit;
    }

    @Test
    void fitPredictAndExportTakeTheRecordingFromATable(@TempDir Path out) throws Exception {
        ResultsTable rt = sampleAsResults();
        CommandModule f = run(FitRmmCommand.class, fitInputs(out));
        assertFalse(f.isCanceled(), String.valueOf(f.getCancelReason()));
        Path model = Path.of((String) f.getOutput("model_file"));
        assertEquals(out.resolve("Results.rmm.json"), model, "named after the table's title");
        assertTrue(Files.exists(model));
        ModelFile mf = ModelFiles.read(model);
        Provenance.InputFile in = mf.provenance.inputs.get(0);
        assertEquals("Results", in.name);
        assertEquals("ImageJ table window", in.source);
        assertEquals(rt.size(), in.rows);
        assertNull(in.sha256, "a table has no file to hash");
        assertEquals("Results", mf.provenance.settings.get("recording"));
        assertEquals(0.05, mf.dt_ms, 1e-9);
        String json = Files.readString(model);
        assertTrue(json.contains("\"source\": \"ImageJ table window\"") && json.contains("\"rows\": 320000"), "the model file says where its data were");

        Map<String, Object> predict = new HashMap<>();
        predict.put("model_file", model.toFile());
        predict.put("recording", "Results");
        predict.put("output_dir", out.toFile());
        CommandModule p = run(PredictRmmCommand.class, predict);
        assertFalse(p.isCanceled(), String.valueOf(p.getCancelReason()));
        assertTrue(Files.exists(out.resolve("Results-predicted.csv")));

        Path csv = out.resolve("exported.csv");
        Map<String, Object> export = new HashMap<>();
        export.put("recording", "Results");
        export.put("output_file", csv.toFile());
        CommandModule e = run(ExportRecordingCommand.class, export);
        assertFalse(e.isCanceled(), String.valueOf(e.getCancelReason()));
        Recording back = Recordings.open(csv);
        assertEquals(2, back.segments().size());
        assertEquals(rt.getValue("V_mV", 240_001), back.segments().get(1).get(0, 1), 1e-4, "the table's samples, exported");
    }

    @Test
    void anUnknownTitleListsTheTablesAndABadCellIsRefusedByRowAndColumn(@TempDir Path out) throws Exception {
        ResultsTable rt = ResultsTable.getResultsTable();
        rt.reset();
        for (int k = 0; k < 5; k++) {
            rt.incrementCounter();
            rt.addValue("t_ms", k * 0.05);
            rt.addValue("V_mV", -65 + k);
            rt.addValue("I_nA", 0.1);
        }
        Map<String, Object> unknown = fitInputs(out);
        unknown.put("recording", "cell 7");
        CommandModule u = run(FitRmmCommand.class, unknown);
        assertTrue(u.isCanceled());
        String why = u.getCancelReason();
        assertTrue(why.contains("recording=[cell 7]") && why.contains("no trace window of that title") && why.contains("tables: Results"), why);

        Map<String, Object> both = fitInputs(out);
        both.put("recording_file", out.resolve("cell.csv").toFile());
        CommandModule b = run(FitRmmCommand.class, both);
        assertTrue(b.isCanceled() && b.getCancelReason().contains("not both"), String.valueOf(b.getCancelReason()));

        rt.setValue("V_mV", 3, Double.NaN);
        CommandModule nan = run(FitRmmCommand.class, fitInputs(out));
        assertTrue(nan.isCanceled());
        assertTrue(nan.getCancelReason().contains("table 'Results': row 4, column 'V_mV' is NaN"), nan.getCancelReason());
        rt.setValue("V_mV", 3, "spike?");
        CommandModule text = run(FitRmmCommand.class, fitInputs(out));
        assertTrue(text.isCanceled());
        assertTrue(text.getCancelReason().contains("row 4, column 'V_mV': 'spike?' is not a number"), text.getCancelReason());

        rt.reset();
        CommandModule empty = run(FitRmmCommand.class, fitInputs(out));
        assertTrue(empty.isCanceled() && empty.getCancelReason().contains("tables: none"), "an empty Results table is no table: " + empty.getCancelReason());
        assertEquals(0, TestData.snapshot(out).size(), "nothing was written");
    }
}
