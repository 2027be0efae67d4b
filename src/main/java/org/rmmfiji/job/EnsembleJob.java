package org.rmmfiji.job;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.reflect.TypeToken;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.EnsembleFile;
import org.rmmfiji.io.EnsembleFiles;
import org.rmmfiji.io.Json;
import org.rmmfiji.io.SoftwareVersion;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.SelectionMetric;
import org.rmmfiji.train.StopReason;
import org.rmmfiji.train.Validation;

/**
 * An ensemble of fits of one architecture over seeds × disjoint batches of the training part (PNAS Fig. 4: 4 seeds ×
 * 2 batches), each member an ordinary {@link FitJob} on its seed and batch, all selected and scored on the same
 * validation part. Every member is planned (settings, channels, lengths, free output names) before the first one
 * trains, so bad input writes nothing. Each member writes the files of a fit under its own name
 * ({@code NAME-ensemble-s1-b1.rmm.json}, …, see {@link EnsembleLayout}); then the table {@code NAME-ensemble.csv}
 * (one row per member) and the summary {@code NAME.rmmensemble.json} ({@link EnsembleFile}) are written, each
 * atomically. A member that fails is reported in the summary and the others go on; cancelling stops inside the
 * running member (which keeps its best snapshot so far, as a cancelled fit does) and marks the rest not-run.
 */
public final class EnsembleJob {
    private EnsembleJob() {}

    /** The table beside the summary: {@code NAME-ensemble.csv}. */
    public static final String TABLE_SUFFIX = "-ensemble.csv";

    /** What a front end does with a member's fit as soon as it is written (draw its plots); returns the files it wrote. */
    public interface MemberSink {
        List<Path> written(EnsembleFile.Member member, FitResult fit) throws IOException;
    }

    /** True when the settings ask for more than one fit (the ensemble keys are checked on the way). */
    public static boolean isEnsemble(FitSettings s) { return EnsembleLayout.of(s).size() > 1; }

    /** Every member planned, before anything is written. */
    static final class Plan {
        EnsembleLayout layout;
        String name;
        List<EnsembleLayout.Member> members = new ArrayList<>();
        List<FitSettings> settings = new ArrayList<>();
        List<FitJob.Plan> fits = new ArrayList<>();
        SelectionMetric selection;
        Path summaryFile, tableFile;
        FitJob.Source source;
    }

    /** Resolves and checks every member; writes nothing. */
    static Plan plan(FitSettings s) throws IOException {
        Plan p = new Plan();
        p.layout = EnsembleLayout.of(s);
        s.requireRecording("fit");
        Path dir = Outputs.outputFolder(s.output_dir, "the ensemble's model files and summary");
        FitJob.requireFiniteNumbers(s);
        p.source = FitJob.Source.open(s);
        p.name = s.output_name == null || s.output_name.isBlank() ? p.source.name : s.output_name;
        for (EnsembleLayout.Member m : p.layout.members(p.name, s.seed)) {
            FitSettings ms = copy(s);
            ms.seed = m.seed;
            ms.output_name = m.name;
            FitJob.Plan fp;
            try {
                fp = FitJob.plan(ms, new TrainingBatch(m.batch, p.layout.segments), p.source);
            } catch (InvalidInputException e) {
                // the first member meets every error of the settings; later ones only their own (batch lengths, files)
                throw m.index == 1 ? e : new InvalidInputException("ensemble member " + m.name + ": " + e.getMessage());
            }
            p.members.add(m);
            p.settings.add(ms);
            p.fits.add(fp);
        }
        FitJob.Plan first = p.fits.get(0);
        p.selection = first.training.selection;
        if (p.layout.dropWorst > 0 && first.dataset.validation().isEmpty())
            throw new InvalidInputException("ensemble_drop_worst=" + p.layout.dropWorst + " ranks the members on validation data, but the split leaves none: "
                    + "give validation_fraction or validation_segments, or set ensemble_drop_worst=0");
        p.summaryFile = dir.resolve(p.name + EnsembleFiles.SUFFIX);
        p.tableFile = dir.resolve(p.name + TABLE_SUFFIX);
        Outputs.requireAbsent(List.of(p.summaryFile, p.tableFile), s.overwrite, "Fit RMM");
        return p;
    }

