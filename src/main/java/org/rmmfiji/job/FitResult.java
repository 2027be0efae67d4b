package org.rmmfiji.job;

import org.rmmfiji.train.History;
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
}
