package org.rmmfiji.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/**
 * Batch Fit over a folder of two good recordings and a truncated one: one model and one summary row per recording,
 * the bad file a row with its reason; two shards run one after the other and merged give the single run's table.
 */
class BatchJobTest {

    /** A folder with a.csv and c.csv (a small hh recording, and the same cut shorter), b.csv (truncated) and notes.txt. */
    static Path folder(Path dir) throws IOException {
        Path hh = TestData.smallHh(dir.resolve("gen"));
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.copy(hh, in.resolve("a.csv"));
        List<String> lines = Files.readAllLines(hh);
        Files.write(in.resolve("c.csv"), lines.subList(0, lines.size() - 1000));
        Files.writeString(in.resolve("b.csv"), lines.get(0) + "\n" + lines.get(1) + "\n0.1,-65");
        Files.writeString(in.resolve("notes.txt"), "not a recording");
        return in;
    }

    static BatchSettings settings(Path in, Path out) {
        BatchSettings s = new BatchSettings();
        s.input_dir = in.toString();
        s.output_dir = out.toString();
        s.split = "segments";
        s.train_segments = "0";
        s.validation_segments = "1";
        s.epochs = 1;
        s.batch_size = 2000;
        return s;
    }

    @Test
    void everyRecordingIsARowAndShardsMergeIntoTheSingleRunsTable(@TempDir Path dir) throws IOException {
        Path in = folder(dir);
        BatchJob.Result one = BatchJob.run(settings(in, dir.resolve("single")), ProgressListener.NONE, new CancelToken());
        assertEquals(2, one.fitted);
        assertEquals(1, one.failed);
        List<String> table = Files.readAllLines(one.summaryFile);
        assertEquals(BatchJob.HEADER, table.get(0));
        assertEquals(4, table.size(), "a.csv, b.csv, c.csv (notes.txt is not a recording): " + table);
        assertTrue(table.get(1).startsWith("\"a.csv\",fitted,\"a.rmm.json\","), table.get(1));
        assertTrue(table.get(2).startsWith("\"b.csv\",failed,,") && table.get(2).contains("b.csv"), "the bad file's reason: " + table.get(2));
        assertTrue(table.get(3).startsWith("\"c.csv\",fitted,"), table.get(3));
        assertTrue(Files.exists(dir.resolve("single").resolve("c.rmm.json")));
        double score = Double.parseDouble(table.get(1).split(",")[4]);
        assertTrue(score >= 0 && score <= 1, "validation score " + score);

        Path sharded = dir.resolve("sharded");
        for (String k : new String[] {"1/2", "2/2"}) {
            BatchSettings s = settings(in, sharded);
            s.shard = k;
            BatchJob.run(s, ProgressListener.NONE, new CancelToken());
        }
        assertTrue(Files.exists(sharded.resolve("batch-summary-shard-1-of-2.csv")));
        Path merged = BatchJob.merge(sharded, false);
        List<String> m = Files.readAllLines(merged);
        assertEquals(table.size(), m.size());
        for (int i = 0; i < table.size(); i++) {
            // the same fits, but fit_seconds differ from run to run: compare every other column
            String[] a = table.get(i).split(","), b = m.get(i).split(",");
            assertEquals(a.length, b.length);
            for (int c = 0; c < a.length; c++) if (c != 3) assertEquals(a[c], b[c], "row " + i + ", column " + c);
        }
    }

    @Test
    void impossibleSettingsAndIncompleteShardsAreRefused(@TempDir Path dir) throws IOException {
        Path in = folder(dir);
        BatchSettings s = settings(in, dir.resolve("out"));
        s.shard = "3/2";
        assertTrue(assertThrows(InvalidInputException.class, () -> BatchJob.run(s, ProgressListener.NONE, new CancelToken())).getMessage().contains("between 1 and n"));
        BatchSettings p = settings(in, dir.resolve("out"));
        p.pattern = "*.abf";
        assertTrue(assertThrows(InvalidInputException.class, () -> BatchJob.run(p, ProgressListener.NONE, new CancelToken())).getMessage().contains("no file matching *.abf"));
        BatchSettings r = settings(in, dir.resolve("out"));
        r.recording_file = "x.csv";
        assertTrue(assertThrows(InvalidInputException.class, () -> BatchJob.run(r, ProgressListener.NONE, new CancelToken())).getMessage().contains("leave recording_file empty"));
        Files.copy(in.resolve("a.csv"), in.resolve("a.tsv"));
        BatchSettings twins = settings(in, dir.resolve("out"));
        twins.pattern = "a.*";
        assertTrue(assertThrows(InvalidInputException.class, () -> BatchJob.run(twins, ProgressListener.NONE, new CancelToken())).getMessage().contains("same name"));
        Files.delete(in.resolve("a.tsv"));
        Path half = dir.resolve("half");
        BatchSettings k = settings(in, half);
        k.shard = "1/2";
        k.pattern = "a.csv";
        BatchJob.run(k, ProgressListener.NONE, new CancelToken());
        assertTrue(assertThrows(InvalidInputException.class, () -> BatchJob.merge(half, false)).getMessage().contains("shard(s) [2] of 2 are missing"));
    }

    /** A cancel before the first file: every file is a not-run row, and the summary is still written whole. */
    @Test
    void aCancelledBatchWritesItsRows(@TempDir Path dir) throws IOException {
        Path in = folder(dir);
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        BatchJob.Result r = BatchJob.run(settings(in, dir.resolve("out")), ProgressListener.NONE, cancel);
        assertEquals(3, r.notRun);
        List<String> table = Files.readAllLines(r.summaryFile);
        assertEquals(4, table.size());
        for (String row : table.subList(1, 4)) assertTrue(row.contains(",not-run,"), row);
    }
}
