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

import org.rmmfiji.analysis.Bifurcations;
import org.rmmfiji.job.CurrentsResult;
import org.rmmfiji.job.InspectCurrentsJob;
import org.rmmfiji.job.InspectCurrentsSettings;

/**
 * Inspect Currents: a fitted model (and optionally a recording) → IV and gate curves, the admittance map, the
 * bifurcation table (CSV and the Results table, one row per bifurcation), an ablation run and, with a recording, every
 * current along it; each figure as PNG and its numbers as CSV. Parameter names are {@link InspectCurrentsSettings}'
 * fields; the recording is optional here (the keys it shares with the other commands are declared once above).
 */
@Plugin(type = Command.class, label = "Inspect Currents", headless = true,
        description = "What a fitted cell's currents are: IV and gate curves, admittance, bifurcations under DC current, ablation, traces along a recording")
public class InspectCurrentsCommand extends ModelRunCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final InspectCurrentsSettings DEFAULTS = new InspectCurrentsSettings();

    @Parameter(label = "Model file (*.rmm.json)", style = FileWidget.OPEN_STYLE, persist = false)
    private File model_file;
    @Parameter(label = "Neuron (empty: the first)", required = false, persist = false)
    private String neuron = DEFAULTS.neuron;
    @Parameter(label = "Lowest voltage (mV)", persist = false)
    private double v_low_mV = DEFAULTS.v_low_mV;
    @Parameter(label = "Highest voltage (mV)", persist = false)
    private double v_high_mV = DEFAULTS.v_high_mV;
    @Parameter(label = "Voltages on the grid", min = "2", persist = false)
    private int v_points = DEFAULTS.v_points;
    @Parameter(label = "Post-step holding voltage (mV)", persist = false)
    private double holding_mV = DEFAULTS.holding_mV;
    @Parameter(label = "Post-step read time (ms after the step)", persist = false)
    private double post_step_ms = DEFAULTS.post_step_ms;
    @Parameter(label = "Admittance: lowest frequency (Hz)", persist = false)
    private double f_low_Hz = DEFAULTS.f_low_Hz;
    @Parameter(label = "Admittance: highest frequency (Hz)", persist = false)
    private double f_high_Hz = DEFAULTS.f_high_Hz;
    @Parameter(label = "Admittance: frequencies", min = "2", persist = false)
    private int f_points = DEFAULTS.f_points;
    @Parameter(label = "Ablate (e.g. fast or Ca=0.5; empty: no ablation run)", required = false, persist = false)
    private String ablate = DEFAULTS.ablate;
    @Parameter(label = "Ablation: injected current (nA; empty: bifurcation + 0.1 nA)", required = false, persist = false)
    private String ablation_current_nA = "";
    @Parameter(label = "Ablation: run length (ms)", persist = false)
    private double ablation_ms = DEFAULTS.ablation_ms;
    @Parameter(label = "Segment for the traces (from 0)", min = "0", persist = false)
    private int segment = DEFAULTS.segment;

    @Parameter(type = ItemIO.OUTPUT) private String iv_file;
    @Parameter(type = ItemIO.OUTPUT) private String bifurcations_file;
    @Parameter(type = ItemIO.OUTPUT) private String admittance_image;
    /** The resting potential (mV): the lowest stable zero of the steady-state IV, as text ("NaN" when none), as every output is. */
    @Parameter(type = ItemIO.OUTPUT) private String rest_mV;

    @Override protected String title() { return "Inspect Currents"; }

    @Override
    protected void work(CommandProgress progress) throws java.io.IOException {
        InspectCurrentsSettings s = OpenRecordings.resolve(CommandFields.copy(this, new InspectCurrentsSettings()));
        CurrentsResult r = InspectCurrentsJob.compute(s, progress);
        // every figure is drawn in memory before any file is written, and each file is written whole
        List<Figures.Figure> figures = CurrentFigures.build(r);
        InspectCurrentsJob.write(r);
        List<Path> pngs = Figures.save(figures);
        ResultsTables.load(r.bifurcationsFile);      // the bifurcation table for macros (nResults, getResult, getResultString)
        if (!java.awt.GraphicsEnvironment.isHeadless()) for (Figures.Figure f : figures) f.image.show();
        iv_file = r.ivFile.toString();
        bifurcations_file = r.bifurcationsFile.toString();
        admittance_image = r.admittancePng.toString();
        rest_mV = Double.toString(r.rest_mV);
        summary = summarise(r);
        log.info(summary);
        List<Path> all = new ArrayList<>(r.written);
        all.addAll(pngs);
        logWritten(all);
    }

    /** Rest, each bifurcation, the ablation run. */
    static String summarise(CurrentsResult r) {
        StringBuilder sb = new StringBuilder("currents of " + r.neuron + " (" + String.join(", ", r.currents) + ")");
        sb.append(Double.isFinite(r.rest_mV) ? String.format(Locale.ROOT, ": rests at %.1f mV without current", r.rest_mV)
                : ": no stable rest on the voltage grid without current");
        if (r.bifurcations.bifurcations.isEmpty()) sb.append("\n  no bifurcation between ").append(r.steady.voltage_mV[0]).append(" and ")
                .append(r.steady.voltage_mV[r.steady.voltage_mV.length - 1]).append(" mV");
        for (Bifurcations.Bifurcation b : r.bifurcations.bifurcations)
            sb.append(String.format(Locale.ROOT, "\n  %s at %.2f mV, %.3g nA%s", b.type.name().toLowerCase(Locale.ROOT), b.voltage_mV, b.current_nA,
                    b.type == Bifurcations.Type.FOLD ? "" : String.format(Locale.ROOT, ", %.3g Hz", b.frequency_Hz)));
        if (r.ablation != null) {
            CurrentsResult.Ablation a = r.ablation;
            sb.append(String.format(Locale.ROOT, "\n  ablation %s under %.3g nA (%s): period intact %s, ablated %s", a.weights, a.current_nA, a.currentOrigin,
                    a.intactDiverged ? "none (diverged)" : Double.isFinite(a.intactPeriod_ms) ? String.format(Locale.ROOT, "%.1f ms", a.intactPeriod_ms) : "none",
                    a.ablatedDiverged ? "none (diverged)" : Double.isFinite(a.ablatedPeriod_ms) ? String.format(Locale.ROOT, "%.1f ms", a.ablatedPeriod_ms) : "none"));
        }
        return sb.toString();
    }
}
