package org.rmmfiji.job;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rmmfiji.analysis.Admittance;
import org.rmmfiji.analysis.Bifurcations;
import org.rmmfiji.analysis.IsolatedCell;
import org.rmmfiji.analysis.IvCurves;
import org.rmmfiji.analysis.IvEnvelope;
import org.rmmfiji.analysis.Oscillation;
import org.rmmfiji.analysis.SynapticTraces;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.AtomicFiles;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TrainingSettings;

/**
 * Inspect Currents: a fitted model (and optionally a recording) → what the cell's intrinsic currents are. Steady-state
 * and post-step IV curves with every current's conductance and gates, the admittance map, the equilibria and
 * bifurcations under DC current, an ablation run, and with a recording each current along it and along a free run.
 * Every input is checked before anything is computed; every file is written whole.
 */
public final class InspectCurrentsJob {
    private InspectCurrentsJob() {}

    /** Added to the ablated cell's bifurcation current when the user gives none, as in PNAS Fig. 4E. */
    static final double BEYOND_BIFURCATION_nA = 0.1;

    /** Computes and writes the CSVs (what a front end without figures calls). */
    public static CurrentsResult run(InspectCurrentsSettings s, ProgressListener listener) throws IOException {
        CurrentsResult r = compute(s, listener);
        write(r);
        return r;
    }

    /** Checks every input and computes everything; writes nothing. */
    public static CurrentsResult compute(InspectCurrentsSettings s, ProgressListener listener) throws IOException {
        if (s.model_file == null || s.model_file.isBlank()) throw new InvalidInputException("model_file is not set: choose a fitted model (*.rmm.json)");
        Path out = Outputs.outputFolder(s.output_dir, "the current tables and figures");
        List<Path> models = ModelFileList.of(s.model_file);
        List<IsolatedCell> cells = new ArrayList<>();
        ModelFile mf = null;
        for (Path m : models) {
            ModelFile f = ModelFiles.read(m);
            if (mf == null) mf = f;
            Network n = ModelFiles.toNetwork(f, m.toString());
            cells.add(s.neuron == null || s.neuron.isBlank() ? IsolatedCell.of(n, 0) : IsolatedCell.of(n, s.neuron.trim()));
        }
        IsolatedCell cell = cells.get(0);
        Network net = cell.network();
        double[] grid = IvCurves.grid(s.v_low_mV, s.v_high_mV, s.v_points);
        double[] freqs = Admittance.logFrequencies(s.f_low_Hz, s.f_high_Hz, s.f_points);
        Admittance.checkFrequencies(freqs, net.dt());
        IvCurves.checkPostStep(s.holding_mV, s.post_step_ms, net.dt());
        Map<String, Double> weights = weights(s.ablate, cell);
        if (!weights.isEmpty() && !(s.ablation_ms > 0)) throw new InvalidInputException("ablation_ms must be positive, got " + s.ablation_ms);
        if (s.ablation_current_nA != null && !Double.isFinite(s.ablation_current_nA))
            throw new InvalidInputException("ablation_current_nA must be a number of nA (or empty), got " + s.ablation_current_nA);
        boolean withRecording = s.hasRecording();

        // named after what the user gave (an ensemble summary, not its first member)
        String base = (s.output_name.isBlank() ? modelBaseName(ChannelGuess.list(s.model_file).get(0)) : s.output_name) + "-currents" + (net.modelledCount() > 1 ? "-" + cell.name() : "");
        CurrentsResult r = new CurrentsResult();
        r.ivFile = out.resolve(base + "-iv.csv");
        r.envelopeFile = cells.size() > 1 ? out.resolve(base + "-iv-ensemble.csv") : null;
        r.admittanceFile = out.resolve(base + "-admittance.csv");
        r.bifurcationsFile = out.resolve(base + "-bifurcations.csv");
        r.equilibriaFile = out.resolve(base + "-equilibria.csv");
        r.ivPng = out.resolve(base + "-iv.png");
        r.admittancePng = out.resolve(base + "-admittance.png");
        r.ablationFile = weights.isEmpty() ? null : out.resolve(base + "-ablation.csv");
        r.ablationPng = weights.isEmpty() ? null : out.resolve(base + "-ablation.png");
        r.tracesFile = withRecording ? out.resolve(base + "-traces.csv") : null;
        r.tracesPng = withRecording ? out.resolve(base + "-traces.png") : null;
        List<Path> all = new ArrayList<>(List.of(r.ivFile, r.admittanceFile, r.bifurcationsFile, r.equilibriaFile, r.ivPng, r.admittancePng));
        for (Path p : new Path[] {r.envelopeFile, r.ablationFile, r.ablationPng, r.tracesFile, r.tracesPng}) if (p != null) all.add(p);
        Outputs.requireAbsent(all, s.overwrite, "Inspect Currents");

        Segment seg = null;
        ChannelMap map = null;
        if (withRecording) {
            Recording rec = s.open();
            for (String w : rec.warnings()) listener.warning(w);
            seg = rec.segment(s.segment);
            map = PredictJob.bind(s, rec, net, mf);
        }

        r.neuron = cell.name();
        r.currents = new ArrayList<>();
        for (IsolatedCell.Ref ref : cell.currents()) r.currents.add(ref.name);
        r.model = models.get(0).getFileName().toString() + (models.size() > 1 ? " and " + (models.size() - 1) + " more" : "");
        r.dt = net.dt();
        r.plotFrom_ms = s.plot_from_ms;
        r.plotLength_ms = s.plot_length_ms;
        listener.message("IV and gate curves of " + cell.name() + "…");
        r.steady = IvCurves.steadyState(cell, grid);
        r.postStep = IvCurves.postStep(cell, s.holding_mV, s.post_step_ms, grid);
        r.rest_mV = Bifurcations.rest(cell, grid);
        if (cells.size() > 1) {
            List<IvCurves.Result> fits = new ArrayList<>();
            for (IsolatedCell c : cells) fits.add(IvCurves.steadyState(c, grid));
            r.envelope = IvEnvelope.of(fits);
        }
        listener.message("Admittance map and bifurcations…");
        r.admittance = Admittance.map(cell, grid, freqs);
        r.bifurcations = Bifurcations.find(cell, grid);
        if (!weights.isEmpty()) {
            listener.message("Ablation run without " + weights.keySet() + "…");
            r.ablation = ablate(cell, weights, s.ablation_current_nA, s.ablation_ms, grid);
        }
        if (withRecording) {
            listener.message("Currents along " + seg.name() + ", forced by the recording and in free run…");
            double dump = new TrainingSettings().dump_fraction;
            List<int[]> which = new ArrayList<>();
            for (IsolatedCell.Ref ref : cell.currents()) which.add(new int[] {ref.edge, ref.current});
            r.forced = SynapticTraces.forced(net, seg, map, dump, which);
            r.freeRun = SynapticTraces.freeRun(net, seg, map, dump, which);
            r.segment = seg.name();
        }
        return r;
    }

