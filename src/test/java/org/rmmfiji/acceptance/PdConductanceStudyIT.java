package org.rmmfiji.acceptance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rmmfiji.analysis.Bifurcations;
import org.rmmfiji.analysis.IsolatedCell;
import org.rmmfiji.analysis.IvCurves;
import org.rmmfiji.analysis.Oscillation;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.job.DatasetFits;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.metrics.Bursts;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.model.Presets;
import org.rmmfiji.sim.FreeRun;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/**
 * A study, not part of {@code mvn -B verify} (≈ 20 min on the 2-core machine; run it with
 * {@code mvn -B verify -Dit.test=PdConductanceStudyIT}): pd-burster with pd-conductance and its defaults (the authors'
 * PD model, 250 teacher-forcing epochs), then the PNAS Fig. 4E experiment on the fitted cell — the fast current
 * removed, the bifurcation current + 0.1 nA injected: does the rest of the model still oscillate, at what period, and
 * below −20 mV? — and the bifurcation finder's verdict checked by simulating the model either side of it. The figures
 * go to the README (bench/update-readme-figures); the targets are reported as met or not.
 */
class PdConductanceStudyIT {
    static final double SPIKE_MV = -20, BURST_GAP_MS = 100;

    /** The fitted model and Inspect Currents' files stay here, for a look after the study. */
    static final Path OUT = Path.of("target", "study", "pd-conductance");

    @Test
    void fig4eOnAFittedBurster() throws Exception {
        Path out = OUT;
        Files.createDirectories(out);
        FitSettings s = DatasetFits.settings(NamedDatasets.PD_BURSTER, Acceptance.dataset(NamedDatasets.PD_BURSTER), out);
        s.overwrite = true;
        s.preset = Presets.PD_CONDUCTANCE;
        FitResult r = FitJob.run(s, ProgressListener.NONE, new CancelToken());
        MetricsReport test = Acceptance.find(r, "V", "test");
        FreeRun.Result run = r.freeRun("test");
        Bursts model = Bursts.detect(run.predicted[0], r.dt, SPIKE_MV, BURST_GAP_MS);
        Bursts data = Bursts.detect(run.measured[0], r.dt, SPIKE_MV, BURST_GAP_MS);
        double periodError = Math.abs(model.period() / data.period() - 1);

        IsolatedCell cell = IsolatedCell.of(r.network, 0);
        double[] grid = IvCurves.grid(-80, 0, 161);
        List<Bifurcations.Bifurcation> intact = Bifurcations.find(cell, grid).bifurcations;
        IsolatedCell noFast = cell.scaled(Map.of("fast", 0.0));
        List<Bifurcations.Bifurcation> ablated = Bifurcations.find(noFast, grid).bifurcations;   // all of them, for the table
        StringBuilder rows = new StringBuilder();
        rows.append(String.format(Locale.ROOT, "| free run on the test segment | score %.3f, Γ %.3f, spikes %d / %d | |%n", test.score, test.gamma, test.spikes_model, test.spikes_data));
        rows.append(String.format(Locale.ROOT, "| bursts, period, spikes per burst (model / data) | %d / %d, %.0f / %.0f ms, %.1f / %.1f | period within 15 %%: %s |%n",
                model.count(), data.count(), model.period(), data.period(), model.spikesPerBurst(), data.spikesPerBurst(), periodError <= 0.15 ? "met" : "not met"));
        rows.append("| bifurcations of the intact cell (−80 … 0 mV) | " + describe(intact) + " | |\n");
        rows.append("| bifurcations without the fast current | " + describe(ablated) + " | |\n");
        Bifurcations.Bifurcation b = Bifurcations.find(noFast, grid).lossOfStability();
        if (b != null) {
            double current = Bifurcations.beyond(noFast, b, 0.1);
            int steps = (int) Math.round(20_000 / r.dt);
            double[] injected = new double[steps];
            Arrays.fill(injected, current);
            double[] v = noFast.simulate(b.voltage_mV, injected);        // from the equilibrium that has just lost its stability
            int half = v.length / 2;
            double period = Oscillation.period(v, half, r.dt), max = Double.NEGATIVE_INFINITY;
            boolean diverged = false;
            for (int k = half; k < v.length; k++) { max = Math.max(max, v[k]); diverged |= Double.isNaN(v[k]); }
            // the reference is the intact model's own burst period (the data's when the model does not burst)
            double intactPeriod = Double.isFinite(model.period()) ? model.period() : data.period();
            boolean periodOk = Double.isFinite(period) && Math.abs(period / intactPeriod - 1) <= 0.25, below = !diverged && max < -20;
            rows.append(String.format(Locale.ROOT, "| without the fast current, %.2f nA (0.1 nA beyond the %s), 20 s | %s, highest %.1f mV | within 25 %% of the %.0f ms burst period: %s; below −20 mV: %s |%n",
                    current, b.type.name().toLowerCase(Locale.ROOT), diverged ? "diverged" : Double.isFinite(period) ? String.format(Locale.ROOT, "period %.0f ms", period) : "no oscillation",
                    max, intactPeriod, periodOk ? "met" : "not met", below ? "met" : "not met"));
            // the finder's verdict against the model itself: nudged off the equilibrium either side, it returns or runs away
            rows.append("| the finder against a direct simulation either side of it | " + checkBySimulation(noFast, b, r.dt) + " | |\n");
        } else {
            rows.append("| without the fast current | no equilibrium loses its stability in −80 … 0 mV | |\n");
        }
        Files.createDirectories(Acceptance.FIGURES);
        Files.writeString(Acceptance.FIGURES.resolve("study-pd-conductance.md"), rows.toString(), StandardCharsets.UTF_8);
        inspect(r.modelFile, out.resolve("inspect"));
        System.out.print(rows);
        assertFalse(test.diverged, "the kept model runs free on the test segment");
    }

