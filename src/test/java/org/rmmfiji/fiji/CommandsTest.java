package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import org.rmmfiji.TestData;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.job.PredictSettings;

/** The commands through SciJava's CommandService, headless, as Fiji runs them. */
class CommandsTest {
    @TempDir static Path data;
    static Path hh;
    static Context ctx;

    @BeforeAll
    static void setUp() throws IOException {
        hh = TestData.smallHh(data);
        ctx = new Context(CommandService.class);
    }

    @AfterAll
    static void tearDown() { ctx.dispose(); }

    static Map<String, Object> fitInputs(Path out) {
        Map<String, Object> in = new HashMap<>();
        in.put("recording_file", hh.toFile());
        in.put("output_dir", out.toFile());
        in.put("split", "segments");
        in.put("train_segments", "0");
        in.put("validation_segments", "1");
        in.put("epochs", 2);
        in.put("batch_size", 2000);
        return in;
    }

    @Test
    void parameterNamesAreTheSettingsFieldNames() {
        assertEquals(fieldNames(FitSettings.class), inputNames(FitRmmCommand.class));
        assertEquals(fieldNames(PredictSettings.class), inputNames(PredictRmmCommand.class));
        assertEquals(fieldNames(org.rmmfiji.io.ExportSettings.class), inputNames(ExportRecordingCommand.class));
        assertEquals(fieldNames(org.rmmfiji.job.InspectCouplingSettings.class), inputNames(InspectCouplingCommand.class));
        assertEquals(fieldNames(org.rmmfiji.job.DesignStimulusSettings.class), inputNames(DesignStimulusCommand.class));
    }

    static Set<String> fieldNames(Class<?> c) {
        Set<String> s = new TreeSet<>();
        for (Field f : c.getFields()) s.add(f.getName());
        return s;
    }

    static Set<String> inputNames(Class<? extends org.scijava.command.Command> c) {
        CommandInfo info = ctx.service(CommandService.class).getCommand(c);
        Set<String> s = new TreeSet<>();
        for (ModuleItem<?> i : info.inputs())
            if (!org.scijava.service.Service.class.isAssignableFrom(i.getType()) && i.getType() != Context.class) s.add(i.getName());
        return s;
    }

    @Test
    void fitThenPredict(@TempDir Path out) throws Exception {
        CommandModule m = ctx.service(CommandService.class).run(FitRmmCommand.class, true, fitInputs(out)).get();
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        for (String key : new String[] {"model_file", "prediction_file", "metrics_file", "plot_file"})
            assertTrue(Files.size(Path.of((String) m.getOutput(key))) > 0, key);
        assertTrue(((String) m.getOutput("summary")).contains("score"));
        assertTrue(((String) m.getOutput("summary")).contains("validation"));
        byte[] png = Files.readAllBytes(Path.of((String) m.getOutput("plot_file")));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);

