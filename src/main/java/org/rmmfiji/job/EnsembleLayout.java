package org.rmmfiji.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.InvalidInputException;

/**
 * The members an ensemble setting asks for: {@code ensemble_seeds} seeds × {@code ensemble_segments} batches of the
 * training part, checked (a value out of range is refused, never replaced), with each member's seed and name.
 *
 * <p>Seeds: member seed index s (1…n) trains from {@code seed + s − 1}, the same for every batch, so that seed index 1
 * is the ordinary fit's seed and members of one batch differ only by their seed, members of one seed only by their
 * data. Names: {@code NAME-ensemble-sS-bB}, S and B padded with zeros to the width of n and k so that the files sort.
 */
public final class EnsembleLayout {
    /** Seeds, batches, members to drop. */
    public final int seeds, segments, dropWorst;

    private EnsembleLayout(int seeds, int segments, int dropWorst) {
        this.seeds = seeds;
        this.segments = segments;
        this.dropWorst = dropWorst;
    }

    /** The layout of a fit's settings, or a message naming the key that is out of range. */
    public static EnsembleLayout of(FitSettings s) {
        if (s.ensemble_seeds < 1)
            throw new InvalidInputException("ensemble_seeds must be at least 1 (1: one seed), got " + s.ensemble_seeds);
        if (s.ensemble_segments < 1)
            throw new InvalidInputException("ensemble_segments must be at least 1 (1: the whole training part), got " + s.ensemble_segments);
        long members = (long) s.ensemble_seeds * s.ensemble_segments;
        if (members > 10_000)
            throw new InvalidInputException("ensemble_seeds × ensemble_segments = " + members + " fits; at most 10000");
        if (s.ensemble_drop_worst < 0 || s.ensemble_drop_worst >= members)
            throw new InvalidInputException("ensemble_drop_worst must be at least 0 and less than the " + members + " member(s) of ensemble_seeds="
                    + s.ensemble_seeds + " × ensemble_segments=" + s.ensemble_segments + " (at least one is kept), got " + s.ensemble_drop_worst);
        return new EnsembleLayout(s.ensemble_seeds, s.ensemble_segments, s.ensemble_drop_worst);
    }

    /** How many members: seeds × batches. */
    public int size() { return seeds * segments; }

    /** {@code ensemble_seeds=4, ensemble_segments=2}. */
    String describe() { return "ensemble_seeds=" + seeds + ", ensemble_segments=" + segments; }

    /** The seed of seed index s (from 1): the user's seed + s − 1. */
    public static long seed(long userSeed, int seedIndex) { return userSeed + (seedIndex - 1); }

    /** One member: its place in the ensemble (1-based, seed-major: s1-b1, s1-b2, …), seed index and batch. */
    public static final class Member {
        public final int index, seedIndex, batch;
        public final long seed;
        public final String name;

        Member(int index, int seedIndex, int batch, long seed, String name) {
            this.index = index;
            this.seedIndex = seedIndex;
            this.batch = batch;
            this.seed = seed;
            this.name = name;
        }
    }

    /** Every member, in the order they are fitted (and their files sort): seed index, then batch. */
    public List<Member> members(String outputName, long userSeed) {
        List<Member> out = new ArrayList<>();
        int i = 0;
        for (int s = 1; s <= seeds; s++)
            for (int b = 1; b <= segments; b++) out.add(new Member(++i, s, b, seed(userSeed, s), memberName(outputName, s, b)));
        return out;
    }

    /** {@code NAME-ensemble-s1-b1}, zero-padded to the width of the largest index. */
    String memberName(String outputName, int seedIndex, int batch) {
        return String.format(Locale.ROOT, "%s-ensemble-s%0" + digits(seeds) + "d-b%0" + digits(segments) + "d", outputName, seedIndex, batch);
    }

    private static int digits(int n) { return Integer.toString(n).length(); }
}