    static String describe(List<Bifurcations.Bifurcation> bs) {
        if (bs.isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        for (Bifurcations.Bifurcation b : bs.subList(0, Math.min(3, bs.size()))) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(String.format(Locale.ROOT, "%s at %.1f mV, %.2f nA%s", b.type.name().toLowerCase(Locale.ROOT), b.voltage_mV, b.current_nA,
                    b.type == Bifurcations.Type.FOLD ? "" : String.format(Locale.ROOT, ", %.2g Hz", b.frequency_Hz)));
        }
        return sb + (bs.size() > 3 ? " (and " + (bs.size() - 3) + " more)" : "");
    }

    /** "agrees" when the nudged cell decays on the side the finder calls stable and grows on the other. */
    static String checkBySimulation(IsolatedCell cell, Bifurcations.Bifurcation b, double dt) {
        StringBuilder sb = new StringBuilder();
        for (double side : new double[] {-0.5, 0.5}) {
            double v = b.voltage_mV + side;
            boolean stable = (side < 0 ? b.unstableBelow : b.unstableAbove) == 0;
            double i = cell.steadyCurrent(new double[] {v})[0];
            double[] inj = new double[(int) Math.round(5_000 / dt)];
            Arrays.fill(inj, i);
            double[] tr = cell.simulate(v + 0.01, inj);
            double start = 0, end = 0;
            for (int k = 0; k < 2000; k++) start = Math.max(start, Math.abs(tr[k] - v));
            for (int k = tr.length - 2000; k < tr.length; k++) end = Double.isNaN(tr[k]) ? Double.POSITIVE_INFINITY : Math.max(end, Math.abs(tr[k] - v));
            boolean agrees = stable ? end < start : end >= start;
            sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%+.1f mV: %s by the finder, %s", side, stable ? "stable" : "unstable",
                    agrees ? "agrees" : "disagrees"));
        }
        return sb.toString();
    }

    /** Inspect Currents on the fitted model, as a user runs it, with the fast current ablated; its IV and ablation figures go to the README. */
    static void inspect(Path model, Path dir) throws Exception {
        org.scijava.Context ctx = new org.scijava.Context(org.scijava.command.CommandService.class);
        try {
            java.util.Map<String, Object> in = new java.util.HashMap<>();
            in.put("model_file", model.toFile());
            in.put("output_dir", dir.toFile());
            in.put("v_low_mV", -80.0);
            in.put("v_high_mV", 0.0);
            in.put("ablate", "fast");
            in.put("ablation_ms", 10_000.0);
            in.put("overwrite", true);
            org.scijava.command.CommandModule m = ctx.service(org.scijava.command.CommandService.class)
                    .run(org.rmmfiji.fiji.InspectCurrentsCommand.class, true, in).get();
            if (m.isCanceled()) throw new AssertionError(m.getCancelReason());
            for (String f : new String[] {"iv", "ablation"})
                Files.copy(dir.resolve("pd-burster-currents-" + f + ".png"), Acceptance.FIGURES.resolve("pd-conductance-" + f + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            ctx.dispose();
        }
    }
}
