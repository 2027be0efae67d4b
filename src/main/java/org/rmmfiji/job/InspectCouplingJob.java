package org.rmmfiji.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.analysis.ActivationCurves;
import org.rmmfiji.analysis.CouplingEntry;
import org.rmmfiji.analysis.CouplingMatrix;
import org.rmmfiji.analysis.CouplingSpread;
import org.rmmfiji.analysis.SynapticTraces;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.AtomicFiles;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.metrics.ScoreSettings;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TrainingSettings;

/**
 * Inspect Synaptic Coupling: fitted model(s) and a recording → the coupling matrix (CSV), the synaptic currents
 * forced by the recording and along a free run (CSV), steady-state activation curves (CSV) and, for an ensemble,
 * the spread of every entry (CSV). Every input is checked before anything is written; every file is written whole.
 */
public final class InspectCouplingJob {
    private InspectCouplingJob() {}

    /** Points of the activation curves. */
    static final int CURVE_POINTS = 61;

    /** Computes and writes the CSVs (what a front end without figures calls). */
    public static CouplingResult run(InspectCouplingSettings s, ProgressListener listener) throws IOException {
        CouplingResult r = compute(s, listener);
        write(r);
        return r;
    }

    /** Checks every input and computes everything; writes nothing. */
    public static CouplingResult compute(InspectCouplingSettings s, ProgressListener listener) throws IOException {
        if (s.model_file.isBlank()) throw new InvalidInputException("model_file is not set: choose a fitted model (*.rmm.json), or several separated by commas");
        s.requireRecording("inspect the coupling on");
        Path out = Outputs.outputFolder(s.output_dir, "the coupling tables");
        List<Network> nets = new ArrayList<>();
        List<ModelFile> files = new ArrayList<>();
        List<Path> paths = ModelFileList.of(s.model_file);
        for (Path f : paths) {
            ModelFile mf = ModelFiles.read(f);
            files.add(mf);
            nets.add(ModelFiles.toNetwork(mf, f.toString()));
        }
        Network first = nets.get(0);
        for (int k = 1; k < nets.size(); k++) {
            Network n = nets.get(k);
            if (!n.spec().neurons.equals(first.spec().neurons) || !n.spec().inputs.equals(first.spec().inputs))
                throw new InvalidInputException("the models of an ensemble must have the same neurons and inputs: " + first.spec().neurons + first.spec().inputs
                        + " and " + n.spec().neurons + n.spec().inputs);
        }
        if (org.rmmfiji.analysis.SynapticTraces.synapses(first).isEmpty())
            throw new InvalidInputException(paths.get(0) + " has no synapse: its neurons " + first.spec().neurons
                    + " have intrinsic currents only; fit with a circuit preset (lp-pd-syncond, circuit-syncond) or a connectivity");
        Recording rec = s.open();
        for (String w : rec.warnings()) listener.warning(w);
        Segment seg = part(rec.segment(s.segment), s.part, files.get(0), s.model_file);
        ChannelMap map = PredictJob.bind(s, rec, first, files.get(0));
        ScoreSettings score = files.get(0).score != null ? files.get(0).score : new ScoreSettings();
        double dump = new TrainingSettings().dump_fraction;

        String base = (s.output_name.isBlank() ? FitJob.recordingName(s) : s.output_name) + "-coupling";
        CouplingResult r = new CouplingResult();
        r.matrixFile = out.resolve(base + ".csv");
        r.tracesFile = out.resolve(base + "-currents.csv");
        r.curvesFile = out.resolve(base + "-activations.csv");
        r.spreadFile = nets.size() > 1 ? out.resolve(base + "-ensemble.csv") : null;
        r.heatMapPng = out.resolve(base + ".png");
        r.tracesPng = out.resolve(base + "-currents.png");
        r.curvesPng = out.resolve(base + "-activations.png");
        List<Path> all = new ArrayList<>(List.of(r.matrixFile, r.tracesFile, r.curvesFile, r.heatMapPng, r.tracesPng, r.curvesPng));
        if (r.spreadFile != null) all.add(r.spreadFile);
        Outputs.requireAbsent(all, s.overwrite, "Inspect Synaptic Coupling");

        r.neurons = first.spec().neurons;
        r.voltages = new ArrayList<>(first.spec().neurons);
        r.voltages.addAll(first.spec().inputs);
        r.dt = first.dt();
        r.segment = seg.name();
        r.ensemble = new ArrayList<>();
        r.curves = new ArrayList<>();
        double[] grid = presynapticGrid(rec, seg, map, first);
        for (int k = 0; k < nets.size(); k++) {
            listener.message(String.format(Locale.ROOT, "Coupling of model %d of %d on segment %s%s…", k + 1, nets.size(), seg.name(), s.ablation ? " (with ablation)" : ""));
            ChannelMap mk = k == 0 ? map : PredictJob.bind(s, rec, nets.get(k), files.get(k));
            List<SynapticTraces.Trace> forced = SynapticTraces.forced(nets.get(k), seg, mk, dump);
            if (k == 0) r.forced = forced;
            r.ensemble.add(CouplingMatrix.compute(nets.get(k), seg, mk, score, dump, s.ablation, forced));
            r.curves.add(ActivationCurves.compute(nets.get(k), grid));
        }
        r.matrix = r.ensemble.get(0);
        r.spread = nets.size() > 1 ? CouplingSpread.of(r.ensemble) : List.of();
        r.freeRun = SynapticTraces.freeRun(first, seg, map, dump);
        r.plotFrom_ms = s.plot_from_ms;
        r.plotLength_ms = s.plot_length_ms;
        return r;
    }

