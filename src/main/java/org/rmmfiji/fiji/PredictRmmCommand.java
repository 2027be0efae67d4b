package org.rmmfiji.fiji;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.train.PredictJob;
import org.rmmfiji.train.PredictSettings;

/** Predict RMM: a fitted model and a recording → free-run prediction CSV, PNG, and metrics. */
@Plugin(type = Command.class, label = "Predict RMM", headless = true,
        description = "Predict a recording with a fitted recurrent mechanistic model")
public class PredictRmmCommand extends RmmCommand {

    @Parameter(label = "Model file (*.rmm.json)", style = FileWidget.OPEN_STYLE, persist = false)
    private File model_file;
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

    @Override protected String title() { return "Predict RMM"; }

    @Override
    protected void work(CommandProgress progress) throws java.io.IOException {
        publish(PredictJob.run(CommandFields.copy(this, new PredictSettings()), progress), 0);
    }
}
