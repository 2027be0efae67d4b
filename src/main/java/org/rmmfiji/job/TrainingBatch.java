package org.rmmfiji.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.EnsembleFile;

/**
 * Batch b of k of a dataset's training part: the training part of every segment cut by time into k contiguous
 * pieces of (nearly) equal length, samples [round(n·(b−1)/k), round(n·b/k)) of a part of n samples, and the b-th
 * piece of each kept. The k batches are disjoint and together are the training part (the authors' batches of the
 * first 35 % and 35–70 % of each file are k = 2 of a 70 % training fraction). Validation and test are untouched, so
 * every member of an ensemble is selected and scored on the same data.
 */
public final class TrainingBatch {
    /** The rule, as the summary and the model files state it. */
    public static final String RULE = "batch b of k: samples [round(n·(b−1)/k), round(n·b/k)) of the training part (n samples) of every segment";

    private final int batch, count;

    /** Batch {@code batch} (from 1) of {@code count}. */
    public TrainingBatch(int batch, int count) {
        if (count < 1 || batch < 1 || batch > count) throw new IllegalArgumentException("batch " + batch + " of " + count);
        this.batch = batch;
        this.count = count;
    }

    public int batch() { return batch; }

    public int count() { return count; }

    /** Where this batch starts within a training part of n samples (its end is {@code from(n)} of the next batch). */
    public int from(int n) { return bound(n, batch - 1); }

    public int to(int n) { return bound(n, batch); }

    private int bound(int n, int b) { return (int) Math.round((double) n * b / count); }

    /** The dataset with this batch of every training segment as its training part (a part left empty is omitted). */
    public Dataset apply(Dataset d) {
        List<Segment> train = new ArrayList<>();
        for (Segment s : d.train()) {
            int a = from(s.length()), e = to(s.length());
            if (e > a) train.add(s.slice(s.name() + "[batch " + batch + "/" + count + "]", a, e));
        }
        return new Dataset(d.recording(), train, d.validation(), d.test());
    }

    /** The samples of this batch within each training segment of {@code d} (before {@link #apply}). */
    public List<EnsembleFile.Range> ranges(Dataset d) {
        List<EnsembleFile.Range> out = new ArrayList<>();
        for (Segment s : d.train()) {
            EnsembleFile.Range r = new EnsembleFile.Range();
            r.segment = s.name();
            r.from = from(s.length());
            r.to = to(s.length());
            r.of = s.length();
            out.add(r);
        }
        return out;
    }

    /** Adds the batch and its samples to a model file's record of the split. */
    void record(Map<String, Object> split, List<EnsembleFile.Range> ranges) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", batch);
        m.put("of", count);
        m.put("rule", RULE);
        m.put("samples", ranges);
        split.put("ensemble_batch", m);
    }
}
