package org.rmmfiji.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmmfiji.metrics.MetricsReport;

/**
 * The summary of an ensemble of fits {@code *.rmmensemble.json}: the members (seed × batch of the training part),
 * where each one's model file is, how it scored on the shared validation part, and whether it is kept, dropped as one
 * of the worst, failed or was not run; plus the settings. Field names are the file's keys; model file names are
 * relative to the summary's folder, so a folder of results can be moved. The layout is frozen at format_version 1.
 */
public final class EnsembleFile {
    public static final int FORMAT_VERSION = 1;
    public static final String KIND = "rmm-ensemble";

    /** Member status: fitted (every epoch ran, or the fit stopped on a non-finite loss with its best snapshot). */
    public static final String FITTED = "fitted";
    /** Member status: the user cancelled during it; its best snapshot so far was written. Ensemble status too. */
    public static final String CANCELLED = "cancelled";
    /** Member status: it failed (see error); the other members went on. */
    public static final String FAILED = "failed";
    /** Member status: never started (the ensemble was cancelled before), or cancelled before its first snapshot. */
    public static final String NOT_RUN = "not-run";
    /** Ensemble status: every member was tried. */
    public static final String COMPLETED = "completed";

    /** Samples [from, to) of a training segment of {@code of} samples: what one member trained on. */
    public static final class Range {
        public String segment;
        public int from;
        public int to;
        public int of;
    }

    /** One fit of the ensemble. */
    public static final class Member {
        /** Its place, from 1, in the order of fitting: seed index, then batch. */
        public int member;
        public String name;
        /** Its model file, relative to the summary's folder (null when nothing was written). */
        public String file;
        public int seed_index;
        public long seed;
        /** Batch of the training part, from 1 (of the summary's {@code segments}). */
        public int batch;
        public List<Range> training = new ArrayList<>();
        /** fitted, cancelled, failed or not-run. */
        public String status = NOT_RUN;
        /** Written and not dropped: what an analysis of the ensemble loads. */
        public boolean kept;
        /** Written, but one of the {@code drop_worst} worst by the selection metric. */
        public boolean dropped;
        /** Its rank among the written members by the selection metric, 1 the best; 0 when not written. */
        public int rank;
        /** The selection metric on the validation part (mean over modelled neurons); NaN when not written or no validation data. */
        public double selection_value = Double.NaN;
        /** The free-run metrics on the validation part, one per modelled neuron. */
        public List<MetricsReport> validation = new ArrayList<>();
        /** Why its training stopped: completed, cancelled or non-finite-loss. */
        public String stopped;
        /** The epoch of its kept snapshot (0: none). */
        public int epoch;
        public double fit_seconds;
        /** Why it failed, why its training stopped early, or why it was not run; null otherwise. */
        public String error;
        /** Every file written for it, relative to the summary's folder. */
        public List<String> files = new ArrayList<>();
    }

    public int format_version = FORMAT_VERSION;
    public String kind = KIND;
    /** The output name the members' names start with. */
    public String name;
    /** completed or cancelled. */
    public String status;
    public int seeds;
    public int segments;
    public int drop_worst;
    /** The selection metric that ranks members (score, loss, gamma or combined) and whether higher is better. */
    public String selection;
    public boolean higher_is_better;
    public String seed_rule;
    public String batch_rule;
    public List<Member> members = new ArrayList<>();
    /** The fit settings as the user gave them. */
    public Map<String, Object> settings = new LinkedHashMap<>();
    public String software_version;
    public String software_commit;
    public String created;
    public List<String> notes = new ArrayList<>();
}
