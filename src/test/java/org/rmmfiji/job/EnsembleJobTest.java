package org.rmmfiji.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.EnsembleFile;
import org.rmmfiji.io.EnsembleFiles;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.SelectionMetric;

/** Ensembles over seeds × batches of the training part, on the small hh recording with two-epoch members. */
class EnsembleJobTest {
    @TempDir static Path data;
    static Path hh;

    @BeforeAll
    static void makeData() throws IOException {
        hh = TestData.smallHh(data);
    }

    /** Segment 0 (1.8 s) trains, segment 1 validates; two epochs per member. */
    static FitSettings settings(Path out, int seeds, int segments) {
        FitSettings s = FitJobTest.settingsFor(hh, out);
        s.epochs = 2;
        s.ensemble_seeds = seeds;
        s.ensemble_segments = segments;
        return s;
    }

    @Test
    void aWarningBeforeTrainingIsGivenOnceForTheWholeEnsemble(@TempDir Path out) throws IOException {
        FitSettings s = settings(out, 2, 1);
        s.closed_loop_epochs = 2;                      // teacher forcing alone never reads it
        List<String> warnings = new ArrayList<>();
        ProgressListener log = new ProgressListener() {
            @Override public void warning(String text) { warnings.add(text); }
        };
        EnsembleJob.run(s, log, new CancelToken(), null);
        assertTrue(warnings.get(0).startsWith("closed_loop_epochs=2 is a setting of multiple shooting or GTF"), "first, before any member: " + warnings);
        assertEquals(1, warnings.stream().filter(w -> w.contains("closed_loop_epochs=2")).count(), "once, not per member: " + warnings);
    }

