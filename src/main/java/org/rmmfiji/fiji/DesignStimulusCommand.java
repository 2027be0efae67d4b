package org.rmmfiji.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.job.DesignStimulusJob;
import org.rmmfiji.job.DesignStimulusSettings;

/**
 * Design Stimulus: a current-clamp protocol good for fitting (ou, chirp or multilevel) → NAME.csv, NAME.atf (Axon Text
 * File, for the acquisition software) and the preview NAME.png (shown in Fiji), plus one row in the Results table
 * (samples, duration, step, mean, SD, extremes). Parameter names are {@link DesignStimulusSettings}' fields.
 */
@Plugin(type = Command.class, label = "Design Stimulus", headless = true,
        description = "Design a current-clamp protocol good for fitting (noisy current, chirp or shuffled levels) as CSV, Axon Text File (ATF) and a preview plot")
public class DesignStimulusCommand extends ContextCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final DesignStimulusSettings DEFAULTS = new DesignStimulusSettings();
    @Parameter private LogService log;

    @Parameter(label = "Protocol", choices = {DesignStimulusJob.OU, DesignStimulusJob.CHIRP, DesignStimulusJob.MULTILEVEL}, persist = false)
    private String protocol = DEFAULTS.protocol;
    @Parameter(label = "Duration (ms)", persist = false)
    private double duration_ms = DEFAULTS.duration_ms;
    @Parameter(label = "Sampling step (ms)", persist = false)
    private double sampling_step_ms = DEFAULTS.sampling_step_ms;
    @Parameter(label = "Random seed", persist = false)
    private long seed = DEFAULTS.seed;
    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File output_dir;
    @Parameter(label = "Output name (empty: stimulus-PROTOCOL)", required = false, persist = false)
    private String output_name = DEFAULTS.output_name;
    @Parameter(label = "Overwrite earlier files of this name", required = false, persist = false)
    private boolean overwrite = DEFAULTS.overwrite;

    @Parameter(label = "ou: mean (nA)", persist = false)
    private double mean_nA = DEFAULTS.mean_nA;
    @Parameter(label = "ou: mean at the end (nA; empty: constant mean)", required = false, persist = false)
    private String mean_end_nA = "";
    @Parameter(label = "ou: SD of the fluctuations (nA)", persist = false)
    private double sigma_nA = DEFAULTS.sigma_nA;
    @Parameter(label = "ou and multilevel noise: correlation time (ms)", persist = false)
    private double tau_ms = DEFAULTS.tau_ms;

    @Parameter(label = "chirp: start frequency (Hz)", persist = false)
    private double f0_Hz = DEFAULTS.f0_Hz;
    @Parameter(label = "chirp: end frequency (Hz)", persist = false)
    private double f1_Hz = DEFAULTS.f1_Hz;
    @Parameter(label = "chirp: amplitude (nA)", persist = false)
    private double amplitude_nA = DEFAULTS.amplitude_nA;
    @Parameter(label = "chirp: offset (nA)", persist = false)
    private double offset_nA = DEFAULTS.offset_nA;
    @Parameter(label = "chirp: sweep", choices = {DesignStimulusJob.EXPONENTIAL, DesignStimulusJob.LINEAR}, persist = false)
    private String sweep = DEFAULTS.sweep;

    @Parameter(label = "multilevel: levels (nA, comma separated)", persist = false)
    private String levels_nA = DEFAULTS.levels_nA;
    @Parameter(label = "multilevel: time at each level (ms)", persist = false)
    private double level_ms = DEFAULTS.level_ms;
    @Parameter(label = "multilevel: shuffle the levels", required = false, persist = false)
    private boolean shuffle = DEFAULTS.shuffle;
    @Parameter(label = "multilevel: noise SD on the levels (nA; 0: none)", persist = false)
    private double level_noise_nA = DEFAULTS.level_noise_nA;

    @Parameter(type = ItemIO.OUTPUT) private String csv_file;
    @Parameter(type = ItemIO.OUTPUT) private String atf_file;
    @Parameter(type = ItemIO.OUTPUT) private String plot_file;
    @Parameter(type = ItemIO.OUTPUT) private String summary;

    @Override
    public void run() {
        try {
            DesignStimulusSettings s = CommandFields.copy(this, new DesignStimulusSettings());
            DesignStimulusJob.Result r = DesignStimulusJob.design(s);     // every check first: nothing is written on a refusal
            ImagePlus preview = StimulusFigure.build(r);
            DesignStimulusJob.write(r);
            List<Path> written = new ArrayList<>(r.written);
            written.addAll(Figures.save(List.of(new Figures.Figure(preview, r.pngFile))));
            csv_file = r.csvFile.toString();
            atf_file = r.atfFile.toString();
            plot_file = r.pngFile.toString();
            summary = "Design Stimulus: " + r.description;
            table(r);
            if (!java.awt.GraphicsEnvironment.isHeadless()) preview.show();
            StringBuilder sb = new StringBuilder(summary).append("\nDesign Stimulus wrote:");
            for (Path p : written) sb.append("\n  ").append(p.toAbsolutePath().normalize());
            log.info(sb.toString());
        } catch (InvalidInputException e) {
            log.error("Design Stimulus: " + e.getMessage());
            cancel("Design Stimulus: " + e.getMessage());
        } catch (java.io.IOException e) {
            log.error("Design Stimulus: could not write a file: " + e.getMessage());
            cancel("Design Stimulus: could not write a file: " + e.getMessage());
        }
    }

    /** One row in the system Results table, where a macro reads it (getResult("samples", 0), getResultString("protocol", 0)). */
    private static void table(DesignStimulusJob.Result r) {
        ResultsTable rt = ResultsTable.getResultsTable();
        if (rt == null) rt = new ResultsTable();
        rt.reset();
        rt.setPrecision(6);
        rt.incrementCounter();
        rt.addValue("protocol", r.protocol);
        rt.addValue("samples", r.samples());
        rt.addValue("duration_ms", r.durationMs());
        rt.addValue("sampling_step_ms", r.dtMs);
        rt.addValue("mean_nA", r.mean);
        rt.addValue("sd_nA", r.sd);
        rt.addValue("min_nA", r.min);
        rt.addValue("max_nA", r.max);
        rt.addValue("csv_file", r.csvFile.toString());
        rt.addValue("atf_file", r.atfFile.toString());
        rt.show("Results");
    }
}
