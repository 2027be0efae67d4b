package org.rmmfiji.job;

import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TeacherForcingTrainer;
import org.rmmfiji.train.StopReason;
import org.rmmfiji.train.Training;
import org.rmmfiji.train.TrainingData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.FreeRun;

class FitJobTest {
    @TempDir static Path data;
    static Path hh;

    @BeforeAll
    static void makeData() throws IOException {
        hh = TestData.smallHh(data);
    }

    static FitSettings settings(Path out) { return settingsFor(hh, out); }

    static FitSettings settingsFor(Path recording, Path out) {
        FitSettings s = new FitSettings();
        s.recording_file = recording.toString();
        s.output_dir = out.toString();
        s.split = "segments";
        s.train_segments = "0";
        s.validation_segments = "1";
        s.epochs = 3;
        s.batch_size = 2000;
        s.snapshot_every = 1;
        return s;
    }

    @Test
    void aNeuronWithoutACurrentChannelIsFittedWithAWarningUnlessTheUserSaidSo(@TempDir Path out) throws IOException {
        List<String> lines = Files.readAllLines(hh);
        assertEquals("t_ms,segment,V_mV,I_nA", lines.get(0));
        List<String> voltageOnly = new java.util.ArrayList<>();
        for (String l : lines) voltageOnly.add(l.substring(0, l.lastIndexOf(',')));
        Path rec = Files.write(out.resolve("voltage-only.csv"), voltageOnly);

        List<String> warnings = FitJob.plan(settingsFor(rec, out)).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("V has no injected-current channel (the recording has no current channel)"), warnings.get(0));
        assertTrue(warnings.get(0).contains("currents=\"none\""), "it says how to silence it: " + warnings.get(0));