    /** The ensemble: every member fitted in turn, then the table and the summary. {@code sink} may be null. */
    public static EnsembleResult run(FitSettings s, ProgressListener listener, CancelToken cancel, MemberSink sink) throws IOException {
        Plan plan = plan(s);
        long t0 = System.nanoTime();
        plan.fits.get(0).warnings().forEach(listener::warning);
        int n = plan.members.size();
        listener.message(String.format(Locale.ROOT, "Ensemble of %d fits (%d seed(s) × %d batch(es) of the training part) → %s", n, plan.layout.seeds,
                plan.layout.segments, plan.summaryFile.getFileName()));
        EnsembleFile f = skeleton(s, plan);
        EnsembleResult result = new EnsembleResult();
        Path dir = plan.summaryFile.toAbsolutePath().getParent();
        for (int i = 0; i < n; i++) {
            EnsembleLayout.Member m = plan.members.get(i);
            EnsembleFile.Member record = f.members.get(i);
            String label = "member " + m.index + "/" + n + " (" + m.name + ")";
            if (cancel.isCancelled()) {
                record.error = "not run: the ensemble was cancelled before it";
                plan.fits.set(i, null);
                continue;
            }
            listener.message(String.format(Locale.ROOT, "Ensemble %s: seed %d, training batch %d of %d", label, m.seed, m.batch, plan.layout.segments));
            FitJob.Plan fit = plan.fits.get(i);
            plan.fits.set(i, null);          // what was planned for a member is let go once it has run
            try {
                FitResult r = FitJob.fit(fit, plan.settings.get(i), prefixed(listener, "member " + m.index + "/" + n + ": "), cancel);
                fill(record, r, plan.selection, dir);
                for (Path p : r.written) result.written.add(p);
                if (sink != null) {
                    try {
                        for (Path p : sink.written(record, r)) {
                            record.files.add(relative(dir, p));
                            result.written.add(p);
                        }
                    } catch (IOException | RuntimeException e) {
                        listener.warning(label + ": its model was written but its plots were not: " + e.getMessage());
                    }
                }
                listener.message(String.format(Locale.ROOT, "Ensemble %s: %s, validation %s %.4g", label, record.status, plan.selection.id(), record.selection_value));
            } catch (FitJob.CancelledException e) {
                record.status = EnsembleFile.NOT_RUN;
                record.error = "cancelled before its first snapshot was scored; nothing was written";
                listener.message("Ensemble " + label + ": " + record.error);
            } catch (InvalidInputException | IOException e) {
                failed(record, e.getMessage(), label, listener);
            } catch (RuntimeException e) {
                failed(record, e.toString(), label, listener);
            }
        }
        int dropped = EnsembleSelection.apply(f.members, plan.layout.dropWorst, plan.selection);
        if (dropped < plan.layout.dropWorst)
            f.notes.add("ensemble_drop_worst=" + plan.layout.dropWorst + " but only " + count(f.members, true) + " member(s) were written: dropped " + dropped
                    + ", kept at least one");
        result.cancelled = cancel.isCancelled();
        f.status = result.cancelled ? EnsembleFile.CANCELLED : EnsembleFile.COMPLETED;
        int written = count(f.members, true);
        if (written == 0 && result.cancelled)
            throw new FitJob.CancelledException("the ensemble was cancelled before any member had a scored snapshot; no model was written");
        EnsembleFiles.writeTable(plan.tableFile, f);
        EnsembleFiles.write(plan.summaryFile, f);
        result.written.add(plan.tableFile);
        result.written.add(plan.summaryFile);
        result.summary = f;
        result.summaryFile = plan.summaryFile;
        result.tableFile = plan.tableFile;
        for (EnsembleFile.Member m : f.members) if (m.kept) result.keptModels.add(dir.resolve(m.file));
        result.seconds = (System.nanoTime() - t0) * 1e-9;
        listener.message(String.format(Locale.ROOT, "Ensemble %s: %d of %d member(s) written, %d kept, %d dropped, %d failed, %d not run",
                f.status, written, n, result.keptModels.size(), dropped, countStatus(f.members, EnsembleFile.FAILED), countStatus(f.members, EnsembleFile.NOT_RUN)));
        if (written == 0)
            throw new InvalidInputException("no member of the ensemble could be fitted (" + plan.summaryFile.getFileName() + " lists each reason); member 1: "
                    + f.members.get(0).error);
        return result;
    }

