package org.rmmfiji.fiji;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.job.PredictJob;
import org.rmmfiji.job.PredictSettings;

/** Predict RMM: a fitted model and a recording → free-run prediction CSV, PNG, and metrics. */
@Plugin(type = Command.class, label = "Predict RMM", headless = true,
        description = "Predict a recording with a fitted recurrent mechanistic model")
public class PredictRmmCommand extends RmmCommand {

    @Parameter(label = "Model file (*.rmm.json)", style = FileWidget.OPEN_STYLE, persist = false)
    private File model_file;

    @Override protected String title() { return "Predict RMM"; }

    @Override
    protected void work(CommandProgress progress) throws java.io.IOException {
        publish(PredictJob.run(OpenRecordings.resolve(CommandFields.copy(this, new PredictSettings())), progress), 0);
    }
}