        FitSettings none = settingsFor(rec, out);
        none.currents = "none";
        assertEquals(List.of(), FitJob.plan(none).warnings(), "currents=\"none\": the user said so");
        assertEquals(List.of(), FitJob.plan(settings(out)).warnings(), "a recording with its current: nothing to say");
    }

    @Test
    void aTrainingSettingNoStageReadsIsSaidBeforeTraining(@TempDir Path out) throws IOException {
        FitSettings shooting = settings(out);          // epochs=3 and batch_size=2000 set
        shooting.trainer = "multiple-shooting";
        shooting.learning_rate = 1e-3;
        List<String> w = FitJob.plan(shooting).warnings();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("epochs=3, batch_size=2000, learning_rate=0.001 are teacher-forcing settings, but the trainer multiple-shooting "
                + "has no teacher-forcing stage, so they change nothing"), w.get(0));
        assertTrue(w.get(0).contains("closed_loop_learning_rate"), "it names the stage's own settings: " + w.get(0));

        FitSettings preset = settings(out);            // nothing set but what the trainer reads: the preset's values never warn
        preset.trainer = "multiple-shooting";
        preset.epochs = null;
        preset.batch_size = null;
        preset.closed_loop_epochs = 2;
        assertEquals(List.of(), FitJob.plan(preset).warnings());

        FitSettings pipeline = settings(out);
        pipeline.trainer = "teacher-forcing+multiple-shooting";
        pipeline.closed_loop_epochs = 2;
        assertEquals(List.of(), FitJob.plan(pipeline).warnings(), "both stages' settings are read");
        pipeline.gamma = 0.5;
        w = FitJob.plan(pipeline).warnings();
        assertEquals(List.of("gamma=0.5 only pulls a GTF stage toward the data, but the trainer teacher-forcing+multiple-shooting has none, so it changes nothing"), w);

        FitSettings teacherForcing = settings(out);
        teacherForcing.closed_loop_epochs = 2;
        w = FitJob.plan(teacherForcing).warnings();
        assertEquals(List.of("closed_loop_epochs=2 is a setting of multiple shooting or GTF, but the trainer teacher-forcing has neither, so it changes nothing"), w);
        List<String> given = new java.util.ArrayList<>();
        FitJob.run(teacherForcing, new ProgressListener() {
            @Override public void warning(String text) { given.add(text); }
        }, new CancelToken());
        assertEquals(w, given.subList(0, 1), "the fit gives the plan's warnings to its listener first, before training (then the fit's quality): " + given);
    }

    @Test
    void fitWritesModelPredictionAndMetrics(@TempDir Path out) throws IOException {
        FitResult r = FitJob.run(settings(out), ProgressListener.NONE, new CancelToken());
        assertTrue(Files.exists(r.modelFile) && Files.exists(r.predictionFile) && Files.exists(r.metricsFile));
        // the architecture is written beside the model, and fitting from it builds the same network
        Path spec = out.resolve("hh.rmmspec.json");
        FitSettings again = settings(out.resolve("again"));
        again.spec_file = spec.toString();
        again.epochs = 1;
        assertEquals(r.network.parameterCount(), FitJob.plan(again).network.parameterCount());
        assertEquals(3, r.history.epoch_loss.size());
        assertEquals(3, r.history.snapshots.size());
        assertTrue(r.history.epoch_loss.get(2) < r.history.epoch_loss.get(0), "training loss falls: " + r.history.epoch_loss);
        var pred = CsvRecordings.read(r.predictionFile);
        assertEquals(java.util.List.of("V_V", "V_V_pred"), pred.channelNames());
        assertEquals(2, pred.segments().size());
        ModelFile mf = ModelFiles.read(r.modelFile);
        assertEquals("hh.csv", mf.provenance.inputs.get(0).name);
        assertEquals(64, mf.provenance.inputs.get(0).sha256.length());
        assertEquals(java.util.List.of("V"), mf.provenance.voltage_channels);
        assertEquals(java.util.List.of("I"), mf.provenance.current_channels);
        assertEquals(3.0, ((Number) mf.provenance.settings.get("epochs")).doubleValue(), 0);
        assertTrue(mf.history.getAsJsonObject().has("epoch_loss"));
        assertEquals(2, mf.metrics.size(), "train and validation");
    }

    @Test
    void loadingReproducesThePredictionBitForBit(@TempDir Path out) throws IOException {
        FitResult r = FitJob.run(settings(out), ProgressListener.NONE, new CancelToken());
        Network loaded = ModelFiles.toNetwork(ModelFiles.read(r.modelFile), "test");
        var rec = CsvRecordings.read(hh);
        FitSettings again = settings(out);
        again.overwrite = true;                                 // the plan checks that the outputs are free
        var plan = FitJob.plan(again);
        FreeRun.Result a = FreeRun.run(r.network, rec.segments().get(1), plan.channels, Outputs.allCurrents(r.network), 0.01);
        FreeRun.Result b = FreeRun.run(loaded, rec.segments().get(1), plan.channels, Outputs.allCurrents(loaded), 0.01);
        assertArrayEquals(a.predicted[0], b.predicted[0]);
        for (int c = 0; c < a.currents.length; c++) assertArrayEquals(a.currents[c], b.currents[c]);
    }

    @Test
    void sameSeedSameParametersOnOneAndTwoThreads(@TempDir Path out1, @TempDir Path out2) throws IOException {
        FitSettings s1 = settings(out1), s2 = settings(out2);
        s1.threads = 1;
        s2.threads = 2;
        ModelFile a = FitJob.run(s1, ProgressListener.NONE, new CancelToken()).model;
        ModelFile b = FitJob.run(s2, ProgressListener.NONE, new CancelToken()).model;
        assertEquals(a.parameters.size(), b.parameters.size());
        for (int i = 0; i < a.parameters.size(); i++) assertArrayEquals(a.parameters.get(i).values, b.parameters.get(i).values, a.parameters.get(i).name);
    }

    @Test
    void multipleShootingGivesTheSameParametersOnOneAndTwoThreads(@TempDir Path out1, @TempDir Path out2) throws IOException {
        FitSettings s1 = settings(out1), s2 = settings(out2);
        for (FitSettings s : List.of(s1, s2)) {
            s.trainer = "multiple-shooting";
            s.closed_loop_epochs = 2;
            s.shot_ms = 1.0;
            s.shots_per_batch = 150;     // several tiles per batch, so continuity crosses tiles and threads
        }
        s1.threads = 1;
        s2.threads = 2;
        ModelFile a = FitJob.run(s1, ProgressListener.NONE, new CancelToken()).model;
        ModelFile b = FitJob.run(s2, ProgressListener.NONE, new CancelToken()).model;
        for (int i = 0; i < a.parameters.size(); i++) assertArrayEquals(a.parameters.get(i).values, b.parameters.get(i).values, a.parameters.get(i).name);
    }

    @Test
    void aShotLongerThanEverySegmentIsRefusedBeforeTraining(@TempDir Path out) {
        FitSettings s = settings(out);
        s.trainer = "teacher-forcing+multiple-shooting";
        s.shot_ms = 100_000.0;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FitJob.plan(s));
        assertTrue(e.getMessage().contains("shot_ms") && e.getMessage().contains("longer than every training segment"), e.getMessage());
    }

    @Test
    void filterRealizationReplacesTheBanksKeepingTheGrid(@TempDir Path out) throws IOException {
        FitSettings s = settings(out);
        s.filter_realization = "gobf";
        var plan = FitJob.plan(s);
        assertEquals("gobf", plan.network.spec().edges.get(0).filter_bank.blocks.get(0).type);
        assertArrayEquals(org.rmmfiji.model.Presets.neuronTau(), plan.network.spec().edges.get(0).filter_bank.blocks.get(0).tau_ms);
        assertEquals(253, plan.network.parameterCount());
    }

    @Test
    void continuesFromAModelFile(@TempDir Path out, @TempDir Path out2) throws IOException {
        FitResult first = FitJob.run(settings(out), ProgressListener.NONE, new CancelToken());
        FitSettings s = settings(out2);
        s.initial_model = first.modelFile.toString();
        s.epochs = 1;
        FitResult second = FitJob.run(s, ProgressListener.NONE, new CancelToken());
        assertEquals(first.model.normalisation.get(0).values[0], second.model.normalisation.get(0).values[0], 0, "normalisation is kept");
        assertEquals(2, second.model.provenance.inputs.size());
    }

    @Test
    void theDefaultPresetStartsOneOverCWhereTheRecordingPutsItUnlessTheCapacitanceIsKnown(@TempDir Path out, @TempDir Path out2, @TempDir Path out3)
            throws IOException {
        FitResult r = FitJob.run(settings(out), ProgressListener.NONE, new CancelToken());
        ModelFile mf = ModelFiles.read(r.modelFile);
        double[] a = mf.spec.initial_inverse_capacitances;
        assertArrayEquals(new double[] {1.0}, a, 0.0, "hh: C = 1 nF, the preset's own start");
        String origin = mf.spec.initial_inverse_capacitance_origin;
        assertTrue(origin.contains("V: C 1.") && origin.contains("within a factor 3 of the spec's"), origin);
        FitSettings known = settings(out2);
        known.capacitance_nF = 1.0;
        assertNull(ModelFiles.read(FitJob.run(known, ProgressListener.NONE, new CancelToken()).modelFile).spec.initial_inverse_capacitances);
        // a continued fit goes on from the model's parameters: nothing is estimated again
        FitSettings more = settings(out3);
        more.initial_model = r.modelFile.toString();
        more.epochs = 1;
        assertArrayEquals(a, ModelFiles.read(FitJob.run(more, ProgressListener.NONE, new CancelToken()).modelFile).spec.initial_inverse_capacitances, 0.0);
    }

    /** A continued fit scores its starting model first, and keeps it when training only makes it worse. */
    @Test
    void aContinuedFitNeverEndsWorseThanTheModelItStartedFrom(@TempDir Path out, @TempDir Path out2) throws IOException {
        FitResult first = FitJob.run(settings(out), ProgressListener.NONE, new CancelToken());
        FitSettings s = settings(out2);
        s.initial_model = first.modelFile.toString();
        s.epochs = 2;
        s.learning_rate = 30.0;      // Adam's first steps move every weight by about this much: a ruined model
        FitResult second = FitJob.run(s, ProgressListener.NONE, new CancelToken());
        History.Snapshot start = second.history.snapshots.get(0);
        assertEquals(0, start.epoch);
        assertEquals(History.STARTING_MODEL, start.trainer);
        assertEquals(0, second.history.selected, "the starting model is kept: " + second.history.snapshots.size() + " snapshots");
        for (int i = 0; i < first.model.parameters.size(); i++)
            assertArrayEquals(first.model.parameters.get(i).values, second.model.parameters.get(i).values, 0.0, first.model.parameters.get(i).name);
        assertTrue(second.model.provenance.notes.stream().anyMatch(n -> n.contains("the model the fit started from")), second.model.provenance.notes.toString());
    }

    @Test
    void aNanLossStopsAndKeepsTheBestSnapshot(@TempDir Path out) throws IOException {
        FitSettings s = settings(out);
        s.epochs = 6;
        var plan = FitJob.plan(s);
        // after the second snapshot, poison a weight so the next mini-batch's loss is NaN
        ProgressListener poison = new ProgressListener() {
            @Override public void snapshot(History.Snapshot snap) {
                if (snap.epoch == 2) plan.network.parameters()[plan.network.store().block("V<-V.lumped.W1").offset()] = Double.NaN;
            }
        };
        History h = Training.run(java.util.List.of(new TeacherForcingTrainer()), plan.network, new TrainingData(plan.dataset, plan.channels),
                plan.training, poison, new CancelToken());
        assertEquals(StopReason.NON_FINITE_LOSS, h.stopped);
        assertTrue(h.stop_detail.contains("NaN"), h.stop_detail);
        assertEquals(2, h.epoch_loss.size());
        assertTrue(h.selected >= 0 && h.snapshots.get(h.selected).epoch <= 2);
        for (double p : plan.network.parameters()) assertTrue(Double.isFinite(p), "the kept snapshot is finite");
    }

    @Test
    void cancelStopsWithoutWriting(@TempDir Path out) throws IOException {
        CancelToken c = new CancelToken();
        c.cancel();
        Map<String, byte[]> before = TestData.snapshot(out);
        assertThrows(FitJob.CancelledException.class, () -> FitJob.run(settings(out), ProgressListener.NONE, c));
        assertEquals(before.keySet(), TestData.snapshot(out).keySet());
    }

    @Test
    void pipelineFineTunesWithMultipleShootingAndTheModelFileHoldsNoShotStates(@TempDir Path out, @TempDir Path out2) throws IOException {
        FitSettings s = settings(out);
        s.trainer = "teacher-forcing+multiple-shooting";
        s.epochs = 2;
        s.closed_loop_epochs = 2;
        s.shot_ms = 1.0;
        s.shots_per_batch = 64;
        FitResult r = FitJob.run(s, ProgressListener.NONE, new CancelToken());
        assertEquals("teacher-forcing+multiple-shooting", r.history.trainer);
        assertEquals(2, r.history.stages.size());
        assertEquals("multiple-shooting", r.history.stages.get(1).trainer);
        assertEquals(3, r.history.stages.get(1).first_epoch);
        assertEquals(4, r.history.epoch_loss.size());
        assertEquals("multiple-shooting", r.history.snapshots.get(3).trainer);
        assertTrue(r.history.epoch_loss.get(3) < r.history.epoch_loss.get(2), "the shooting loss falls: " + r.history.epoch_loss);
        // the shots' initial states live beside the store: the model file has exactly the network's parameters
        ModelFile mf = ModelFiles.read(r.modelFile);
        int stored = 0;
        for (var b : mf.parameters) stored += b.values.length;
        assertEquals(r.network.store().size(), stored);
        assertEquals(1.0, ((Number) mf.provenance.training.get("shot_ms")).doubleValue(), 0);
        assertEquals(0.1, ((Number) mf.provenance.training.get("rho_x")).doubleValue(), 0, "unset values are recorded as used");
        // and a fit continues from it with multiple shooting alone
        FitSettings more = settings(out2);
        more.initial_model = r.modelFile.toString();
        more.trainer = "multiple-shooting";
        more.closed_loop_epochs = 1;
        more.shot_ms = 1.0;
        FitResult r2 = FitJob.run(more, ProgressListener.NONE, new CancelToken());
        assertEquals(1, r2.history.epoch_loss.size());
        assertTrue(Files.exists(r2.modelFile));
    }

    @Test
    void cancelAfterASnapshotWritesTheBestSoFarMarkedCancelled(@TempDir Path out) throws IOException {
        CancelToken c = new CancelToken();
        FitSettings s = settings(out);
        s.epochs = 50;
        ProgressListener cancelAtSecond = new ProgressListener() {
            @Override public void snapshot(History.Snapshot snap) { if (snap.epoch == 2) c.cancel(); }
        };
        FitResult r = FitJob.run(s, cancelAtSecond, c);
        assertEquals(StopReason.CANCELLED, r.history.stopped);
        assertEquals(2, r.history.epoch_loss.size());
        String json = Files.readString(r.modelFile);
        assertTrue(json.contains("\"stopped\": \"cancelled\""), "the model file says it was cancelled");
        assertTrue(ModelFiles.read(r.modelFile).provenance.notes.stream().anyMatch(n -> n.contains("cancelled")));
    }

    @Test
    void unsetSettingsTakeThePresetsValuesAndTheModelFileRecordsThem(@TempDir Path out) throws IOException {
        FitSettings s = settings(out);
        s.batch_size = null;
        var plan = FitJob.plan(s);
        assertEquals(org.rmmfiji.model.Presets.get("hh-lumped").defaults().batch_size, plan.training.batch_size);
        assertEquals(3, plan.training.epochs);
    }

    @Test
    void teacherForcingWeightsComeFromTheKeyAndTheModelFileRecordsTheirScale(@TempDir Path out) throws IOException {
        for (String preset : new String[] {"neuron-lumped", "hh-lumped"})
            assertNull(org.rmmfiji.model.Presets.get(preset).defaults().tf_weight_scale, preset + " weighs samples alike");
        FitResult plain = FitJob.run(settings(out.resolve("preset")), ProgressListener.NONE, new CancelToken());   // neuron-lumped
        FitSettings byKey = settings(out.resolve("key"));
        byKey.tf_weight_scale = 10.0;
        FitSettings off = settings(out.resolve("off"));
        off.tf_weight_scale = 0.0;
        FitResult weighted = FitJob.run(byKey, ProgressListener.NONE, new CancelToken());
        FitResult zero = FitJob.run(off, ProgressListener.NONE, new CancelToken());
        ModelFile mf = ModelFiles.read(weighted.modelFile);
        var scales = mf.history.getAsJsonObject().getAsJsonArray("tf_weight_scale_mV_per_ms");
        assertEquals(1, scales.size(), "one scale per modelled neuron");
        assertTrue(scales.get(0).getAsDouble() > 0, "scale " + scales);
        assertEquals(10.0, ((Number) mf.provenance.settings.get("tf_weight_scale")).doubleValue(), 0);
        for (FitResult r : new FitResult[] {plain, zero})
            assertFalse(ModelFiles.read(r.modelFile).history.getAsJsonObject().has("tf_weight_scale_mV_per_ms"), "no weights, no scale");
        assertArrayEquals(plain.network.parameters(), zero.network.parameters(), 0.0, "0 is the equal weights of the unset key, bit for bit");
        assertTrue(weighted.history.epoch_loss.get(0) < plain.history.epoch_loss.get(0), "the same network and data weigh less with the weights: "
                + weighted.history.epoch_loss.get(0) + " against " + plain.history.epoch_loss.get(0));
    }

    @Test
    void badInputLeavesTheOutputFolderUnchanged(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("keep.txt"), "existing results");
        Path shortFile = out.resolve("short.csv");
        StringBuilder sb = new StringBuilder("t_ms,V_mV,I_nA\n");
        for (int k = 0; k < 100; k++) sb.append(k * 0.05).append(",-60,0\n");
        Files.writeString(shortFile, sb.toString());
        Path spec = out.resolve("bad.rmmspec.json");
        Files.writeString(spec, "{\"format_version\":1,\"neurons\":[\"cell\"],\"edges\":[{\"post\":\"cell\",\"pre\":\"cell\","
                + "\"filter_bank\":{\"blocks\":[{\"type\":\"diagonal\",\"tau_ms\":[1,-2]}]},\"currents\":[{\"type\":\"leak\",\"name\":\"leak\",\"g0_uS\":1}]}]}");
        Map<String, byte[]> before = TestData.snapshot(out);

        expectError(out, s -> s.recording_file = out.resolve("missing.csv").toString(), "no such file");
        expectError(out, s -> s.neurons = "V_XX", "V_XX");
        expectError(out, s -> s.currents = "I_nope", "I_nope");
        expectError(out, s -> s.preset = "no-such", "no-such");
        expectError(out, s -> s.selection = "best", "selection");
        expectError(out, s -> s.spec_file = spec.toString(), "positive");
        expectError(out, s -> s.learning_rate = Double.NaN, "learning_rate");
        expectError(out, s -> s.validation_segments = "7", "segment 7");
        expectError(out, s -> { s.recording_file = shortFile.toString(); s.split = "fraction"; s.train_fraction = 0.5; s.validation_fraction = 0.5; },
                "shorter than the filters' transient");
        expectError(out, s -> s.capacitance_nF = -1.0, "capacitance");
        expectError(out, s -> s.epochs = -3, "epochs must be at least 1, got -3");
        expectError(out, s -> s.tf_weight_scale = -2.0, "tf_weight_scale must be a positive multiple");
        expectError(out, s -> s.trainer = "teacher-forcing+shooting", "unknown trainer 'shooting'");
        expectError(out, s -> { s.trainer = "gtf"; s.gamma = 1.5; }, "gamma must lie in [0, 1]");
        expectError(out, s -> { s.trainer = "multiple-shooting"; s.shot_ms = 0.05; }, "at least 2 steps");
        expectError(out, s -> { s.trainer = "multiple-shooting"; s.rho_v = -1.0; }, "rho_v");
        expectError(out, s -> s.filter_realization = "laguerre", "filter_realization");
        assertEqualsBytes(before, TestData.snapshot(out));
    }

    interface Edit { void apply(FitSettings s); }

    void expectError(Path out, Edit edit, String mustMention) {
        FitSettings s = settings(out);
        edit.apply(s);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FitJob.run(s, ProgressListener.NONE, new CancelToken()));
        assertTrue(e.getMessage().contains(mustMention), "message '" + e.getMessage() + "' should mention " + mustMention);
    }

    static void assertEqualsBytes(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        assertFalse(a.isEmpty());
    }
}
