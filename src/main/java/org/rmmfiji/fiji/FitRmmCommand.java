package org.rmmfiji.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.model.Presets;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.io.EnsembleFile;
import org.rmmfiji.job.EnsembleJob;
import org.rmmfiji.job.EnsembleResult;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;

/**
 * Fit RMM: fits a recurrent mechanistic model to a recording and writes the model file, the free-run
 * prediction (CSV and PNG) and the metrics table. With ensemble_seeds or ensemble_segments above 1 it fits an
 * ensemble ({@link EnsembleJob}): those files once per member, then the ensemble's summary and table (one row per
 * member). Parameter names are {@link FitSettings}' fields.
 * Its Fiji menu entry and IJ1 macro name come from plugins.config ({@link Rmm_Bridge}).
 */
@Plugin(type = Command.class, label = "Fit RMM", headless = true,
        description = "Fit a recurrent mechanistic model (Burghi et al., PNAS 2025) to an intracellular recording")
public class FitRmmCommand extends RmmCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final FitSettings DEFAULTS = new FitSettings();

    @Parameter(label = "Preset", choices = {Presets.NEURON_LUMPED, Presets.HH_LUMPED, Presets.LP_PD, Presets.LP_PD_SYNCOND, Presets.CIRCUIT_SYNCOND}, persist = false)
    private String preset = DEFAULTS.preset;
    @Parameter(label = "Architecture file (optional)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
    private File spec_file;
    @Parameter(label = "Filter realisation", choices = {"preset", "diagonal", "gobf"}, persist = false)
    private String filter_realization = DEFAULTS.filter_realization;
    @Parameter(label = "Connectivity (empty: preset; all-to-all, none, PD>LP,... or matrix)", required = false, persist = false)
    private String connectivity = DEFAULTS.connectivity;
    @Parameter(label = "Synapse sparsity (empty: none)", required = false, persist = false)
    private String synapse_sparsity = "";
    @Parameter(label = "Continue from model (optional)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
    private File initial_model;
    @Parameter(label = "Split", choices = {"fraction", "segments"}, persist = false)
    private String split = DEFAULTS.split;
    // optional numbers are text: empty takes the preset's value (CommandFields parses them)
    @Parameter(label = "Training fraction (empty: preset)", required = false, persist = false)
    private String train_fraction = "";
    @Parameter(label = "Validation fraction (empty: preset)", required = false, persist = false)
    private String validation_fraction = "";
    @Parameter(label = "Training segments", required = false, persist = false)
    private String train_segments = DEFAULTS.train_segments;
    @Parameter(label = "Validation segments", required = false, persist = false)
    private String validation_segments = DEFAULTS.validation_segments;
    @Parameter(label = "Test segments", required = false, persist = false)
    private String test_segments = DEFAULTS.test_segments;
    @Parameter(label = "Trainer (empty: preset)", required = false, persist = false,
            description = "teacher-forcing, multiple-shooting, gtf, or a pipeline such as teacher-forcing+multiple-shooting")
    private String trainer = "";
    @Parameter(label = "Teacher-forcing epochs (empty: preset)", required = false, persist = false)
    private String epochs = "";
    @Parameter(label = "Teacher-forcing learning rate (empty: preset)", required = false, persist = false)
    private String learning_rate = "";
    @Parameter(label = "Teacher-forcing mini-batch, samples (empty: preset)", required = false, persist = false)
    private String batch_size = "";
    @Parameter(label = "Teacher-forcing L2 weight (empty: preset)", required = false, persist = false)
    private String l2 = "";
    @Parameter(label = "Teacher-forcing weight scale, × median |dv/dt| (0: none; empty: preset)", required = false, persist = false)
    private String tf_weight_scale = "";
    @Parameter(label = "Snapshot every (epochs, empty: preset)", required = false, persist = false)
    private String snapshot_every = "";
    @Parameter(label = "Select snapshot by (empty: preset)", choices = {"", "score", "loss", "gamma", "combined"}, required = false, persist = false)
    private String selection = "";
    @Parameter(label = "Closed-loop epochs (empty: preset)", required = false, persist = false)
    private String closed_loop_epochs = "";
    @Parameter(label = "Shot length, ms (empty: preset)", required = false, persist = false)
    private String shot_ms = "";
    @Parameter(label = "Shots per mini-batch (empty: preset)", required = false, persist = false)
    private String shots_per_batch = "";
    @Parameter(label = "Voltage continuity rho_v (empty: preset)", required = false, persist = false)
    private String rho_v = "";
    @Parameter(label = "State continuity rho_x (empty: preset)", required = false, persist = false)
    private String rho_x = "";
    @Parameter(label = "GTF gamma (empty: preset)", required = false, persist = false)
    private String gamma = "";
    @Parameter(label = "GTF final gamma (empty: gamma)", required = false, persist = false)
    private String gamma_final = "";
    @Parameter(label = "Train shot initial states (empty: preset)", choices = {"", "true", "false"}, required = false, persist = false)
    private String train_initial_states = "";
    @Parameter(label = "Closed-loop learning rate (empty: preset)", required = false, persist = false)
    private String closed_loop_learning_rate = "";
    @Parameter(label = "Closed-loop L2 weight (empty: preset)", required = false, persist = false)
    private String closed_loop_l2 = "";
    @Parameter(label = "Random seed", persist = false)
    private long seed = DEFAULTS.seed;
    @Parameter(label = "Threads (empty: all cores)", required = false, persist = false)
    private String threads = "";
    @Parameter(label = "Known capacitance, nF (empty: learn)", required = false, persist = false)
    private String capacitance_nF = "";
    // no min: a value out of range is refused with a message by the job, never replaced by a widget
    @Parameter(label = "Ensemble: seeds (1: one fit)", persist = false, description = "fits per data batch, member s from seed + s - 1")
    private int ensemble_seeds = DEFAULTS.ensemble_seeds;
    @Parameter(label = "Ensemble: training batches (1: whole training part)", persist = false,
            description = "the training part of every segment cut into this many disjoint contiguous batches, one member per batch and seed")
    private int ensemble_segments = DEFAULTS.ensemble_segments;
    @Parameter(label = "Ensemble: drop the worst (by validation)", persist = false, description = "members marked dropped in the summary (still written)")
    private int ensemble_drop_worst = DEFAULTS.ensemble_drop_worst;

    /** The model file; of an ensemble, the kept members' model files separated by commas (as Inspect Synaptic Coupling takes them). */
    @Parameter(type = ItemIO.OUTPUT) private String model_file;
    /** An ensemble's summary (*.rmmensemble.json) and its table, one row per member; null for one fit. */
    @Parameter(type = ItemIO.OUTPUT) private String ensemble_file;
    @Parameter(type = ItemIO.OUTPUT) private String ensemble_table;

    protected CancelToken cancel;

    @Override protected String title() { return "Fit RMM"; }

    @Override
    protected CommandProgress progress() {
        cancel = new CancelToken();
        return new CommandProgress(log, status, FitProgressDialog.openIfPossible(cancel));
    }

    @Override
    protected void work(CommandProgress progress) throws java.io.IOException {
        RunningFits.started(cancel);
        try {
            FitSettings s = OpenRecordings.resolve(CommandFields.copy(this, new FitSettings()));
            String window = s.recording;                     // a trace window's title, or empty
            if (EnsembleJob.isEnsemble(s)) {
                ensemble(s, progress);
                return;
            }
            FitResult r = FitJob.run(s, progress, cancel);
            model_file = r.modelFile.toString();
            publish(r, r.fitSeconds);
            try {                                            // a picture that cannot be drawn does not undo a finished fit
                if (PredictionOverlay.onTraceWindow(window, r)) log.info("Fit RMM: the prediction is drawn over " + window);
            } catch (RuntimeException | java.io.IOException e) {
                log.warn("Fit RMM: the prediction could not be drawn over " + window + ": " + e.getMessage());
            }
        } finally {
            RunningFits.finished(cancel);
        }
    }

    /** An ensemble: each member's plots are drawn as soon as it is written; the summary lists every member. */
    private void ensemble(FitSettings s, CommandProgress progress) throws java.io.IOException {
        EnsembleResult r = EnsembleJob.run(s, progress, cancel, (member, fit) -> PredictionPlot.save(PredictionPlot.build(fit), fit.plotFiles));
        List<String> kept = new ArrayList<>();
        for (Path p : r.keptModels) kept.add(p.toString());
        model_file = String.join(",", kept);
        ensemble_file = r.summaryFile.toString();
        ensemble_table = r.tableFile.toString();
        summary = summarise(r.summary, r.seconds);
        log.info(summary);
        logWritten(r.written);
    }

    /** {@code ensemble completed in 12.3 s: 4 of 4 members kept (selection combined)}, then one line per member. */
    static String summarise(EnsembleFile f, double seconds) {
        int kept = 0;
        for (EnsembleFile.Member m : f.members) if (m.kept) kept++;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ensemble %s in %.1f s: %d of %d member(s) kept (ranked by validation %s)", f.status,
                seconds, kept, f.members.size(), f.selection));
        for (EnsembleFile.Member m : f.members) {
            sb.append(String.format(Locale.ROOT, "%n  member %d %s (seed %d, batch %d/%d): %s", m.member, m.name, m.seed, m.batch, f.segments, m.status));
            if (m.rank > 0) sb.append(m.kept ? ", kept" : ", dropped").append(String.format(Locale.ROOT, ", rank %d, %s %.4g", m.rank, f.selection, m.selection_value));
            for (MetricsReport v : m.validation)
                sb.append(String.format(Locale.ROOT, "; %s validation score %.3f, Γ %.3f, spikes %d/%d", v.neuron, v.score, v.gamma, v.spikes_model, v.spikes_data));
            if (m.error != null) sb.append(" — ").append(m.error);
        }
        return sb.toString();
    }
}