    /**
     * Writes the CSVs of a result, each file whole. A front end calls it after drawing its figures, so that a figure that
     * cannot be drawn writes nothing; a disk failure between files can still leave some of them.
     */
    public static void write(CouplingResult r) throws IOException {
        writeMatrix(r.matrixFile, r.matrix);
        writeTraces(r.tracesFile, r);
        writeCurves(r.curvesFile, r.curves);
        if (r.spreadFile != null) writeSpread(r.spreadFile, r.spread);
        r.written = new ArrayList<>(List.of(r.matrixFile, r.tracesFile, r.curvesFile));
        if (r.spreadFile != null) r.written.add(r.spreadFile);
    }

    /** The part of a segment a model's fraction split gave it (train, validation or test), or the whole segment. */
    static Segment part(Segment seg, String part, ModelFile mf, String where) {
        String p = part == null || part.isBlank() ? "all" : part.trim();
        if (p.equals("all")) return seg;
        if (!p.equals("train") && !p.equals("validation") && !p.equals("test"))
            throw new InvalidInputException("part must be all, train, validation or test; got '" + part + "'");
        java.util.Map<String, Object> split = mf.provenance.split;
        if (!"fraction".equals(split.get("split")) || !(split.get("train_fraction") instanceof Number) || !(split.get("validation_fraction") instanceof Number))
            throw new InvalidInputException("part=" + p + " needs a model fitted with a split by time fraction; " + where + " was split " + split
                    + " (use part=all and choose the segment)");
        double tf = ((Number) split.get("train_fraction")).doubleValue(), vf = ((Number) split.get("validation_fraction")).doubleValue();
        Segment chosen = org.rmmfiji.data.Dataset.parts(seg, tf, vf)[p.equals("train") ? 0 : p.equals("validation") ? 1 : 2];
        if (chosen == null) throw new InvalidInputException("the " + p + " part of segment " + seg.name() + " is empty (fractions " + tf + ", " + vf + ")");
        return chosen;
    }

