package org.rmmfiji.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static MetricsReport find(FitResult r, String neuron, String part) {
        for (MetricsReport m : r.metrics) if (m.neuron.equals(neuron) && m.part.equals(part)) return m;
        throw new AssertionError("no " + part + " metrics for " + neuron + " in " + r.metrics);
    }

    /** One README table row per acceptance fit, written to target/acceptance/NAME.md. */
    static void figures(String name, String dataset, String model, FitResult r, MetricsReport m) throws IOException {
        Files.createDirectories(FIGURES);
        int epochs = r.history.epoch_loss.size();
        double rate = r.history.samples * (double) epochs / r.history.training_seconds;
        String row = String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f s | %.2f M | %s | %.3f | %.3f | %d / %d | %.2f mV |%n",
                dataset, model, m.part, epochs, r.fitSeconds, rate / 1e6, r.history.selected >= 0 ? "epoch " + r.history.snapshots.get(r.history.selected).epoch : "last",
                m.score, m.gamma, m.spikes_model, m.spikes_data, m.subthreshold_rmse_mV);
        Files.writeString(FIGURES.resolve(name + ".md"), row, StandardCharsets.UTF_8);
    }
}
