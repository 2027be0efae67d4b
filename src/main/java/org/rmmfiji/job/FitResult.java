package org.rmmfiji.job;

import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.Segment;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.train.History;
import org.rmmfiji.train.TrainingSettings;
import org.rmmfiji.train.Validation;
import java.nio.file.Path;
import java.util.List;

import org.rmmfiji.io.ModelFile;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.FreeRun;

/** What a fit (or a prediction) produced: the files written, the metrics, and one run to plot. */
public final class FitResult {
    public Network network;
    public ModelFile model;
    public Path modelFile;
    public Path predictionFile;
    public Path metricsFile;
    /** Where the front end draws the plots: one per modelled neuron (checked to be free before the job ran). */
    public List<Path> plotFiles;
    /** Every file the job wrote, in order; the front end adds the plots. */
    public List<Path> written;
    /** The plotted window within the preview run (ms from its first sample after the transient). */
    public double plotFrom_ms, plotLength_ms = new ModelRunSettings().plot_length_ms;
    public List<MetricsReport> metrics;
    public History history;
    /** A free run to show: on validation data when there is some, else test, else training data. */
    public FreeRun.Result preview;
    public String previewPart;
    /** The previewed segment: its name and index within its part. */
    public String previewSegment;
    public double dt;
    public double fitSeconds;
    /** What the fit was scored on, so that other snapshots can be scored the same way. */
    Dataset dataset;
    ChannelMap channels;
    TrainingSettings training;

    /**
     * Free-run metrics of another snapshot of this fit (e.g. the best of one pipeline stage) on one part (train,
     * validation or test); the network is left with the parameters it had.
     */
    public List<MetricsReport> evaluate(History.Snapshot snapshot, String part) {
        List<Segment> segs = segments(part);
        double[] kept = network.parameters().clone();
        network.store().setAll(snapshot.parameters());
        try {
            return Validation.evaluate(network, segs, channels, training.score, training.dump_fraction, part);
        } finally {
            network.store().setAll(kept);
        }
    }

    /** The fraction of a segment's start dropped as the filters' transient before free runs are scored and written. */
    public double dumpFraction() { return training.dump_fraction; }

    /** Which recording channel feeds which model voltage and current. */
    public ChannelMap channels() { return channels; }

    /** The settings the fit trained and scored with. */
    public TrainingSettings training() { return training; }

    /** The kept model's free run on the first segment of a part (train, validation or test). */
    public FreeRun.Result freeRun(String part) {
        return FreeRun.run(network, segments(part).get(0), channels, null, training.dump_fraction);
    }

    /** The segments of a part (train, validation or test) as the fit split them. */
    public List<Segment> segments(String part) {
        return part.equals("train") ? dataset.train() : part.equals("validation") ? dataset.validation() : dataset.test();
    }
}
