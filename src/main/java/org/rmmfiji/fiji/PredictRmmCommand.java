package org.rmmfiji.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.train.FitResult;
import org.rmmfiji.train.PredictJob;
import org.rmmfiji.train.PredictSettings;

/** Predict RMM: a fitted model and a recording → free-run prediction CSV, PNG, and metrics. */
@Plugin(type = Command.class, label = "Predict RMM", headless = true,
        description = "Predict a recording with a fitted recurrent mechanistic model")
public class PredictRmmCommand extends ContextCommand {

    @Parameter private LogService log;
    @Parameter(required = false) private StatusService status;

    @Parameter(label = "Model file (*.rmm.json)", style = FileWidget.OPEN_STYLE, persist = false)
    private File model_file;
    @Parameter(label = "Recording (CSV)", style = FileWidget.OPEN_STYLE, persist = false)
    private File recording_file;
    @Parameter(label = "Modelled neuron voltage channel(s)", required = false, persist = false)
    private String neurons = "";
    @Parameter(label = "Measured input voltage channel(s)", required = false, persist = false)
    private String inputs = "";
    @Parameter(label = "Injected current channel(s)", required = false, persist = false)
    private String currents = "";
    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File output_dir;
    @Parameter(label = "Output name (empty: recording name)", required = false, persist = false)
    private String output_name = "";
    @Parameter(label = "Add currents to the prediction", choices = {"", "all"}, required = false, persist = false)
    private String record_currents = "";

    @Parameter(type = ItemIO.OUTPUT) private String prediction_file;
    @Parameter(type = ItemIO.OUTPUT) private String metrics_file;
    @Parameter(type = ItemIO.OUTPUT) private String plot_file;
    @Parameter(type = ItemIO.OUTPUT) private double score;
    @Parameter(type = ItemIO.OUTPUT) private String summary;

    @Override
    public void run() {
        PredictSettings s = CommandFields.copy(this, new PredictSettings());
        CommandProgress progress = new CommandProgress(log, status, null);
        try {
            FitResult r = PredictJob.run(s, progress);
            String base = r.predictionFile.getFileName().toString().replace(".csv", "");
            List<Path> pngs = PredictionPlot.save(PredictionPlot.build(r), r, r.predictionFile.toAbsolutePath().getParent(), base);
            prediction_file = r.predictionFile.toString();
            metrics_file = r.metricsFile.toString();
            plot_file = pngs.get(0).toString();
            score = FitRmmCommand.selectedScore(r.metrics);
            summary = FitRmmCommand.summarise(r.metrics, 0);
            log.info(summary);
        } catch (InvalidInputException e) {
            log.error("Predict RMM: " + e.getMessage());
            cancel("Predict RMM: " + e.getMessage());
        } catch (java.io.IOException e) {
            log.error("Predict RMM: could not read or write a file: " + e.getMessage());
            cancel("Predict RMM: could not read or write a file: " + e.getMessage());
        } finally {
            progress.close();
        }
    }
}
