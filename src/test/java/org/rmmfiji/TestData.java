package org.rmmfiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.job.FitJob;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.job.FitSettings;
import org.rmmfiji.model.Presets;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/** Small ground-truth recordings for fast tests, made on the fly. */
public final class TestData {
    private TestData() {}

    /** The hh dataset at 3 % of its length: 1.8 s training and 0.6 s validation segments at 20 kHz (longer than neuron-lumped's 0.47 s filter transient). */
    public static Path smallHh(Path dir) throws IOException {
        NamedDatasets.generate(NamedDatasets.HH, dir, 0.03);
        return dir.resolve("hh.csv");
    }

    /**
     * The pd-lp dataset (PD measured, LP modelled, OU current into LP, 10 kHz) at 3 % of its length: one 6.6 s
     * segment, columns V_LP_mV, V_PD_mV, I_LP_nA. Fit it with train_fraction and validation_fraction 0.5 so that
     * both parts outlast the 2.24 s transient of the LP preset's filters.
     */
    public static Path smallPdLp(Path dir) throws IOException {
        NamedDatasets.generate(NamedDatasets.PD_LP, dir, 0.03);
        return dir.resolve("pd-lp.csv");
    }

    /** The Fit RMM keys of a quick lp-pd-syncond fit of {@link #smallPdLp}: two teacher-forcing epochs, channels named. */
    public static FitSettings quickSyncondFit(Path recording, Path out) {
        FitSettings s = new FitSettings();
        s.recording_file = recording.toString();
        s.output_dir = out.toString();
        s.preset = Presets.LP_PD_SYNCOND;
        s.trainer = "teacher-forcing";
        s.epochs = 2;
        s.batch_size = 5000;
        s.snapshot_every = 2;
        s.train_fraction = 0.5;
        s.validation_fraction = 0.5;
        s.neurons = "V_LP";
        s.inputs = "V_PD";
        s.currents = "I_LP";
        return s;
    }

    private static Path syncondModel, pdLp, pdLpShort;

    /**
     * One quick lp-pd-syncond fit of {@link #smallPdLp} shared by every test of this JVM (made on first use, about
     * 10 s), with its recording and a 3.5 s excerpt of it ({@link #pdLpShort()}) for quick inspections.
     */
    public static synchronized Path syncondModel() throws IOException {
        if (syncondModel == null) {
            Path dir = Files.createTempDirectory("rmm-syncond");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            pdLp = smallPdLp(dir);
            FitResult r = FitJob.run(quickSyncondFit(pdLp, dir.resolve("fit")), ProgressListener.NONE, new CancelToken());
            pdLpShort = dir.resolve("pd-lp-short.csv");
            List<String> lines = Files.readAllLines(pdLp);
            Files.write(pdLpShort, lines.subList(0, 1 + 35_000));
            syncondModel = r.modelFile;
        }
        return syncondModel;
    }

    /** The recording the shared model was fitted on (6.6 s). */
    public static synchronized Path pdLp() throws IOException {
        syncondModel();
        return pdLp;
    }

    /** Its first 3.5 s (1.26 s after the filter transient): enough to inspect the coupling quickly. */
    public static synchronized Path pdLpShort() throws IOException {
        syncondModel();
        return pdLpShort;
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    /** Every file under a folder with its bytes, to prove a folder was left unchanged. */
    public static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        if (!Files.exists(dir)) return m;
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) if (Files.isRegularFile(p)) m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    /**
     * Where the shared reference recordings live, relative to the project root. Where they are absent (a user's
     * clone) the calling test is skipped with a message; under CI (environment variable CI set) it fails instead.
     */
    public static Path sharedAbf() {
        Path p = Path.of("..", "shared", "data", "abf");
        if (!Files.isDirectory(p)) {
            String why = "the shared ABF recordings are not at " + p.toAbsolutePath().normalize();
            if (System.getenv("CI") != null) throw new AssertionError(why + " (CI must have them)");
            org.junit.jupiter.api.Assumptions.abort(why + "; skipping");
        }
        return p;
    }

    /** t_ms (restarting per segment), segment, then every channel: the CSV writer's columns. */
    public static List<double[]> columnsOf(org.rmmfiji.data.Recording r) {
        int n = (int) r.totalSamples();
        double[] t = new double[n], seg = new double[n];
        List<double[]> channels = new java.util.ArrayList<>();
        for (int c = 0; c < r.channels().size(); c++) channels.add(new double[n]);
        int row = 0;
        for (int s = 0; s < r.segments().size(); s++) {
            org.rmmfiji.data.Segment segment = r.segments().get(s);
            for (int k = 0; k < segment.length(); k++, row++) {
                t[row] = k * r.dt();
                seg[row] = s;
                for (int c = 0; c < channels.size(); c++) channels.get(c)[row] = segment.get(c, k);
            }
        }
        List<double[]> out = new java.util.ArrayList<>(List.of(t, seg));
        out.addAll(channels);
        return out;
    }
}
