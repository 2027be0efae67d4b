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

import org.rmmfiji.analysis.CouplingEntry;
import org.rmmfiji.analysis.CouplingSpread;
import org.rmmfiji.job.CouplingResult;
import org.rmmfiji.job.InspectCouplingJob;
import org.rmmfiji.job.InspectCouplingSettings;

/**
 * Inspect Synaptic Coupling: fitted model(s) and a recording → the coupling matrix (CSV and the Results table, one
 * row per synapse), the synaptic currents and activation curves (CSV), the ensemble spread (CSV, several models), and
 * three figures: the signed heat map, the currents and the activation curves (PNG). Parameter names are
 * {@link InspectCouplingSettings}' fields. Its menu entry and IJ1 macro name come from plugins.config ({@link Rmm_Bridge}).
 */
@Plugin(type = Command.class, label = "Inspect Synaptic Coupling", headless = true,
        description = "The coupling matrix of a fitted circuit model: each synapse's current, conductance, reversal, sign and ablation, with figures")
public class InspectCouplingCommand extends ModelRunCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final InspectCouplingSettings DEFAULTS = new InspectCouplingSettings();

    /** A File for the dialog's chooser; a macro or --run may give several paths separated by commas (the path is kept verbatim). */
    @Parameter(label = "Model file(s) (*.rmm.json, comma separated, or an ensemble *.rmmensemble.json)", style = FileWidget.OPEN_STYLE, persist = false,
            description = "a fitted model, or several separated by commas (an ensemble) for the spread of each entry")
    private File model_file;
    @Parameter(label = "Segment (sweep or file, from 0)", min = "0", persist = false)
    private int segment = DEFAULTS.segment;
    @Parameter(label = "Part of the segment", choices = {"all", "train", "validation", "test"}, persist = false,
            description = "train, validation or test: as the model was split when fitted (by time fraction)")
    private String part = DEFAULTS.part;
    @Parameter(label = "Ablate each synapse (one free run per synapse and model)", required = false, persist = false)
    private boolean ablation = DEFAULTS.ablation;

    @Parameter(type = ItemIO.OUTPUT) private String matrix_file;
    @Parameter(type = ItemIO.OUTPUT) private String heat_map_file;

    @Override protected String title() { return "Inspect Synaptic Coupling"; }

    @Override
    protected void work(CommandProgress progress) throws java.io.IOException {
        InspectCouplingSettings s = OpenRecordings.resolve(CommandFields.copy(this, new InspectCouplingSettings()));
        CouplingResult r = InspectCouplingJob.compute(s, progress);
        // every figure is drawn in memory before any file is written, and each file is written whole
        List<Figures.Figure> figures = CouplingFigures.build(r, r.plotFrom_ms, r.plotLength_ms);
        InspectCouplingJob.write(r);
        List<Path> pngs = Figures.save(figures);
        ResultsTables.load(r.matrixFile);            // the matrix for macros (getResult, getResultString, nResults)
        if (!java.awt.GraphicsEnvironment.isHeadless()) for (Figures.Figure f : figures) f.image.show();
        matrix_file = r.matrixFile.toString();
        heat_map_file = r.heatMapPng.toString();
        summary = summarise(r);
        log.info(summary);
        List<Path> all = new ArrayList<>(r.written);
        all.addAll(pngs);
        logWritten(all);
    }

    /** One line per synapse: {@code PD → LP: conductance-based, excitatory, RMS 0.28 nA, ḡ 0.048 µS, E −50 mV; ablation: score 0.61 → 0.12}. */
    static String summarise(CouplingResult r) {
        StringBuilder sb = new StringBuilder("coupling on " + r.segment + (r.ensemble.size() > 1 ? " (first of " + r.ensemble.size() + " models)" : "") + ":");
        for (CouplingEntry e : r.matrix) {
            sb.append("\n  ").append(e.pre).append(" → ").append(e.post).append(": ").append(e.kind).append(", ").append(e.sign);
            if (CouplingFigures.lumped(e)) sb.append(" (a lumped synapse: its scale is not identifiable)");
            if (Double.isFinite(e.rms_nA)) sb.append(String.format(Locale.ROOT, ", RMS %.3g nA", e.rms_nA));
            if (Double.isFinite(e.g_max_uS)) sb.append(String.format(Locale.ROOT, ", ḡ %.3g µS", e.g_max_uS));
            if (Double.isFinite(e.e_effective_mV)) sb.append(String.format(Locale.ROOT, ", E %.1f mV", e.e_effective_mV));
            if (Double.isFinite(e.ablation_drop))
                sb.append(String.format(Locale.ROOT, "; ablation: score %.3g → %.3g (drop %.3g)", e.score_intact, e.score_ablated, e.ablation_drop));
            for (CouplingSpread sp : r.spread)
                if (sp.pre.equals(e.pre) && sp.post.equals(e.post)) sb.append("; over ").append(sp.fits).append(" models: sign ").append(sp.sign_agreement)
                        .append(Double.isFinite(sp.rms_nA_mean) ? String.format(Locale.ROOT, ", RMS %.3g ± %.2g nA", sp.rms_nA_mean, sp.rms_nA_sd) : "");
        }
        return sb.toString();
    }
}
