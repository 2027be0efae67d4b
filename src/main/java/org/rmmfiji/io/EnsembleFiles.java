package org.rmmfiji.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.metrics.MetricsReport;

/** Reads and writes ensemble summaries {@code *.rmmensemble.json}, and their one-row-per-member table. */
public final class EnsembleFiles {
    private EnsembleFiles() {}

    public static final String SUFFIX = ".rmmensemble.json";

    /** True when the path names an ensemble summary (by its suffix), not a model file. */
    public static boolean isSummary(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(SUFFIX);
    }

    public static void write(Path file, EnsembleFile f) throws IOException {
        AtomicFiles.writeText(file, w -> w.write(Json.GSON.toJson(f)));
    }

    public static EnsembleFile read(Path file) throws IOException {
        EnsembleFile f = Json.read(file, EnsembleFile.class, "ensemble summary");
        if (!EnsembleFile.KIND.equals(f.kind))
            throw new InvalidInputException(file + ": not an RMM ensemble summary (expected \"kind\": \"" + EnsembleFile.KIND + "\")");
        if (f.format_version != EnsembleFile.FORMAT_VERSION)
            throw new InvalidInputException(file + ": ensemble format_version " + f.format_version + " is not supported (this version reads "
                    + EnsembleFile.FORMAT_VERSION + ")");
        if (f.members == null) throw new InvalidInputException(file + ": the ensemble summary lists no members");
        return f;
    }

    /**
     * The model files of the kept members (written, not dropped), in member order, resolved against the summary's
     * folder. A summary that keeps none, or a kept model file that is missing, is a message naming it.
     */
    public static List<Path> keptModels(Path summary) throws IOException {
        EnsembleFile f = read(summary);
        Path dir = summary.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (EnsembleFile.Member m : f.members) {
            if (!m.kept) continue;
            if (m.file == null || m.file.isBlank()) throw new InvalidInputException(summary + ": kept member " + m.name + " names no model file");
            Path p = dir.resolve(m.file);
            if (!Files.isRegularFile(p)) throw new InvalidInputException(summary + ": the model file of kept member " + m.name + " is missing: " + p);
            out.add(p);
        }
        if (out.isEmpty()) throw new InvalidInputException(summary + ": no member of the ensemble is kept (every one failed, was dropped or was not run)");
        return out;
    }

    /** The table's columns, one row per member (validation metrics are means over the modelled neurons). */
    public static final String TABLE_HEADER = "member,name,seed,batch,status,kept,dropped,rank,selection,selection_value,"
            + "validation_score,validation_loss,validation_gamma,validation_spike_count_ratio,stopped,epoch,model_file,error";

    /** The members as a CSV table, for the Results table of a macro. */
    public static void writeTable(Path csv, EnsembleFile f) throws IOException {
        AtomicFiles.writeText(csv, w -> {
            w.write(TABLE_HEADER + "\n");
            for (EnsembleFile.Member m : f.members) {
                w.write(String.format(Locale.ROOT, "%d,%s,%d,%d,%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%d,%s,%s%n", m.member, quote(m.name), m.seed, m.batch,
                        m.status, m.kept, m.dropped, m.rank, f.selection, m.selection_value, mean(m.validation, "score"), mean(m.validation, "loss"),
                        mean(m.validation, "gamma"), mean(m.validation, "ratio"), m.stopped == null ? "" : m.stopped, m.epoch,
                        m.file == null ? "" : quote(m.file), m.error == null ? "" : quote(m.error)));
            }
        });
    }

    private static double mean(List<MetricsReport> reports, String which) {
        if (reports == null || reports.isEmpty()) return Double.NaN;
        double s = 0;
        for (MetricsReport r : reports)
            s += which.equals("score") ? r.score : which.equals("loss") ? r.loss : which.equals("gamma") ? r.gamma : r.spike_count_ratio;
        return s / reports.size();
    }

    /** A CSV field: in double quotes (doubled inside) when it holds a comma, a quote or a line break. */
    static String quote(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.contains(",") || one.contains("\"") ? "\"" + one.replace("\"", "\"\"") + "\"" : one;
    }
}
