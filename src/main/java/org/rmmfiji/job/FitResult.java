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
    public List<MetricsReport> metrics;
    public History history;
    /** A free run to show: on validation data when there is some, else test, else training data. */
    public FreeRun.Result preview;
    public String previewPart;
    public double dt;
    public double fitSeconds;
}
