package org.rmmfiji.fiji;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.model.Presets;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;

/**
 * Fit RMM: fits a recurrent mechanistic model to a recording and writes the model file, the free-run
 * prediction (CSV and PNG) and the metrics table. Parameter names are {@link FitSettings}' fields.
 * Its Fiji menu entry and IJ1 macro name come from plugins.config ({@link Rmm_Bridge}).
 */
@Plugin(type = Command.class, label = "Fit RMM", headless = true,
        description = "Fit a recurrent mechanistic model (Burghi et al., PNAS 2025) to an intracellular recording")
public class FitRmmCommand extends RmmCommand {

    @Parameter(label = "Preset", choices = {Presets.HH_LUMPED, Presets.LP_PD}, persist = false)
    private String preset = "hh-lumped";
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

    @Parameter(type = ItemIO.OUTPUT) private String model_file;

    private CancelToken cancel;

    @Override protected String title() { return "Fit RMM"; }

    @Override
    protected CommandProgress progress() {
        cancel = new CancelToken();
        return new CommandProgress(log, status, FitProgressDialog.openIfPossible(cancel));
    }

    @Override
    protected void work(CommandProgress progress) throws java.io.IOException {
        FitResult r = FitJob.run(CommandFields.copy(this, new FitSettings()), progress, cancel);
        model_file = r.modelFile.toString();
        publish(r, r.fitSeconds);
    }
}