    /** From the lowest to the highest recorded voltage of any presynaptic cell, a little beyond. */
    static double[] presynapticGrid(Recording rec, Segment seg, ChannelMap map, Network net) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int[] ec : SynapticTraces.synapses(net)) {
            int ch = map.voltageChannel(net.edges().get(ec[0]).pre());
            for (int k = 0; k < seg.length(); k++) {
                double v = seg.get(ch, k);
                if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
        }
        if (!(hi > lo)) { lo = -80; hi = 20; }
        return ActivationCurves.grid(lo, hi, CURVE_POINTS);
    }

    static final String MATRIX_HEADER = "pre,post,kind,components,rms_nA,peak_nA,g_max_uS,g_mean_uS,reversals_mV,e_effective_mV,post_v_low_mV,post_v_high_mV,"
            + "post_threshold_mV,outward_fraction,sign,score_intact,score_ablated,ablation_drop,note";

    static void writeMatrix(Path file, List<CouplingEntry> m) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write(MATRIX_HEADER + "\n");
            for (CouplingEntry e : m) {
                StringBuilder rev = new StringBuilder();
                for (double x : e.reversals_mV) rev.append(rev.length() == 0 ? "" : ";").append(num(x));
                w.write(String.join(",", e.pre, e.post, e.kind, Integer.toString(e.components), num(e.rms_nA), num(e.peak_nA), num(e.g_max_uS),
                        num(e.g_mean_uS), rev.toString(), num(e.e_effective_mV), num(e.post_v_low_mV), num(e.post_v_high_mV), num(e.post_threshold_mV), num(e.outward_fraction),
                        e.sign, num(e.score_intact), num(e.score_ablated), num(e.ablation_drop), "\"" + e.note + "\"") + "\n");
            }
        });
    }

    static void writeSpread(Path file, List<CouplingSpread> spread) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("pre,post,fits,rms_nA_mean,rms_nA_sd,g_max_uS_mean,g_max_uS_sd,e_effective_mV_mean,e_effective_mV_sd,ablation_drop_mean,ablation_drop_sd,sign_agreement\n");
            for (CouplingSpread s : spread)
                w.write(String.join(",", s.pre, s.post, Integer.toString(s.fits), num(s.rms_nA_mean), num(s.rms_nA_sd), num(s.g_max_uS_mean), num(s.g_max_uS_sd),
                        num(s.e_effective_mV_mean), num(s.e_effective_mV_sd), num(s.ablation_drop_mean), num(s.ablation_drop_sd), s.sign_agreement) + "\n");
        });
    }

    /** One column per synapse and output, forced then free-run: I_syn_PD_LP_forced_nA, g_syn_PD_LP_free_uS, … */
    static void writeTraces(Path file, CouplingResult r) throws IOException {
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        for (String mode : List.of("forced", "free")) {
            List<SynapticTraces.Trace> ts = mode.equals("forced") ? r.forced : r.freeRun;
            for (SynapticTraces.Trace t : ts) {
                String pair = t.pre + "_" + t.post + (SynapticTraces.sharesItsEdge(t, ts) ? "_" + t.current : "");
                for (int o = 0; o < t.outputs.size(); o++) {
                    String out = t.outputs.get(o);
                    String col = out.equals("current") ? "I_syn_" + pair + "_" + mode + "_nA"
                            : out.equals("conductance") ? "g_syn_" + pair + "_" + mode + "_uS"
                            : "s_" + out.substring(out.indexOf('_') + 1) + "_" + pair + "_" + mode + "_1";
                    names.add(col);
                    cols.add(t.values[o]);
                }
            }
        }
        int n = r.forced.isEmpty() ? 0 : r.forced.get(0).current().length;
        for (double[] c : cols) if (c.length != n) throw new IllegalStateException("synaptic traces of different lengths");
        CsvRecordings.write(file, r.dt, new double[] {r.forced.get(0).start * r.dt}, names, List.of(cols), false);
    }

    static void writeCurves(Path file, List<List<ActivationCurves.Curve>> curves) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("model,pre,post,component,voltage_mV,activation,conductance_uS\n");
            for (int m = 0; m < curves.size(); m++)
                for (ActivationCurves.Curve c : curves.get(m))
                    for (int k = 0; k < c.activation.length; k++)
                        for (int i = 0; i < c.voltage_mV.length; i++)
                            w.write(String.format(Locale.ROOT, "%d,%s,%s,%d,%s,%s,%s%n", m, c.pre, c.post, k + 1, num(c.voltage_mV[i]), num(c.activation[k][i]), num(c.conductance_uS[i])));
        });
    }

    static String num(double x) { return Outputs.num(x); }
}