    private static void failed(EnsembleFile.Member record, String why, String label, ProgressListener listener) {
        record.status = EnsembleFile.FAILED;
        record.error = why;
        listener.warning("Ensemble " + label + " failed, the others go on: " + why);
    }

    /** The summary before any member ran: settings and rules, every member not-run with its seed and training samples. */
    static EnsembleFile skeleton(FitSettings s, Plan plan) {
        EnsembleFile f = new EnsembleFile();
        f.name = plan.name;
        f.seeds = plan.layout.seeds;
        f.segments = plan.layout.segments;
        f.drop_worst = plan.layout.dropWorst;
        f.selection = plan.selection.id();
        f.higher_is_better = plan.selection.higherIsBetter();
        f.seed_rule = "member seed index s (1…" + plan.layout.seeds + ") trains from seed + s − 1 (seed " + s.seed + "), the same for every batch";
        f.batch_rule = TrainingBatch.RULE;
        f.settings = Json.GSON.fromJson(Json.GSON.toJsonTree(s), new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
        f.software_version = SoftwareVersion.version();
        f.software_commit = SoftwareVersion.commit();
        f.created = Instant.now().toString();
        for (int i = 0; i < plan.members.size(); i++) {
            EnsembleLayout.Member m = plan.members.get(i);
            EnsembleFile.Member r = new EnsembleFile.Member();
            r.member = m.index;
            r.name = m.name;
            r.seed_index = m.seedIndex;
            r.seed = m.seed;
            r.batch = m.batch;
            r.training = plan.fits.get(i).batchRanges;
            f.members.add(r);
        }
        return f;
    }

    /** A written member's record from its fit. */
    static void fill(EnsembleFile.Member record, FitResult r, SelectionMetric selection, Path dir) {
        record.status = r.history.stopped == StopReason.CANCELLED ? EnsembleFile.CANCELLED : EnsembleFile.FITTED;
        record.file = relative(dir, r.modelFile);
        for (Path p : r.written) record.files.add(relative(dir, p));
        record.stopped = r.history.stopped.id();
        if (r.history.stop_detail != null) record.error = r.history.stop_detail;
        History.Snapshot kept = r.history.selected >= 0 ? r.history.snapshots.get(r.history.selected) : null;
        record.epoch = kept != null ? kept.epoch : 0;
        record.fit_seconds = r.fitSeconds;
        record.validation = new ArrayList<>();
        for (MetricsReport m : r.metrics) if ("validation".equals(m.part)) record.validation.add(m);
        record.selection_value = record.validation.isEmpty() ? Double.NaN : Validation.selectionValue(record.validation, selection);
    }

    private static String relative(Path dir, Path file) {
        Path abs = file.toAbsolutePath();
        return abs.getParent() != null && abs.getParent().equals(dir) ? abs.getFileName().toString() : dir.relativize(abs).toString();
    }

    private static int count(List<EnsembleFile.Member> members, boolean written) {
        int c = 0;
        for (EnsembleFile.Member m : members) if (EnsembleSelection.written(m) == written) c++;
        return c;
    }

    private static int countStatus(List<EnsembleFile.Member> members, String status) {
        int c = 0;
        for (EnsembleFile.Member m : members) if (status.equals(m.status)) c++;
        return c;
    }

    /** The member's messages and warnings start with {@code member i/n: }; epochs and snapshots pass as they are. */
    static ProgressListener prefixed(ProgressListener to, String prefix) {
        return new ProgressListener() {
            @Override public void epoch(int epoch, int epochs, double loss, double seconds) { to.epoch(epoch, epochs, loss, seconds); }
            @Override public void snapshot(History.Snapshot snapshot) { to.snapshot(snapshot); }
            @Override public void message(String text) { to.message(prefix + text); }
            @Override public void warning(String text) { to.warning(prefix + text); }
        };
    }

    /** A field-by-field copy of a fit's settings (every key is a public field). */
    static FitSettings copy(FitSettings s) {
        FitSettings c = new FitSettings();
        for (Field f : SettingsKeys.keys(FitSettings.class)) {
            try {
                f.set(c, f.get(s));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return c;
    }
}