    /** "fast" or "fast=0, Ca=0.5" → weights by current name (checked against the cell's currents). */
    static Map<String, Double> weights(String ablate, IsolatedCell cell) {
        Map<String, Double> w = new LinkedHashMap<>();
        if (ablate == null || ablate.isBlank()) return w;
        for (String part : ablate.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) continue;
            int eq = t.indexOf('=');
            String name = eq < 0 ? t : t.substring(0, eq).trim();
            double weight = 0;
            if (eq >= 0) {
                try {
                    weight = Double.parseDouble(t.substring(eq + 1).trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("ablate: '" + t + "' must be a current's name, or name=weight with a number (0 removes it)");
                }
            }
            cell.current(name);      // refuses a name the cell does not have, listing those it has
            w.put(name, weight);
        }
        return w;
    }

    /** The intact and the ablated cell from their rest under the same DC current. */
    static CurrentsResult.Ablation ablate(IsolatedCell cell, Map<String, Double> weights, Double current, double ms, double[] grid) {
        IsolatedCell ablated = cell.scaled(weights);
        CurrentsResult.Ablation a = new CurrentsResult.Ablation();
        a.weights = weights;
        if (current != null) {
            a.current_nA = current;
            a.currentOrigin = "given";
        } else {
            Bifurcations.Bifurcation b = Bifurcations.find(ablated, grid).lossOfStability();
            a.current_nA = b == null ? 0 : Bifurcations.beyond(ablated, b, BEYOND_BIFURCATION_nA);
            a.currentOrigin = b == null ? "0 nA: the ablated cell loses no stable equilibrium between " + grid[0] + " and " + grid[grid.length - 1] + " mV"
                    : String.format(Locale.ROOT, "the ablated cell's %s bifurcation at %.2f nA, %.1f nA beyond", b.type.name().toLowerCase(Locale.ROOT),
                            b.current_nA, BEYOND_BIFURCATION_nA);
        }
        int steps = (int) Math.round(ms / cell.dt());
        double[] injected = new double[steps];
        Arrays.fill(injected, a.current_nA);
        // each from the grid voltage whose steady current is nearest the injected one (its equilibrium), nudged 1 mV up
        a.intact_mV = cell.simulate(equilibrium(cell, grid, a.current_nA) + 1, injected);
        a.ablated_mV = ablated.simulate(equilibrium(ablated, grid, a.current_nA) + 1, injected);
        int half = a.ablated_mV.length / 2;
        a.intactPeriod_ms = Oscillation.period(a.intact_mV, half, cell.dt());
        a.ablatedPeriod_ms = Oscillation.period(a.ablated_mV, half, cell.dt());
        a.intactDiverged = Double.isNaN(a.intact_mV[a.intact_mV.length - 1]);
        a.ablatedDiverged = Double.isNaN(a.ablated_mV[a.ablated_mV.length - 1]);
        a.ablatedMin_mV = Double.POSITIVE_INFINITY;
        a.ablatedMax_mV = Double.NEGATIVE_INFINITY;
        for (int k = half; k < a.ablated_mV.length; k++) {
            if (Double.isNaN(a.ablated_mV[k])) continue;
            a.ablatedMin_mV = Math.min(a.ablatedMin_mV, a.ablated_mV[k]);
            a.ablatedMax_mV = Math.max(a.ablatedMax_mV, a.ablated_mV[k]);
        }
        return a;
    }

