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
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.model.Presets;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.FitJob;
import org.rmmfiji.train.FitResult;
import org.rmmfiji.train.FitSettings;

/**
 * Fit RMM: fits a recurrent mechanistic model to a recording and writes the model file, the free-run
 * prediction (CSV and PNG) and the metrics table. Parameter names are {@link FitSettings}' fields.
 * Its Fiji menu entry and IJ1 macro name come from plugins.config ({@link Rmm_Bridge}).
 */
@Plugin(type = Command.class, label = "Fit RMM", headless = true,
        description = "Fit a recurrent mechanistic model (Burghi et al., PNAS 2025) to an intracellular recording")
public class FitRmmCommand extends ContextCommand {

    @Parameter private LogService log;
    @Parameter(required = false) private StatusService status;

    @Parameter(label = "Recording (CSV)", style = FileWidget.OPEN_STYLE, persist = false)
    private File recording_file;
    @Parameter(label = "Preset", choices = {Presets.HH_LUMPED, Presets.LP_PD}, persist = false)
    private String preset = "hh-lumped";
    @Parameter(label = "Modelled neuron voltage channel(s)", required = false, persist = false, description = "comma separated; empty: guessed")
    private String neurons = "";
    @Parameter(label = "Measured input voltage channel(s)", required = false, persist = false, description = "comma separated; empty: guessed")
    private String inputs = "";
    @Parameter(label = "Injected current channel(s)", required = false, persist = false, description = "one per modelled neuron; empty: guessed; none: no current")
    private String currents = "";
    @Parameter(label = "Architecture file (optional)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
    private File spec_file;
    @Parameter(label = "Filter realisation", choices = {"preset", "diagonal", "gobf"}, persist = false)
    private String filter_realization = "preset";
    @Parameter(label = "Continue from model (optional)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
    private File initial_model;
    @Parameter(label = "Split", choices = {"fraction", "segments"}, persist = false)
    private String split = "fraction";
    @Parameter(label = "Training fraction (0: preset)", min = "0", max = "1", persist = false)
    private double train_fraction = 0;
    @Parameter(label = "Validation fraction (-1: preset)", min = "-1", max = "1", persist = false)
    private double validation_fraction = -1;
    @Parameter(label = "Training segments", required = false, persist = false)
    private String train_segments = "";
    @Parameter(label = "Validation segments", required = false, persist = false)
    private String validation_segments = "";
    @Parameter(label = "Test segments", required = false, persist = false)
    private String test_segments = "";
    @Parameter(label = "Epochs (0: preset)", min = "0", persist = false)
    private int epochs = 0;
    @Parameter(label = "Learning rate (0: preset)", min = "0", persist = false)
    private double learning_rate = 0;
    @Parameter(label = "Mini-batch size (0: preset)", min = "0", persist = false)
    private int batch_size = 0;
    @Parameter(label = "L2 weight (-1: preset)", min = "-1", persist = false)
    private double l2 = -1;
    @Parameter(label = "Snapshot every (epochs, 0: preset)", min = "0", persist = false)
    private int snapshot_every = 0;
    @Parameter(label = "Select snapshot by", choices = {"score", "loss", "gamma"}, persist = false)
    private String selection = "score";
    @Parameter(label = "Random seed", persist = false)
    private long seed = 1;
    @Parameter(label = "Threads (0: all cores)", min = "0", persist = false)
    private int threads = 0;
    @Parameter(label = "Known capacitance (nF, 0: learn)", min = "0", persist = false)
    private double capacitance_nF = 0;
    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File output_dir;
    @Parameter(label = "Output name (empty: recording name)", required = false, persist = false)
    private String output_name = "";
    @Parameter(label = "Add currents to the prediction", choices = {"", "all"}, required = false, persist = false)
    private String record_currents = "";

    @Parameter(type = ItemIO.OUTPUT) private String model_file;
    @Parameter(type = ItemIO.OUTPUT) private String prediction_file;
    @Parameter(type = ItemIO.OUTPUT) private String metrics_file;
    @Parameter(type = ItemIO.OUTPUT) private String plot_file;
    @Parameter(type = ItemIO.OUTPUT) private double score;
    @Parameter(type = ItemIO.OUTPUT) private String summary;

    @Override
    public void run() {
        FitSettings s = CommandFields.copy(this, new FitSettings());
        CancelToken cancel = new CancelToken();
        CommandProgress progress = new CommandProgress(log, status, FitProgressDialog.openIfPossible(cancel));
        try {
            FitResult r = FitJob.run(s, progress, cancel);
            String base = r.modelFile.getFileName().toString().replace(".rmm.json", "") + "-prediction";
            List<Path> pngs = PredictionPlot.save(PredictionPlot.build(r), r, r.modelFile.toAbsolutePath().getParent(), base);
            model_file = r.modelFile.toString();
            prediction_file = r.predictionFile.toString();
            metrics_file = r.metricsFile.toString();
            plot_file = pngs.get(0).toString();
            score = selectedScore(r.metrics);
            summary = summarise(r.metrics, r.fitSeconds);
            log.info(summary);
        } catch (InvalidInputException | FitJob.CancelledException e) {
            log.error("Fit RMM: " + e.getMessage());
            cancel("Fit RMM: " + e.getMessage());
        } catch (java.io.IOException e) {
            log.error("Fit RMM: could not read or write a file: " + e.getMessage());
            cancel("Fit RMM: could not read or write a file: " + e.getMessage());
        } finally {
            progress.close();
        }
    }

    /** The score of the first neuron on validation data (else test, else training data). */
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
