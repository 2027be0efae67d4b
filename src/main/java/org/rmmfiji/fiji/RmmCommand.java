package org.rmmfiji.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;

/** What Fit RMM and Predict RMM share: services, the outputs they publish, and how they fail. */
abstract class RmmCommand extends RecordingCommand {

    @Parameter protected LogService log;
    @Parameter(required = false) protected StatusService status;

    // the keys of ModelRunSettings, declared once for both commands
    @Parameter(label = "Modelled neuron voltage channel(s)", required = false, persist = false, description = "comma separated; empty: guessed when fitting, as fitted when predicting")
    private String neurons = "";
    @Parameter(label = "Measured input voltage channel(s)", required = false, persist = false, description = "comma separated; empty: guessed when fitting, as fitted when predicting")
    private String inputs = "";
    @Parameter(label = "Injected current channel(s)", required = false, persist = false, description = "one per modelled neuron; none: no current; empty: guessed or as fitted")
    private String currents = "";
    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File output_dir;
    @Parameter(label = "Output name (empty: recording name)", required = false, persist = false)
    private String output_name = "";
    @Parameter(label = "Add currents to the prediction", choices = {"", "all"}, required = false, persist = false)
    private String record_currents = "";

    @Parameter(type = ItemIO.OUTPUT) protected String prediction_file;
    @Parameter(type = ItemIO.OUTPUT) protected String metrics_file;
    @Parameter(type = ItemIO.OUTPUT) protected String plot_file;
    @Parameter(type = ItemIO.OUTPUT) protected double score;
    @Parameter(type = ItemIO.OUTPUT) protected String summary;

    /** The work of the command; throws on bad input, I/O problems or cancellation. */
    protected abstract void work(CommandProgress progress) throws java.io.IOException;

    protected abstract String title();

    @Override
    public final void run() {
        CommandProgress progress = progress();
        try {
            work(progress);
        } catch (InvalidInputException | FitJob.CancelledException e) {
            fail(e.getMessage());
        } catch (java.io.IOException e) {
            fail("could not read or write a file: " + e.getMessage());
        } finally {
            progress.close();
        }
    }

    /** Progress reporting for this command (a GUI fit adds a dialog with a Cancel button). */
    protected CommandProgress progress() { return new CommandProgress(log, status, null); }

    private void fail(String message) {
        log.error(title() + ": " + message);
        cancel(title() + ": " + message);
    }

    /** Writes the plot next to the prediction and fills the shared outputs. */
    protected void publish(FitResult r, double fitSeconds) {
        String base = r.predictionFile.getFileName().toString().replace(".csv", "");
        List<ij.gui.Plot> plots = PredictionPlot.build(r);
        List<Path> pngs = PredictionPlot.save(plots, r, r.predictionFile.toAbsolutePath().getParent(), base);
        if (!java.awt.GraphicsEnvironment.isHeadless()) for (ij.gui.Plot p : plots) p.show();   // at the rig: look at it
        prediction_file = r.predictionFile.toString();
        metrics_file = r.metricsFile.toString();
        plot_file = pngs.get(0).toString();
        score = selectedScore(r.metrics);
        summary = summarise(r.metrics, fitSeconds);
        log.info(summary);
    }

    /** The score of the first neuron on validation data (else test, training data, or the whole recording). */
    static double selectedScore(List<MetricsReport> metrics) {
        for (String part : new String[] {"validation", "test", "train", "recording"})
            for (MetricsReport m : metrics) if (m.part.equals(part)) return m.score;
        return Double.NaN;
    }

    static String summarise(List<MetricsReport> metrics, double seconds) {
        StringBuilder sb = new StringBuilder();
        if (seconds > 0) sb.append(String.format(java.util.Locale.ROOT, "fitted in %.1f s%n", seconds));
        for (MetricsReport m : metrics) sb.append(m).append('\n');
        return sb.toString().trim();
    }
}
