package org.rmmfiji.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.groundtruth.NamedDataset;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;

/** Shared by the acceptance tests: the named datasets (generated once per build) and the figures file. */
final class Acceptance {
    private Acceptance() {}

    static final Path DATASETS = Path.of("target", "datasets");
    static final Path FIGURES = Path.of("target", "acceptance");

    /**
     * The dataset's recording file, generated on first use and again whenever the copy in target/ was made by
     * another version of the generator (its hash differs from the committed one); returns the path.
     */
    static synchronized Path dataset(NamedDataset d) throws IOException {
        Path rec = DATASETS.resolve(d.recordingFile());
        Path stamp = DATASETS.resolve(d.name + ".sha256");
        if (!Files.exists(rec) || !Files.exists(stamp) || !Files.readString(stamp).trim().equals(NamedDatasetsIT.committed().get(d.name))) {
            String hash = NamedDatasets.generate(d, DATASETS, 1.0);
            Files.writeString(stamp, hash);
        }
        return rec;
    }

    static String generatedHash(NamedDataset d) throws IOException {
        dataset(d);
        return Files.readString(DATASETS.resolve(d.name + ".sha256")).trim();
    }

    /** pd-lp with the lp-pd preset, split 180 s train / 20 s validation / 20 s test. */
    static FitSettings pdLp(Path out, int epochs) throws IOException {
        FitSettings s = new FitSettings();
        s.recording_file = dataset(NamedDatasets.PD_LP).toString();
        s.output_dir = out.toString();
        s.preset = "lp-pd";
        s.train_fraction = 180.0 / 220;
        s.validation_fraction = 20.0 / 220;
        s.epochs = epochs;
        return s;
    }

    /** A circuit dataset (pyloric3, hco) with circuit-syncond, split 120 s train / 20 s validation / 20 s test. */
    static FitSettings circuit(NamedDataset d, Path out, int closedLoopEpochs) throws IOException {
        FitSettings s = new FitSettings();
        s.recording_file = dataset(d).toString();
        s.output_dir = out.toString();
        s.preset = org.rmmfiji.model.Presets.CIRCUIT_SYNCOND;
        s.train_fraction = 120.0 / 160;
        s.validation_fraction = 20.0 / 160;
        s.closed_loop_epochs = closedLoopEpochs;
        return s;
    }

    /**
     * Each modelled neuron of a fit run freely on the test segment with every other cell held at its recording (the
     * authors' cell-by-cell view of a circuit), scored as the fit scores.
     */
    static List<MetricsReport> cellByCell(FitResult r) {
        org.rmmfiji.data.Segment test = r.segments("test").get(0);
        List<MetricsReport> out = new java.util.ArrayList<>();
        int m = r.network.modelledCount();
        for (int i = 0; i < m; i++) {
            boolean[] clamped = new boolean[m];
            java.util.Arrays.fill(clamped, true);
            clamped[i] = false;
            org.rmmfiji.sim.FreeRun.Result run = org.rmmfiji.sim.FreeRun.run(r.network, test, r.channels(), null, r.training().dump_fraction, clamped);
            out.add(org.rmmfiji.metrics.Metrics.compare(r.network.voltageName(i), "test", run.measured[i], run.predicted[i], run.diverged,
                    r.network.dt(), r.training().score));
        }
        return out;
    }

    static MetricsReport find(FitResult r, String neuron, String part) {
        for (MetricsReport m : r.metrics) if (m.neuron.equals(neuron) && m.part.equals(part)) return m;
        throw new AssertionError("no " + part + " metrics for " + neuron + " in " + r.metrics);
    }

    /** Field by field medians of reports (score, loss, Γ, spike counts and ratio, subthreshold RMSE). */
    static MetricsReport median(List<MetricsReport> rs) {
        MetricsReport m = new MetricsReport();
        m.neuron = rs.get(0).neuron;
        m.part = rs.get(0).part;
        m.score = median(rs, r -> r.score);
        m.loss = median(rs, r -> r.loss);
        m.gamma = median(rs, r -> r.gamma);
        m.spike_count_ratio = median(rs, r -> r.spike_count_ratio);
        m.spikes_model = (int) Math.round(median(rs, r -> r.spikes_model));
        m.spikes_data = (int) Math.round(median(rs, r -> r.spikes_data));
        m.subthreshold_rmse_mV = median(rs, r -> r.subthreshold_rmse_mV);
        for (MetricsReport r : rs) m.diverged |= r.diverged;
        return m;
    }

    private static double median(List<MetricsReport> rs, java.util.function.ToDoubleFunction<MetricsReport> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One README row for fits over several seeds: medians of the reports and of the fit times. */
    static void figures(String name, String dataset, String model, List<FitResult> fits, List<MetricsReport> reports, int epochs) throws IOException {
        Files.createDirectories(FIGURES);
        MetricsReport m = median(reports);
        double[] t = fits.stream().mapToDouble(f -> f.fitSeconds).sorted().toArray();
        String row = String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f s | %d | %.3f | %.3f | %.2f | %d / %d | %.2f mV |%n",
                dataset, model, m.part, epochs, t[t.length / 2], reports.size(), m.score, m.gamma, m.spike_count_ratio, m.spikes_model, m.spikes_data,
                m.subthreshold_rmse_mV);
        Files.writeString(FIGURES.resolve(name + ".md"), row, StandardCharsets.UTF_8);
    }

    /** One README table row for a single fit. */
    static void figures(String name, String dataset, String model, FitResult r, MetricsReport m) throws IOException {
        figures(name, dataset, model, List.of(r), List.of(m), r.history.epoch_loss.size());
    }
}