    static double equilibrium(IsolatedCell cell, double[] grid, double current) {
        double[] i = cell.steadyCurrent(grid);
        int best = 0;
        for (int k = 1; k < grid.length; k++) if (Math.abs(i[k] - current) < Math.abs(i[best] - current)) best = k;
        return grid[best];
    }

    static String modelBaseName(String modelFile) {
        String n = Paths.get(modelFile).getFileName().toString();
        for (String ext : new String[] {".rmmensemble.json", ".rmm.json", ".json"}) if (n.endsWith(ext)) return n.substring(0, n.length() - ext.length());
        return n;
    }

    /** Writes the CSVs of a result, each file whole (a front end calls it after drawing its figures). */
    public static void write(CurrentsResult r) throws IOException {
        writeIv(r.ivFile, r);
        writeAdmittance(r.admittanceFile, r.admittance);
        writeBifurcations(r.bifurcationsFile, r.bifurcations);
        writeEquilibria(r.equilibriaFile, r.bifurcations);
        r.written = new ArrayList<>(List.of(r.ivFile, r.admittanceFile, r.bifurcationsFile, r.equilibriaFile));
        if (r.envelope != null) {
            writeEnvelope(r.envelopeFile, r.envelope);
            r.written.add(r.envelopeFile);
        }
        if (r.ablation != null) {
            writeAblation(r.ablationFile, r);
            r.written.add(r.ablationFile);
        }
        if (!r.forced.isEmpty()) {
            writeTraces(r.tracesFile, r);
            r.written.add(r.tracesFile);
        }
    }

    /** The column of one output of one current: I_Na_ss_nA, g_Na_ss_uS, m_Na_ss_1, h_Na_ss_1 (and _post_ for post-step). */
    public static String column(String current, String output, String mode) {
        String unit = IvCurves.unitOf(output);
        String prefix = output.equals("current") ? "I" : output.equals("conductance") ? "g" : output.equals("activation") ? "m" : output.equals("inactivation") ? "h" : output;
        return prefix + "_" + current + "_" + mode + "_" + unit;
    }

    static void writeIv(Path file, CurrentsResult r) throws IOException {
        AtomicFiles.writeText(file, w -> {
            List<String> head = new ArrayList<>(List.of("voltage_mV", "I_total_ss_nA"));
            for (IvCurves.Curve c : r.steady.curves) head.add(column(c.current, c.output, "ss"));
            head.add("I_total_post_nA");
            for (IvCurves.Curve c : r.postStep.curves) head.add(column(c.current, c.output, "post"));
            w.write(String.join(",", head) + "\n");
            for (int i = 0; i < r.steady.voltage_mV.length; i++) {
                List<String> row = new ArrayList<>(List.of(num(r.steady.voltage_mV[i]), num(r.steady.total_nA[i])));
                for (IvCurves.Curve c : r.steady.curves) row.add(num(c.values[i]));
                row.add(num(r.postStep.total_nA[i]));
                for (IvCurves.Curve c : r.postStep.curves) row.add(num(c.values[i]));
                w.write(String.join(",", row) + "\n");
            }
        });
    }

