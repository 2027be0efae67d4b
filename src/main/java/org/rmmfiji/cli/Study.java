package org.rmmfiji.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

import org.rmmfiji.groundtruth.NamedDataset;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.job.DatasetFits;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ClosedLoopTrainer;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TeacherForcingTrainer;

/**
 * {@code study [DATASET] [--out DIR] [--epochs N] [--closed-loop-epochs N] [--seed S]}: fits one named dataset with
 * teacher forcing, multiple shooting, generalized teacher forcing and the teacher-forcing + multiple-shooting
 * pipeline, each with the dataset's preset and the same seed, and writes a table (study.md) and a plot of the
 * validation score against training time (study.png). The README's study section is copied from study.md.
 */
final class Study {
    private Study() {}

    static final String[] TRAINERS = {TeacherForcingTrainer.ID, ClosedLoopTrainer.MULTIPLE_SHOOTING, ClosedLoopTrainer.GTF,
        TeacherForcingTrainer.ID + "+" + ClosedLoopTrainer.MULTIPLE_SHOOTING};
    private static final java.awt.Color[] COLOURS = {java.awt.Color.BLACK, java.awt.Color.RED, java.awt.Color.BLUE, new java.awt.Color(0, 140, 0)};

    static final String USAGE = "usage: study [DATASET] [--out DIR] [--epochs N] [--closed-loop-epochs N] [--seed S]";

    private static int whole(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new org.rmmfiji.data.InvalidInputException(option + " needs a whole number, got '" + text + "'; " + USAGE);
        }
    }

    static int run(String[] args) throws IOException {
        try {
            return study(args);
        } catch (org.rmmfiji.data.InvalidInputException e) {
            System.err.println("study: " + e.getMessage());
            return 2;
        }
    }

    private static int study(String[] args) throws IOException {
        String name = NamedDatasets.PD_LP.name;
        Path out = Paths.get("target", "study");
        Integer epochs = null, closedLoop = null;
        long seed = 1;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--out") && i + 1 < args.length) out = Paths.get(args[++i]);
            else if (a.equals("--epochs") && i + 1 < args.length) epochs = whole(a, args[++i]);
            else if (a.equals("--closed-loop-epochs") && i + 1 < args.length) closedLoop = whole(a, args[++i]);
            else if (a.equals("--seed") && i + 1 < args.length) seed = whole(a, args[++i]);
            else if (!a.startsWith("--")) name = a;
            else {
                System.err.println("unknown option " + a + "\n" + USAGE);
                return 2;
            }
        }
        NamedDataset d = NamedDatasets.get(name);
        Path data = Paths.get("datasets");
        Path rec = data.resolve(d.recordingFile());
        if (!Files.exists(rec)) {
            System.out.println("generating " + d.name + " into " + data);
            NamedDatasets.generate(d, data, 1.0);
        }
        Files.createDirectories(out);
        List<Row> rows = new ArrayList<>();
        for (String trainer : TRAINERS) {
            FitSettings s = DatasetFits.settings(d, rec, out.resolve(trainer.replace('+', '_')));
            s.trainer = trainer;
            s.epochs = epochs;
            s.closed_loop_epochs = closedLoop;
            s.seed = seed;
            s.overwrite = true;     // the study owns its folder: a second run replaces the first
            System.out.println("study: " + d.name + ", " + trainer + " …");
            long t0 = System.nanoTime();
            FitResult r = FitJob.run(s, ProgressListener.NONE, new CancelToken());
            rows.add(new Row(trainer, r, (System.nanoTime() - t0) * 1e-9));
            System.out.println("  " + rows.get(rows.size() - 1).markdown().trim());
        }
        String table = table(String.join(" ", args), d, rows);
        Files.writeString(out.resolve("study.md"), table);
        plot(d, rows, out.resolve("study.png"));
        System.out.print(table);
        System.out.println("wrote " + out.resolve("study.md") + " and " + out.resolve("study.png"));
        return 0;
    }

    /** One trainer's outcome: the kept snapshot's held-out metrics and the validation score along training time. */
    static final class Row {
        final String trainer;
        final FitResult result;
        final double wallSeconds;

        Row(String trainer, FitResult result, double wallSeconds) {
            this.trainer = trainer;
            this.result = result;
            this.wallSeconds = wallSeconds;
        }

        /** Test metrics when there is a test part, else validation, else training (a study always has one). */
        MetricsReport heldOut() {
            MetricsReport best = null;
            for (MetricsReport m : result.metrics) {
                if (m.part.equals("test")) return m;
                if (m.part.equals("validation") || best == null) best = m;
            }
            return best;
        }

        String markdown() {
            History h = result.history;
            MetricsReport m = heldOut();
            String kept = h.selected >= 0 ? "epoch " + h.snapshots.get(h.selected).epoch + " (" + h.snapshots.get(h.selected).trainer + ")" : "none";
            return String.format(Locale.ROOT, "| %s | %d | %.1f s | %.1f s | %s | %s | %.3f | %.4g | %.3f | %d / %d |%n", trainer, h.epoch_loss.size(),
                    h.training_seconds, wallSeconds, kept, m.part, m.score, m.loss, m.gamma, m.spikes_model, m.spikes_data);
        }
    }

    static String table(String command, NamedDataset d, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Printed by `./rmm %s` on %s (%s, %d cores): each trainer from the same initialisation (seed %d), "
                + "the kept snapshot's free-run metrics on held-out data.%n%n", command, d.name, java.time.LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), rows.get(0).result.model.provenance.seed));
        sb.append("| trainer | epochs | training time | wall time (with validation) | kept | part | score | loss | Γ | spikes model / data |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) sb.append(r.markdown());
        return sb.toString();
    }

    /** Validation score of every scored snapshot against cumulative training time, one line per trainer. */
    static void plot(NamedDataset d, List<Row> rows, Path png) throws IOException {
        Plot p = new Plot("Validation score against training time: " + d.name, "training time (s)", "validation score");
        double tMax = 1e-9;
        for (Row r : rows) for (History.Snapshot s : r.result.history.snapshots) tMax = Math.max(tMax, s.seconds);
        p.setLimits(0, tMax * 1.02, 0, 1);
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            List<History.Snapshot> snaps = rows.get(i).result.history.snapshots;
            double[] t = new double[snaps.size()], v = new double[snaps.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = snaps.get(k).seconds;
                v[k] = snaps.get(k).validation.isEmpty() ? Double.NaN : snaps.get(k).validation.get(0).score;
            }
            p.setColor(COLOURS[i % COLOURS.length]);
            p.addPoints(t, v, Plot.CONNECTED_CIRCLES);
            legend.append(i == 0 ? "" : "\t").append(rows.get(i).trainer);
        }
        p.setLegend(legend.toString(), Plot.AUTO_POSITION);
        ImagePlus imp = p.getImagePlus();
        Path tmp = png.resolveSibling(png.getFileName() + ".part");
        if (!new FileSaver(imp).saveAsPng(tmp.toString())) throw new IOException("could not write " + png);
        Files.move(tmp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