    @Test
    void everyMemberIsWrittenLoadsAndIsListedWithItsScore(@TempDir Path out) throws IOException {
        FitSettings s = settings(out, 2, 2);
        s.seed = 7;
        s.ensemble_drop_worst = 1;
        List<String> lines = new ArrayList<>();
        ProgressListener log = new ProgressListener() {
            @Override public void message(String text) { lines.add(text); }
        };
        EnsembleResult r = EnsembleJob.run(s, log, new CancelToken(), null);

        List<String> names = List.of("hh-ensemble-s1-b1", "hh-ensemble-s1-b2", "hh-ensemble-s2-b1", "hh-ensemble-s2-b2");
        long[] seeds = {7, 7, 8, 8};
        int[] batches = {1, 2, 1, 2};
        EnsembleFile f = EnsembleFiles.read(out.resolve("hh" + EnsembleFiles.SUFFIX));
        assertEquals(EnsembleFile.COMPLETED, f.status);
        assertEquals(4, f.members.size());
        assertEquals("combined", f.selection, "the preset's selection metric ranks the members");
        assertEquals(2, ((Number) f.settings.get("ensemble_seeds")).intValue());
        List<ModelFile> models = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EnsembleFile.Member m = f.members.get(i);
            assertEquals(i + 1, m.member);
            assertEquals(names.get(i), m.name);
            assertEquals(names.get(i) + ModelFiles.SUFFIX, m.file);
            assertEquals(seeds[i], m.seed);
            assertEquals(batches[i], m.batch);
            assertEquals(EnsembleFile.FITTED, m.status);
            assertEquals("completed", m.stopped);
            assertTrue(Double.isFinite(m.selection_value), m.name + " has a validation score");
            assertEquals(1, m.validation.size());
            assertEquals("validation", m.validation.get(0).part);
            assertTrue(m.files.contains(names.get(i) + "-metrics.csv"), m.files.toString());
            ModelFile mf = ModelFiles.read(out.resolve(m.file));
            ModelFiles.toNetwork(mf, m.file);
            assertEquals(seeds[i], mf.provenance.seed);
            assertTrue(mf.provenance.split.containsKey("ensemble_batch"), "the model file says which batch it trained on");
            models.add(mf);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Ensemble member " + m.member + "/4 (" + m.name + "): seed")), "progress names the member");
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("member 3/4: ")), "the member's own lines say which member: " + lines);
        // seeds differ (same batch, other seed) and so do batches (same seed, other data)
        assertFalse(Arrays.equals(models.get(0).parameters.get(0).values, models.get(2).parameters.get(0).values));
        assertFalse(Arrays.equals(models.get(0).parameters.get(0).values, models.get(1).parameters.get(0).values));

        // drop_worst=1 drops the member with the lowest combined metric (of equals, the lowest validation score), and only it
        EnsembleFile.Member worst = f.members.get(0);
        for (EnsembleFile.Member m : f.members)
            if (m.selection_value < worst.selection_value || m.selection_value == worst.selection_value
                    && m.validation.get(0).score < worst.validation.get(0).score) worst = m;
        List<Path> kept = new ArrayList<>();
        for (EnsembleFile.Member m : f.members) {
            assertEquals(m == worst, m.dropped, m.name);
            assertEquals(m != worst, m.kept, m.name);
            if (m != worst) kept.add(out.resolve(m.file).toAbsolutePath());
        }
        assertEquals(4, worst.rank);
        assertEquals(kept, EnsembleFiles.keptModels(out.resolve("hh" + EnsembleFiles.SUFFIX)));
        assertEquals(kept, r.keptModels.stream().map(Path::toAbsolutePath).toList());
        assertTrue(Files.exists(out.resolve(worst.file)), "a dropped member is still written");

        List<String> table = Files.readAllLines(out.resolve("hh-ensemble.csv"));
        assertEquals(5, table.size(), "a header and one row per member");
        assertEquals(EnsembleFiles.TABLE_HEADER, table.get(0));
        assertTrue(table.get(worst.member).contains(",fitted,false,true,4,combined,"), table.get(worst.member));
    }

    @Test
    void batchesAreDisjointContiguousAndCoverTheTrainingPart(@TempDir Path out) throws IOException {
        FitSettings s = settings(out, 2, 3);
        EnsembleJob.Plan plan = EnsembleJob.plan(s);
        assertEquals(6, plan.fits.size());
        Segment whole = plan.source.recording.segments().get(0);           // split=segments: segment 0 is the training part
        for (int seed = 0; seed < 2; seed++) {
            int at = whole.offset();
            for (int b = 0; b < 3; b++) {
                FitJob.Plan p = plan.fits.get(seed * 3 + b);
                assertEquals(1, p.dataset.train().size());
                Segment piece = p.dataset.train().get(0);
                assertTrue(piece.backing(0) == whole.backing(0), "a view into the recording");
                assertEquals(at, piece.offset(), "batch " + (b + 1) + " starts where the previous one ended");
                at += piece.length();
                assertEquals(plan.fits.get(0).dataset.validation().get(0).offset(), p.dataset.validation().get(0).offset(), "one validation part");
                assertEquals(plan.fits.get(0).dataset.validation().get(0).length(), p.dataset.validation().get(0).length());
                assertEquals(EnsembleLayout.seed(s.seed, seed + 1), p.training.seed);
                EnsembleFile.Range range = p.batchRanges.get(0);
                assertEquals(piece.offset() - whole.offset(), range.from);
                assertEquals(range.from + piece.length(), range.to);
                assertEquals(whole.length(), range.of);
            }
            assertEquals(whole.offset() + whole.length(), at, "the batches cover the training part");
        }
        // the rule itself, for lengths that do not divide
        for (int n : new int[] {1, 7, 10, 36_001})
            for (int k = 1; k <= 5; k++) {
                int end = 0;
                for (int b = 1; b <= k; b++) {
                    TrainingBatch t = new TrainingBatch(b, k);
                    assertEquals(end, t.from(n));
                    assertTrue(t.to(n) >= t.from(n));
                    end = t.to(n);
                }
                assertEquals(n, end);
            }
    }

    @Test
    void badValuesAreRefusedWithAMessageAndNothingIsWritten(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("keep.txt"), "existing results");
        Map<String, byte[]> before = TestData.snapshot(out);
        expectError(out, s -> s.ensemble_seeds = 0, "ensemble_seeds must be at least 1 (1: one seed), got 0");
        expectError(out, s -> s.ensemble_seeds = -2, "ensemble_seeds must be at least 1 (1: one seed), got -2");
        expectError(out, s -> s.ensemble_segments = 0, "ensemble_segments must be at least 1");
        expectError(out, s -> s.ensemble_drop_worst = -1, "ensemble_drop_worst must be at least 0");
        expectError(out, s -> s.ensemble_drop_worst = 4, "less than the 4 member(s)");
        expectError(out, s -> s.ensemble_segments = 5, "ensemble_segments=5 cuts each training part into 5 batches");
        expectError(out, s -> { s.validation_segments = ""; s.ensemble_drop_worst = 1; }, "ensemble_drop_worst=1 ranks the members on validation data");
        expectError(out, s -> s.neurons = "V_XX", "V_XX");
        // one fit keeps its checks: drop_worst needs members, FitJob refuses to run an ensemble as one fit
        FitSettings one = FitJobTest.settingsFor(hh, out);
        one.ensemble_drop_worst = 1;
        assertTrue(assertThrows(InvalidInputException.class, () -> FitJob.run(one, ProgressListener.NONE, new CancelToken())).getMessage()
                .contains("less than the 1 member(s)"));
        assertTrue(assertThrows(InvalidInputException.class, () -> FitJob.run(settings(out, 2, 1), ProgressListener.NONE, new CancelToken())).getMessage()
                .contains("run it with EnsembleJob"));
        assertFalse(EnsembleJob.isEnsemble(new FitSettings()), "the defaults are one fit");
        FitJobTest.assertEqualsBytes(before, TestData.snapshot(out));
        // an existing summary is not replaced without overwrite, and its members are not touched
        Files.writeString(out.resolve("hh.rmmensemble.json"), "{}");
        before = TestData.snapshot(out);
        expectError(out, s -> {}, "hh.rmmensemble.json exists already");
        FitJobTest.assertEqualsBytes(before, TestData.snapshot(out));
    }

    void expectError(Path out, FitJobTest.Edit edit, String mustMention) {
        FitSettings s = settings(out, 2, 2);
        edit.apply(s);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EnsembleJob.run(s, ProgressListener.NONE, new CancelToken(), null));
        assertTrue(e.getMessage().contains(mustMention), "message '" + e.getMessage() + "' should mention " + mustMention);
    }

    @Test
    void cancelKeepsWhatWasDoneAndMarksTheRestNotRun(@TempDir Path out, @TempDir Path out2) throws IOException {
        CancelToken c = new CancelToken();
        int[] snapshots = {0};
        ProgressListener cancelInSecond = new ProgressListener() {
            @Override public void snapshot(History.Snapshot snap) { if (++snapshots[0] == 3) c.cancel(); }    // member 2's first snapshot
        };
        EnsembleResult r = EnsembleJob.run(settings(out, 2, 2), cancelInSecond, c, null);
        assertTrue(r.cancelled);
        EnsembleFile f = EnsembleFiles.read(r.summaryFile);
        assertEquals(EnsembleFile.CANCELLED, f.status);
        assertEquals(List.of(EnsembleFile.FITTED, EnsembleFile.CANCELLED, EnsembleFile.NOT_RUN, EnsembleFile.NOT_RUN),
                f.members.stream().map(m -> m.status).toList());
        assertEquals("cancelled", f.members.get(1).stopped);
        assertEquals(1, f.members.get(1).epoch, "member 2 kept its best snapshot so far");
        assertTrue(f.members.get(0).kept && f.members.get(1).kept && !f.members.get(2).kept && !f.members.get(3).kept);
        assertNull(f.members.get(2).file);
        assertTrue(f.members.get(3).error.contains("cancelled"), f.members.get(3).error);
        assertEquals(2, EnsembleFiles.keptModels(r.summaryFile).size());
        assertTrue(Files.exists(out.resolve("hh-ensemble-s1-b2.rmm.json")));
        assertFalse(Files.exists(out.resolve("hh-ensemble-s2-b1.rmm.json")) || Files.exists(out.resolve("hh-ensemble-s2-b2.rmm.json")));

        // cancelled before any member had a snapshot: nothing at all is written
        CancelToken early = new CancelToken();
        early.cancel();
        assertThrows(FitJob.CancelledException.class, () -> EnsembleJob.run(settings(out2, 2, 2), ProgressListener.NONE, early, null));
        assertEquals(0, TestData.snapshot(out2).size());
    }

    @Test
    void aFailingMemberIsReportedAndTheOthersAreKept(@TempDir Path out) throws IOException {
        // member 2's model file cannot be written: a folder with a file in it stands where it goes
        Path blocked = out.resolve("hh-ensemble-s1-b2.rmm.json");
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("x"), "x");
        FitSettings s = settings(out, 1, 3);
        s.epochs = 1;
        s.overwrite = true;
        List<String> warnings = new ArrayList<>();
        ProgressListener log = new ProgressListener() {
            @Override public void warning(String text) { warnings.add(text); }
        };
        EnsembleResult r = EnsembleJob.run(s, log, new CancelToken(), null);
        EnsembleFile f = EnsembleFiles.read(r.summaryFile);
        assertEquals(EnsembleFile.COMPLETED, f.status);
        assertEquals(List.of(EnsembleFile.FITTED, EnsembleFile.FAILED, EnsembleFile.FITTED), f.members.stream().map(m -> m.status).toList());
        assertNotNull(f.members.get(1).error);
        assertTrue(f.members.get(1).error.contains("hh-ensemble-s1-b2.rmm.json"), f.members.get(1).error);
        assertFalse(f.members.get(1).kept);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("member 2/3") && w.contains("failed")), warnings.toString());
        assertEquals(List.of(out.resolve("hh-ensemble-s1-b1.rmm.json").toAbsolutePath(), out.resolve("hh-ensemble-s1-b3.rmm.json").toAbsolutePath()),
                EnsembleFiles.keptModels(r.summaryFile));
    }

    @Test
    void dropWorstRanksTheWrittenMembersByTheSelectionMetric() {
        double[] loss = {0.3, Double.NaN, 0.1, 0.5, 0.2};
        String[] status = {EnsembleFile.FITTED, EnsembleFile.FITTED, EnsembleFile.CANCELLED, EnsembleFile.FITTED, EnsembleFile.FAILED};
        List<EnsembleFile.Member> members = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) {
            EnsembleFile.Member m = new EnsembleFile.Member();
            m.member = i + 1;
            m.selection_value = loss[i];
            m.status = status[i];
            members.add(m);
        }
        assertEquals(2, EnsembleSelection.apply(members, 2, SelectionMetric.LOSS));
        // written: 1 (0.3), 2 (NaN), 3 (0.1), 4 (0.5); lower loss is better and NaN is worst; member 5 failed
        assertArrayEquals(new int[] {2, 4, 1, 3, 0}, members.stream().mapToInt(m -> m.rank).toArray());
        assertEquals(List.of(false, true, false, true, false), members.stream().map(m -> m.dropped).toList());
        assertEquals(List.of(true, false, true, false, false), members.stream().map(m -> m.kept).toList());
        // equal values are ranked by the validation score
        for (EnsembleFile.Member m : members) m.status = EnsembleFile.FITTED;
        double[] score = {0.2, 0.4, 0.3, 0.1, 0.5};
        for (int i = 0; i < 5; i++) {
            members.get(i).selection_value = 0;
            org.rmmfiji.metrics.MetricsReport v = new org.rmmfiji.metrics.MetricsReport();
            v.score = score[i];
            members.get(i).validation.add(v);
        }
        EnsembleSelection.apply(members, 1, SelectionMetric.COMBINED);
        assertArrayEquals(new int[] {4, 2, 3, 5, 1}, members.stream().mapToInt(m -> m.rank).toArray());
        // never every member: with one written, it is kept
        for (EnsembleFile.Member m : members) if (m.member != 4) m.status = EnsembleFile.NOT_RUN;
        assertEquals(0, EnsembleSelection.apply(members, 2, SelectionMetric.LOSS));
        assertTrue(members.get(3).kept);
    }
}