    /** Mean and SD over the fits of every curve: I_total_ss_mean_nA, I_total_ss_sd_nA, g_Na_ss_mean_uS, … */
    static void writeEnvelope(Path file, IvEnvelope e) throws IOException {
        AtomicFiles.writeText(file, w -> {
            List<String> head = new ArrayList<>(List.of("voltage_mV"));
            for (IvEnvelope.Band b : e.bands) {
                head.add(column(b.current, b.output, "ss_mean"));
                head.add(column(b.current, b.output, "ss_sd"));
            }
            w.write(String.join(",", head) + "\n");
            for (int i = 0; i < e.voltage_mV.length; i++) {
                List<String> row = new ArrayList<>(List.of(num(e.voltage_mV[i])));
                for (IvEnvelope.Band b : e.bands) {
                    row.add(num(b.mean[i]));
                    row.add(num(b.sd[i]));
                }
                w.write(String.join(",", row) + "\n");
            }
        });
    }

    static void writeAdmittance(Path file, Admittance.Map m) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("voltage_mV,frequency_Hz,re_uS,im_uS,magnitude_uS\n");
            for (int i = 0; i < m.voltage_mV.length; i++)
                for (int j = 0; j < m.frequency_Hz.length; j++)
                    w.write(String.join(",", num(m.voltage_mV[i]), num(m.frequency_Hz[j]), num(m.re[i][j]), num(m.im[i][j]), num(m.magnitude(i, j))) + "\n");
        });
    }

    static final String BIFURCATIONS_HEADER = "type,voltage_mV,current_nA,frequency_Hz,unstable_below,unstable_above";

    static void writeBifurcations(Path file, Bifurcations.Result b) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write(BIFURCATIONS_HEADER + "\n");
            for (Bifurcations.Bifurcation x : b.bifurcations)
                w.write(String.join(",", x.type.name().toLowerCase(Locale.ROOT), num(x.voltage_mV), num(x.current_nA), num(x.frequency_Hz),
                        Integer.toString(x.unstableBelow), Integer.toString(x.unstableAbove)) + "\n");
        });
    }

    static void writeEquilibria(Path file, Bifurcations.Result b) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("voltage_mV,current_nA,stable,unstable_eigenvalues,spectral_radius\n");
            for (Bifurcations.Equilibrium e : b.equilibria)
                w.write(String.join(",", num(e.voltage_mV), num(e.current_nA), Boolean.toString(e.stable()), Integer.toString(e.unstable), num(e.radius)) + "\n");
        });
    }

    static void writeAblation(Path file, CurrentsResult r) throws IOException {
        CurrentsResult.Ablation a = r.ablation;
        double[] injected = new double[a.intact_mV.length];
        Arrays.fill(injected, a.current_nA);
        CsvRecordings.write(file, r.dt, new double[] {0}, List.of("V_intact_mV", "V_ablated_mV", "I_injected_nA"),
                List.of(List.of(a.intact_mV, a.ablated_mV, injected)), false);
    }

    /** One column per current and output, forced then free-run: I_Na_forced_nA, g_Na_free_uS, … */
    static void writeTraces(Path file, CurrentsResult r) throws IOException {
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        for (String mode : List.of("forced", "free")) {
            List<SynapticTraces.Trace> ts = mode.equals("forced") ? r.forced : r.freeRun;
            for (int c = 0; c < ts.size(); c++) {
                SynapticTraces.Trace t = ts.get(c);
                for (int o = 0; o < t.outputs.size(); o++) {
                    names.add(column(r.currents.get(c), t.outputs.get(o), mode));
                    cols.add(t.values[o]);
                }
            }
        }
        CsvRecordings.write(file, r.dt, new double[] {r.forced.get(0).start * r.dt}, names, List.of(cols), false);
    }

    static String num(double x) { return Outputs.num(x); }
}
