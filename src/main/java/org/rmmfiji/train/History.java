package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.metrics.MetricsReport;

/** What happened during a fit: training loss per epoch with wall time, and every scored snapshot. */
public final class History {

    /** A scored snapshot. */
    public static final class Snapshot {
        public int epoch;
        public double seconds;
        public double selection_value;
        public boolean rejected;
        public String rejected_because;
        public List<MetricsReport> validation = new ArrayList<>();
        transient double[] parameters;
    }

    public String trainer;
    public List<Double> epoch_loss = new ArrayList<>();
    public List<Double> epoch_seconds = new ArrayList<>();
    public List<Snapshot> snapshots = new ArrayList<>();
    /** Index into snapshots of the one kept, or −1. */
    public int selected = -1;
    /** completed, cancelled, or why training stopped early. */
    public String stopped = "completed";
    /** Teacher-forcing samples per epoch (after the transients are dropped). */
    public long samples;
    public double training_seconds;
    public double validation_seconds;
}
