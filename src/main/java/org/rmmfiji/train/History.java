package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.metrics.MetricsReport;

/** What happened during a fit: training loss per epoch with wall time, and every scored snapshot. */
public final class History {
    /** The trainer name of the snapshot of epoch 0 when a fit continues from a model: that model, scored before training. */
    public static final String STARTING_MODEL = "starting model";

    /** A scored snapshot. */
    public static final class Snapshot {
        public int epoch;
        public double seconds;
        public double selection_value;
        public boolean rejected;
        /** Set by the snapshot selector when this is the best so far (what a stop now would keep); not written to files. */
        public transient boolean best_so_far;
        public String rejected_because;
        public List<MetricsReport> validation = new ArrayList<>();
        transient double[] parameters;
        /** The trainer (pipeline stage) that produced this snapshot. */
        public String trainer;

        /** The network parameters of this snapshot (a copy). */
        public double[] parameters() { return parameters.clone(); }
    }

    /** One stage of a pipeline and the epochs it ran (numbered across stages, inclusive). */
    public static final class Stage {
        public String trainer;
        public int first_epoch;
        public int last_epoch;
        /** Samples per epoch and training seconds (validation excluded) of this stage. */
        public long samples;
        public double seconds;

        Stage(String trainer, int first, int last, long samples, double seconds) {
            this.trainer = trainer;
            this.first_epoch = first;
            this.last_epoch = last;
            this.samples = samples;
            this.seconds = seconds;
        }
    }

    /** The pipeline, e.g. teacher-forcing+multiple-shooting. */
    public String trainer;
    public List<Stage> stages = new ArrayList<>();
    /** The training loss of each epoch, as the stage defines it (weighted, for teacher forcing with sample weights). */
    public List<Double> epoch_loss = new ArrayList<>();
    public List<Double> epoch_seconds = new ArrayList<>();
    public List<Snapshot> snapshots = new ArrayList<>();
    /** Index into snapshots of the one kept, or −1. */
    public int selected = -1;
    public StopReason stopped = StopReason.COMPLETED;
    /** Details of an early stop (which epoch, which value), or null. */
    public String stop_detail;
    /**
     * Per modelled neuron, the scale s (mV/ms) of teacher forcing's sample weights (0 for a neuron whose voltage did not
     * move, whose samples all weighed 1); null when the settings weigh every sample alike.
     */
    public double[] tf_weight_scale_mV_per_ms;
    /** Samples per epoch of the last stage (after the transients are dropped). */
    public long samples;
    public double training_seconds;
    public double validation_seconds;
}
