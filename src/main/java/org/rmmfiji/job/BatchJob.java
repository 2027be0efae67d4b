package org.rmmfiji.job;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.AtomicFiles;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/**
 * Batch Fit: every recording of a folder (or this run's shard of them) fitted with the same keys, one model per
 * recording, and a summary table with one row per recording. A file that cannot be read or fitted is a row with its
 * reason and never the end of the batch; a cancel ends it with the rows so far (the rest "not-run"); the summary is
 * rewritten whole after every file, so a run killed by a time limit keeps what it finished. Shards of one
 * folder write {@code batch-summary-shard-k-of-n.csv}; {@link #merge} joins them into {@code batch-summary.csv}.
 */
public final class BatchJob {
    private BatchJob() {}

    public static final String SUMMARY = "batch-summary.csv";
    static final String FITTED = "fitted", FAILED = "failed", NOT_RUN = "not-run";
    public static final String HEADER = "file,status,model_file,fit_seconds,validation_score,validation_gamma,validation_spike_count_ratio,test_score,test_gamma,error";
    static final String DEFAULT_GLOB = "*.{abf,ABF,csv,tsv,gz,mat,nwb}";
    private static final Pattern SHARD = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");
    private static final Pattern SHARD_FILE = Pattern.compile("batch-summary-shard-(\\d+)-of-(\\d+)\\.csv");

    /** What one run did. */
    public static final class Result {
        public Path summaryFile;
        public int fitted, failed, notRun;
        public double seconds;
        public List<String> rows = new ArrayList<>();
    }

    /** {k, n} of "k/n", or {1, 1} when empty; anything else is refused. */
    static int[] shard(String s) {
        if (s == null || s.isBlank()) return new int[] {1, 1};
        Matcher m = SHARD.matcher(s);
        if (!m.matches()) throw new InvalidInputException("shard must be k/n, e.g. 3/10, got '" + s + "'");
        int k = Integer.parseInt(m.group(1)), n = Integer.parseInt(m.group(2));
        if (n < 1 || k < 1 || k > n) throw new InvalidInputException("shard " + s + ": k must be between 1 and n (n ≥ 1)");
        return new int[] {k, n};
    }

