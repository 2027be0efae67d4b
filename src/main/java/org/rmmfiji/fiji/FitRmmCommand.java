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
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final FitSettings DEFAULTS = new FitSettings();

    @Parameter(label = "Preset", choices = {Presets.HH_LUMPED, Presets.LP_PD}, persist = false)
    private String preset = DEFAULTS.preset;
    @Parameter(label = "Architecture file (optional)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
    private File spec_file;
    @Parameter(label = "Filter realisation", choices = {"preset", "diagonal", "gobf"}, persist = false)
    private String filter_realization = DEFAULTS.filter_realization;
    @Parameter(label = "Continue from model (optional)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
    private File initial_model;
    @Parameter(label = "Split", choices = {"fraction", "segments"}, persist = false)
    private String split = DEFAULTS.split;
    @Parameter(label = "Training fraction (0: preset)", min = "0", max = "1", persist = false)
    private double train_fraction = DEFAULTS.train_fraction;
    @Parameter(label = "Validation fraction (-1: preset)", min = "-1", max = "1", persist = false)
    private double validation_fraction = DEFAULTS.validation_fraction;
    @Parameter(label = "Training segments", required = false, persist = false)
    private String train_segments = DEFAULTS.train_segments;
    @Parameter(label = "Validation segments", required = false, persist = false)
    private String validation_segments = DEFAULTS.validation_segments;
    @Parameter(label = "Test segments", required = false, persist = false)
    private String test_segments = DEFAULTS.test_segments;
    @Parameter(label = "Epochs (0: preset)", min = "0", persist = false)
    private int epochs = DEFAULTS.epochs;
    @Parameter(label = "Learning rate (0: preset)", min = "0", persist = false)
    private double learning_rate = DEFAULTS.learning_rate;
    @Parameter(label = "Mini-batch size (0: preset)", min = "0", persist = false)
    private int batch_size = DEFAULTS.batch_size;
    @Parameter(label = "L2 weight (-1: preset)", min = "-1", persist = false)
    private double l2 = DEFAULTS.l2;
    @Parameter(label = "Snapshot every (epochs, 0: preset)", min = "0", persist = false)
    private int snapshot_every = DEFAULTS.snapshot_every;
    @Parameter(label = "Select snapshot by", choices = {"score", "loss", "gamma"}, persist = false)
    private String selection = DEFAULTS.selection;
    @Parameter(label = "Random seed", persist = false)
    private long seed = DEFAULTS.seed;
    @Parameter(label = "Threads (0: all cores)", min = "0", persist = false)
    private int threads = DEFAULTS.threads;
    @Parameter(label = "Known capacitance (nF, 0: learn)", min = "0", persist = false)
    private double capacitance_nF = DEFAULTS.capacitance_nF;

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
