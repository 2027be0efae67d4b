package org.rmmfiji.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A recording split into training, validation and test segments. Every part is a list of segments
 * (views into the recording): a split never joins two segments.
 */
public final class Dataset {
    private final Recording recording;
    private final List<Segment> train;
    private final List<Segment> validation;
    private final List<Segment> test;

    public Dataset(Recording recording, List<Segment> train, List<Segment> validation, List<Segment> test) {
        this.recording = recording;
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.test = List.copyOf(test);
    }

    public Recording recording() { return recording; }
    public List<Segment> train() { return train; }
    public List<Segment> validation() { return validation; }
    public List<Segment> test() { return test; }

    /**
     * Splits every segment by time fraction, as the authors do per file: the first {@code trainFraction}
     * trains, the next {@code validationFraction} validates, the rest tests.
     */
    public static Dataset byFraction(Recording rec, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0) || !(validationFraction >= 0) || trainFraction + validationFraction > 1.0 + 1e-12)
            throw new InvalidInputException("split fractions must satisfy 0 < train, 0 <= validation, train + validation <= 1; got train="
                    + trainFraction + " validation=" + validationFraction);
        List<Segment> tr = new ArrayList<>(), va = new ArrayList<>(), te = new ArrayList<>();
        for (Segment s : rec.segments()) {
            Segment[] parts = parts(s, trainFraction, validationFraction);
            if (parts[0] != null) tr.add(parts[0]);
            if (parts[1] != null) va.add(parts[1]);
            if (parts[2] != null) te.add(parts[2]);
        }
        return new Dataset(rec, tr, va, te);
    }

    /** The train, validation and test parts of one segment by time fraction (null where a part is empty). */
    public static Segment[] parts(Segment s, double trainFraction, double validationFraction) {
        int n = s.length();
        int a = (int) Math.round(n * trainFraction);
        int b = Math.min(n, (int) Math.round(n * (trainFraction + validationFraction)));
        return new Segment[] {a > 0 ? s.slice(s.name() + "[train]", 0, a) : null, b > a ? s.slice(s.name() + "[validation]", a, b) : null,
                n > b ? s.slice(s.name() + "[test]", b, n) : null};
    }

    /** Splits by whole segments: segment indices for training, validation and test. */
    public static Dataset bySegments(Recording rec, int[] trainIdx, int[] validationIdx, int[] testIdx) {
        return new Dataset(rec, pick(rec, trainIdx), pick(rec, validationIdx), pick(rec, testIdx));
    }

    private static List<Segment> pick(Recording rec, int[] idx) {
        List<Segment> out = new ArrayList<>();
        for (int i : idx) {
            if (i < 0 || i >= rec.segments().size())
                throw new InvalidInputException(rec.source() + ": there is no segment " + i + " (it has " + rec.segments().size() + ")");
            out.add(rec.segments().get(i));
        }
        return out;
    }
}