    /** The recordings of the folder matching the pattern, sorted by name, and of them this shard's. */
    static List<Path> files(BatchSettings s) throws IOException {
        if (s.input_dir == null || s.input_dir.isBlank()) throw new InvalidInputException("input_dir is not set: choose the folder of recordings to fit");
        Path dir = Paths.get(s.input_dir);
        if (!Files.isDirectory(dir)) throw new InvalidInputException("input_dir " + dir + " is not a folder");
        String glob = s.pattern == null || s.pattern.isBlank() ? DEFAULT_GLOB : s.pattern.trim();
        PathMatcher match;
        try {
            match = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("pattern '" + glob + "' is not a glob: " + e.getMessage());
        }
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) if (Files.isRegularFile(p) && match.matches(p.getFileName()) && !p.getFileName().toString().startsWith("batch-summary")) all.add(p);
        }
        all.sort(null);
        if (all.isEmpty()) throw new InvalidInputException("input_dir " + dir + " has no file matching " + glob);
        // two recordings with one base name (a.abf, a.csv) would write the same model files, even from different shards
        java.util.Map<String, Path> names = new java.util.HashMap<>();
        for (Path f : all) {
            Path other = names.put(FitJob.baseName(f), f);
            if (other != null)
                throw new InvalidInputException("input_dir holds " + other.getFileName() + " and " + f.getFileName() + ", whose models would have the same name ("
                        + FitJob.baseName(f) + ".rmm.json); rename one or choose with pattern");
        }
        int[] kn = shard(s.shard);
        List<Path> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (i % kn[1] == kn[0] - 1) mine.add(all.get(i));
        return mine;
    }

    public static Result run(BatchSettings s, ProgressListener listener, CancelToken cancel) throws IOException {
        if (s.recording_file != null && !s.recording_file.isBlank())
            throw new InvalidInputException("Batch Fit fits every recording of input_dir; leave recording_file empty (it is set per file)");
        if (s.recording != null && !s.recording.isBlank())
            throw new InvalidInputException("Batch Fit fits every recording of input_dir; leave recording (a trace window or table) empty");
        if (s.output_name != null && !s.output_name.isBlank())
            throw new InvalidInputException("Batch Fit names each model after its recording; leave output_name empty");
        if (EnsembleJob.isEnsemble(s)) throw new InvalidInputException("Batch Fit fits one model per recording; run ensembles with Fit RMM");
        Path out = Outputs.outputFolder(s.output_dir, "the models and the batch summary");
        int[] kn = shard(s.shard);
        List<Path> files = files(s);
        Result r = new Result();
        r.summaryFile = out.resolve(kn[1] == 1 ? SUMMARY : String.format(Locale.ROOT, "batch-summary-shard-%d-of-%d.csv", kn[0], kn[1]));
        Outputs.requireAbsent(List.of(r.summaryFile), s.overwrite, "Batch Fit");
        long t0 = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = f.getFileName().toString();
            if (cancel.isCancelled()) {
                r.rows.add(row(name, NOT_RUN, null, Double.NaN, null, "the batch was cancelled before this file"));
                r.notRun++;
            } else {
                listener.message(String.format(Locale.ROOT, "Batch Fit: %s (%d of %d%s)…", name, i + 1, files.size(), kn[1] > 1 ? ", shard " + kn[0] + "/" + kn[1] : ""));
                fitOne(s, f, out, r, listener, cancel);
            }
            // after every file, whole: a run killed by a time limit keeps the rows it finished
            writeSummary(r.summaryFile, r.rows);
        }
        r.seconds = (System.nanoTime() - t0) / 1e9;
        return r;
    }

    /** Fits one recording and adds its row: fitted, failed (with the reason) or not-run (cancelled during it). */
    private static void fitOne(BatchSettings s, Path f, Path out, Result r, ProgressListener listener, CancelToken cancel) {
        String name = f.getFileName().toString();
        FitSettings one = copy(s);
        one.recording_file = f.toString();
        try {
            FitResult fit = FitJob.run(one, listener, cancel);
            r.rows.add(row(name, FITTED, out.relativize(fit.modelFile).toString(), fit.fitSeconds, fit.metrics, null));
            r.fitted++;
        } catch (InvalidInputException | IOException e) {
            listener.warning(name + ": " + e.getMessage());
            r.rows.add(row(name, FAILED, null, Double.NaN, null, e.getMessage()));
            r.failed++;
        } catch (FitJob.CancelledException e) {
            r.rows.add(row(name, NOT_RUN, null, Double.NaN, null, "cancelled during this file"));
            r.notRun++;
        } catch (RuntimeException e) {             // a fault of ours on one file must not lose the others
            listener.warning(name + ": internal error " + e);
            r.rows.add(row(name, FAILED, null, Double.NaN, null, "internal error: " + e));
            r.failed++;
        }
    }

    /** The Fit RMM keys of a batch, as a FitSettings (the batch's own keys left behind). */
    static FitSettings copy(BatchSettings s) {
        FitSettings f = new FitSettings();
        for (java.lang.reflect.Field field : FitSettings.class.getFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) continue;
            try {
                field.set(f, field.get(s));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return f;
    }

    static String row(String file, String status, String model, double seconds, List<MetricsReport> metrics, String error) {
        double[] val = mean(metrics, "validation"), test = mean(metrics, "test");
        return String.join(",", quote(file), status, model == null ? "" : quote(model), num(seconds), num(val[0]), num(val[1]), num(val[2]), num(test[0]), num(test[1]),
                error == null ? "" : quote(error));
    }

    /** Score, Γ and spike-count ratio of a part, averaged over the modelled neurons (NaN when the part was not scored). */
    static double[] mean(List<MetricsReport> metrics, String part) {
        double[] sum = new double[3];
        int n = 0;
        if (metrics != null)
            for (MetricsReport m : metrics)
                if (part.equals(m.part)) {
                    sum[0] += m.score;
                    sum[1] += m.gamma;
                    sum[2] += m.spike_count_ratio;
                    n++;
                }
        for (int k = 0; k < 3; k++) sum[k] = n == 0 ? Double.NaN : sum[k] / n;
        return sum;
    }

    static void writeSummary(Path file, List<String> rows) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write(HEADER + "\n");
            for (String r : rows) w.write(r + "\n");
        });
    }

    /**
     * Joins the shard summaries of a folder ({@code batch-summary-shard-k-of-n.csv}, every k of one n present) into
     * {@code batch-summary.csv}, rows sorted by file as a single run writes them.
     */
    public static Path merge(Path dir, boolean overwrite) throws IOException {
        if (!Files.isDirectory(dir)) throw new InvalidInputException(dir + " is not a folder");
        List<Path> shards = new ArrayList<>();
        int n = -1;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "batch-summary-shard-*-of-*.csv")) {
            for (Path p : ds) {
                Matcher m = SHARD_FILE.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                int pn = Integer.parseInt(m.group(2));
                if (n >= 0 && pn != n) throw new InvalidInputException(dir + " holds shard summaries of different splits (of " + n + " and of " + pn + "); merge one split at a time");
                n = pn;
                shards.add(p);
            }
        }
        if (shards.isEmpty()) throw new InvalidInputException(dir + " has no shard summary (batch-summary-shard-k-of-n.csv) to merge");
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) if (!Files.exists(dir.resolve(String.format(Locale.ROOT, "batch-summary-shard-%d-of-%d.csv", k, n)))) missing.add(k);
        if (!missing.isEmpty()) throw new InvalidInputException(dir + ": shard(s) " + missing + " of " + n + " are missing; run them before merging");
        List<String> rows = new ArrayList<>();
        for (Path p : shards) {
            List<String> lines = Files.readAllLines(p);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) throw new InvalidInputException(p + " is not a Batch Fit summary (its header differs)");
            for (String l : lines.subList(1, lines.size())) if (!l.isBlank()) rows.add(l);
        }
        rows.sort(java.util.Comparator.comparing(BatchJob::fileOf));
        Path merged = dir.resolve(SUMMARY);
        Outputs.requireAbsent(List.of(merged), overwrite, "Merge Batch Results");
        writeSummary(merged, rows);
        return merged;
    }

    /** The file column of a row (quoted, may hold commas). */
    static String fileOf(String row) {
        if (!row.startsWith("\"")) return row.substring(0, row.indexOf(','));
        int end = row.indexOf("\",", 1);
        return row.substring(1, end).replace("\"\"", "\"");
    }

    static String quote(String s) { return "\"" + s.replace("\"", "\"\"").replace('\n', ' ') + "\""; }

    static String num(double x) { return Outputs.num(x); }
}
