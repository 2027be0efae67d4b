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
    void badInputCancelsWithTheReason(@TempDir Path out) throws Exception {
        Map<String, Object> in = fitInputs(out);
        in.put("neurons", "V_missing");
        CommandModule m = ctx.service(CommandService.class).run(FitRmmCommand.class, true, in).get();
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().contains("V_missing"), m.getCancelReason());
        assertEquals(0, TestData.snapshot(out).size(), "nothing written");
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
    }
}