        Map<String, Object> in = new HashMap<>();
        in.put("model_file", new java.io.File((String) m.getOutput("model_file")));
        in.put("recording_file", hh.toFile());
        in.put("output_dir", out.resolve("again").toFile());
        CommandModule p = ctx.service(CommandService.class).run(PredictRmmCommand.class, true, in).get();
        assertFalse(p.isCanceled(), String.valueOf(p.getCancelReason()));
        assertTrue(Files.exists(Path.of((String) p.getOutput("prediction_file"))));
    }

    @Test
    void predictNeverReplacesTheFitsFilesAndOverwriteIsExplicit(@TempDir Path out) throws Exception {
        CommandModule m = ctx.service(CommandService.class).run(FitRmmCommand.class, true, fitInputs(out)).get();
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        Map<String, byte[]> fitFiles = TestData.snapshot(out);
        assertTrue(fitFiles.containsKey("hh-metrics.csv") && fitFiles.containsKey("hh-prediction.png"), fitFiles.keySet().toString());
        String header = Files.readAllLines(out.resolve("hh-metrics.csv")).get(0);
        assertTrue(header.endsWith(",quality,quality_reason"), header);
        assertTrue(Files.readAllLines(out.resolve("hh-prediction.csv")).get(0).startsWith("t_ms,segment,V_V_mV,V_V_pred_mV"));

        Map<String, Object> in = new HashMap<>();
        in.put("model_file", new java.io.File((String) m.getOutput("model_file")));
        in.put("recording_file", hh.toFile());
        in.put("output_dir", out.toFile());
        in.put("plot_length_ms", 200.0);
        CommandModule p = ctx.service(CommandService.class).run(PredictRmmCommand.class, true, in).get();
        assertFalse(p.isCanceled(), String.valueOf(p.getCancelReason()));
        assertEquals(out.resolve("hh-predicted.csv").toString(), p.getOutput("prediction_file"));
        Map<String, byte[]> after = TestData.snapshot(out);
        for (var e : fitFiles.entrySet()) assertTrue(java.util.Arrays.equals(e.getValue(), after.get(e.getKey())), e.getKey() + " unchanged");
        assertTrue(after.containsKey("hh-predicted-metrics.csv") && after.containsKey("hh-predicted.png"), after.keySet().toString());
        var png = ij.IJ.openImage(out.resolve("hh-predicted.png").toString());
        assertTrue(png.getHeight() > PredictionPlot.WINDOW_HEIGHT + PredictionPlot.OVERVIEW_HEIGHT, "window and overview panels");

        CommandModule again = ctx.service(CommandService.class).run(PredictRmmCommand.class, true, in).get();
        assertTrue(again.isCanceled());
        assertTrue(again.getCancelReason().contains("hh-predicted.csv exists already"), again.getCancelReason());
        in.put("overwrite", true);
        assertFalse(ctx.service(CommandService.class).run(PredictRmmCommand.class, true, in).get().isCanceled());
    }

    @Test
    void aPoorFitSaysSoInAWarningAndTheQualityColumn(@TempDir Path out) throws Exception {
        Map<String, Object> in = fitInputs(out);
        in.put("epochs", 1);                                   // one epoch cannot spike like the data
        CommandModule m = ctx.service(CommandService.class).run(FitRmmCommand.class, true, in).get();
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        String warnings = (String) m.getOutput("warnings");
        assertTrue(warnings.contains("V validation: poor fit") || warnings.contains("V validation: diverged fit"), warnings);
        String validation = Files.readAllLines(out.resolve("hh-metrics.csv")).get(2);
        assertTrue(validation.contains(",poor,") || validation.contains(",diverged,"), validation);
    }

    @Test
    void badInputCancelsWithTheReason(@TempDir Path out) throws Exception {
        Map<String, Object> in = fitInputs(out);
        in.put("neurons", "V_missing");
        CommandModule m = ctx.service(CommandService.class).run(FitRmmCommand.class, true, in).get();
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().contains("V_missing"), m.getCancelReason());
        assertEquals(0, TestData.snapshot(out).size(), "nothing written");
    }

    @Test
    void anEnsembleWritesEveryMemberTheSummaryAndOneTableRowPerMember(@TempDir Path out) throws Exception {
        Map<String, Object> in = fitInputs(out);
        in.put("ensemble_seeds", 2);
        in.put("ensemble_drop_worst", 1);
        CommandModule m = ctx.service(CommandService.class).run(FitRmmCommand.class, true, in).get();
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        String[] kept = ((String) m.getOutput("model_file")).split(",");
        assertEquals(1, kept.length, "the kept member's model file (the other is dropped)");
        for (String name : new String[] {"hh-ensemble-s1-b1", "hh-ensemble-s2-b1"}) {
            assertTrue(Files.exists(out.resolve(name + ".rmm.json")), name);
            assertTrue(Files.exists(out.resolve(name + "-prediction.png")), name + "'s plot is drawn");
        }
        assertEquals(out.resolve("hh.rmmensemble.json").toString(), m.getOutput("ensemble_file"));
        assertEquals(java.util.List.of(Path.of(kept[0]).toAbsolutePath()), org.rmmfiji.io.EnsembleFiles.keptModels(out.resolve("hh.rmmensemble.json")));
        var rows = Files.readAllLines(Path.of((String) m.getOutput("ensemble_table")));
        assertEquals(3, rows.size(), "a header and one row per member");
        String summary = (String) m.getOutput("summary");
        assertTrue(summary.contains("member 2 hh-ensemble-s2-b1 (seed 2, batch 1/1): fitted") && summary.contains("dropped"), summary);

        in.put("ensemble_seeds", 0);
        in.put("output_dir", out.resolve("bad").toFile());
        CommandModule bad = ctx.service(CommandService.class).run(FitRmmCommand.class, true, in).get();
        assertTrue(bad.isCanceled());
        assertTrue(bad.getCancelReason().contains("ensemble_seeds must be at least 1"), bad.getCancelReason());
        assertFalse(Files.exists(out.resolve("bad")), "nothing written");
    }

    @Test
    void exportWritesTheChosenChannelsAsCsv(@TempDir Path out) throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("recording_file", hh.toFile());
        in.put("channels", "V");
        in.put("sweeps", "1");
        in.put("resample_ms", 0.1);
        in.put("output_file", out.resolve("v.csv").toFile());
        CommandModule m = ctx.service(CommandService.class).run(ExportRecordingCommand.class, true, in).get();
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        var rec = org.rmmfiji.io.CsvRecordings.read(out.resolve("v.csv"));
        assertEquals(java.util.List.of("V"), rec.channelNames());
        assertEquals(0.1, rec.dt(), 1e-9);
        assertEquals(1, rec.segments().size());
        CommandModule again = ctx.service(CommandService.class).run(ExportRecordingCommand.class, true, in).get();
        assertTrue(again.isCanceled() && again.getCancelReason().contains("v.csv exists already"), again.getCancelReason());
    }

    @Test
    void exportPassesOnTheReadersWarnings(@TempDir Path out) throws Exception {
        Path volts = out.resolve("volts.csv");
        Files.writeString(volts, "t_ms,V_mV\n0,0.01\n0.1,0.02\n0.2,0.01\n");       // volts labelled mV
        Map<String, Object> in = new HashMap<>();
        in.put("recording_file", volts.toFile());
        in.put("output_file", out.resolve("x.csv").toFile());
        CommandModule m = ctx.service(CommandService.class).run(ExportRecordingCommand.class, true, in).get();
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        assertTrue(((String) m.getOutput("warnings")).contains("never leaves ±1 mV"), (String) m.getOutput("warnings"));
    }

    @Test
    void channelsByTheirColumnNames(@TempDir Path out) throws Exception {
        Map<String, Object> in = fitInputs(out);
        in.put("neurons", "V_mV");
        in.put("currents", "I_nA");
        CommandModule m = ctx.service(CommandService.class).run(FitRmmCommand.class, true, in).get();
        assertFalse(m.isCanceled(), String.valueOf(m.getCancelReason()));
        assertTrue(Files.readAllLines(out.resolve("hh-metrics.csv")).get(1).startsWith("V,train,"));
    }
}
