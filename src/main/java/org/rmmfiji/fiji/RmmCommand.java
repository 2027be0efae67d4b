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
import org.rmmfiji.job.ModelRunSettings;

/** What Fit RMM and Predict RMM share: services, the outputs they publish, and how they fail. */
abstract class RmmCommand extends RecordingCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final ModelRunSettings DEFAULTS = new ModelRunSettings();

    @Parameter protected LogService log;
    @Parameter(required = false) protected StatusService status;

    // the keys of ModelRunSettings, declared once for both commands
    @Parameter(label = "Modelled neuron voltage channel(s)", required = false, persist = false, description = "comma separated; empty: guessed when fitting, as fitted when predicting")
    private String neurons = DEFAULTS.neurons;
    @Parameter(label = "Measured input voltage channel(s)", required = false, persist = false, description = "comma separated; empty: guessed when fitting, as fitted when predicting")
    private String inputs = DEFAULTS.inputs;
    @Parameter(label = "Injected current channel(s)", required = false, persist = false, description = "one per modelled neuron; none: no current; empty: guessed or as fitted")
    private String currents = DEFAULTS.currents;
    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File output_dir;
    @Parameter(label = "Output name (empty: recording name)", required = false, persist = false)
    private String output_name = DEFAULTS.output_name;
    @Parameter(label = "Add currents to the prediction", choices = {"", "all"}, required = false, persist = false)
    private String record_currents = DEFAULTS.record_currents;
    @Parameter(label = "Overwrite this command's earlier files", required = false, persist = false)
    private boolean overwrite = DEFAULTS.overwrite;
    @Parameter(label = "Plot window start (ms after the transient)", min = "0", persist = false)
    private double plot_from_ms = DEFAULTS.plot_from_ms;
    @Parameter(label = "Plot window length (ms)", min = "0", persist = false)
    private double plot_length_ms = DEFAULTS.plot_length_ms;

    @Parameter(type = ItemIO.OUTPUT) protected String prediction_file;
    @Parameter(type = ItemIO.OUTPUT) protected String metrics_file;
    @Parameter(type = ItemIO.OUTPUT) protected String plot_file;
    @Parameter(type = ItemIO.OUTPUT) protected String summary;
    /** The warnings of the reader and of the fit's quality, one a line (also logged as they came). */
    @Parameter(type = ItemIO.OUTPUT) protected String warnings;

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
            warnings = String.join("\n", progress.warnings());
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
        StringBuilder sb = new StringBuilder(title() + " wrote:");
        for (Path p : all) sb.append("\n  ").append(p.toAbsolutePath().normalize());
        log.info(sb.toString());
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
