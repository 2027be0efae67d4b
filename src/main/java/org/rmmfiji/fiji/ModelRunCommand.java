package org.rmmfiji.fiji;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.ModelRunSettings;

/**
 * What every command that runs a model on a recording shares (Fit RMM, Predict RMM, Inspect Synaptic Coupling, Inspect Currents):
 * services, the keys of {@link ModelRunSettings} declared once, the summary and warnings outputs, and how they fail:
 * bad input or an unreadable file cancels the command with the reason, logged once.
 */
abstract class ModelRunCommand extends RecordingCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final ModelRunSettings DEFAULTS = new ModelRunSettings();

    @Parameter protected LogService log;
    @Parameter(required = false) protected StatusService status;

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
    @Parameter(label = "Plot window start (ms into the prediction)", min = "0", persist = false)
    private double plot_from_ms = DEFAULTS.plot_from_ms;
    @Parameter(label = "Plot window length (ms)", min = "0", persist = false)
    private double plot_length_ms = DEFAULTS.plot_length_ms;

    @Parameter(type = ItemIO.OUTPUT) protected String summary;
    /** The warnings of the reader (and of the fit's quality), one a line (also logged as they came). */
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

    /** Logs the full path of every file the command wrote, one a line. */
    protected void logWritten(java.util.List<java.nio.file.Path> files) {
        StringBuilder sb = new StringBuilder(title() + " wrote:");
        for (java.nio.file.Path p : files) sb.append("\n  ").append(p.toAbsolutePath().normalize());
        log.info(sb.toString());
    }

    /** Progress reporting for this command (a GUI fit adds a dialog with a Cancel button). */
    protected CommandProgress progress() { return new CommandProgress(log, status, null); }

    private void fail(String message) {
        log.error(title() + ": " + message);
        cancel(title() + ": " + message);
    }
}
