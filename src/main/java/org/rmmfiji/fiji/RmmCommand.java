package org.rmmfiji.fiji;

import java.nio.file.Path;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.job.FitResult;

/** What Fit RMM and Predict RMM share beyond {@link ModelRunCommand}: the prediction outputs they publish. */
abstract class RmmCommand extends ModelRunCommand {
    @Parameter(type = ItemIO.OUTPUT) protected String prediction_file;
    @Parameter(type = ItemIO.OUTPUT) protected String metrics_file;
    @Parameter(type = ItemIO.OUTPUT) protected String plot_file;

    /** Writes the plot next to the prediction and fills the shared outputs. */
    protected void publish(FitResult r, double fitSeconds) {
        List<PredictionPlot.Figure> figures = PredictionPlot.build(r);
        List<Path> pngs = PredictionPlot.save(figures, r.plotFiles);
        if (!java.awt.GraphicsEnvironment.isHeadless()) for (PredictionPlot.Figure f : figures) f.image.show();   // at the rig: look at it
        prediction_file = r.predictionFile.toString();
        metrics_file = r.metricsFile.toString();
        plot_file = pngs.get(0).toString();
        summary = summarise(r.metrics, fitSeconds);
        log.info(summary);
        List<Path> all = new java.util.ArrayList<>(r.written);
        all.addAll(pngs);
        logWritten(all);
    }

    static String summarise(List<MetricsReport> metrics, double seconds) {
        StringBuilder sb = new StringBuilder();
        if (seconds > 0) sb.append(String.format(java.util.Locale.ROOT, "fitted in %.1f s%n", seconds));
        for (MetricsReport m : metrics) {
            sb.append(m);
            if (!org.rmmfiji.job.Quality.verdict(m).equals("ok")) sb.append(" — ").append(org.rmmfiji.job.Quality.verdict(m)).append(": ").append(org.rmmfiji.job.Quality.reason(m));
            sb.append('\n');
        }
        return sb.toString().trim();
    }
}
