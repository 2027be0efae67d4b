package org.rmmfiji.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.rmmfiji.io.Json;
import org.rmmfiji.math.Rng;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Presets;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.FeatureExport;
import org.rmmfiji.train.History;
import org.rmmfiji.train.PeerLayout;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TeacherForcingTrainer;
import org.rmmfiji.train.Training;
import org.rmmfiji.train.TrainingData;
import org.rmmfiji.train.TrainingSettings;
import org.rmmfiji.train.Validation;

/**
 * Time to a good model ({@code benchmark --time-to-quality}): the numpy peer trains {@link #PEER_EPOCHS} epochs of the
 * authors' Adam recipe and keeps a snapshot every {@link #EVERY} epochs; this engine scores every snapshot by a free
 * run on the validation segment (untimed) and the best score is the target. Then this engine fits the same data by
 * teacher forcing with the preset's batches, Adam and ρ, scoring its own snapshots as every fit does, until a snapshot
 * reaches the target, or {@link #MAX_OWN_EPOCHS}. The peer's time is its training time up to its best snapshot,
 * without any validation, which favours it; this engine's is the wall time of the fit, validation and building the
 * rows included. Median over {@link #SEEDS}; both sides start from the same leak and capacitance, each from its own
 * random weights.
 */
final class TimeToQuality {
    private TimeToQuality() {}

    static final int PEER_EPOCHS = 500, EVERY = 5, MAX_OWN_EPOCHS = 500, PEER_THREADS = 1;
    static final long[] SEEDS = {1, 2, 3};

    /**
     * The authors' Adam recipe for a preset (rmm-paper-and-code §3.1–3.2): lp-pd's defaults are theirs; for the HH
     * model they used batches of 38,400, learning rate 1e-3, β (0.9, 0.999) and ρ 1e-6.
     */
    static TrainingSettings authorsRecipe(String preset) {
        TrainingSettings s = new TrainingSettings(Presets.get(preset).defaults());
        if (preset.equals(Presets.HH_LUMPED)) {
            s.batch_size = 38_400;
            s.learning_rate = 1e-3;
            s.beta1 = 0.9;
            s.beta2 = 0.999;
            s.l2 = 1e-6;
        }
        return s;
    }

    /** What the peer wrote: its flat parameter vectors, their epochs and cumulative training seconds. */
    static final class Snapshots {
        int parameters;
        int[] epochs;
        double[] seconds;
        transient float[] values;
    }

    /** Runs the comparison on one case, printing through {@code out}; returns false when the numpy peer is missing. */
    static boolean run(Benchmark.Case c, Path work, Consumer<String> out) throws Exception {
        Network scorer = c.newNetwork();
        TrainingData data = c.data(scorer);
        TrainingSettings authors = authorsRecipe(c.preset);
        Path features = work.resolve(c.preset + "-ttq-features");
        FeatureExport.write(scorer, data, authors, features);
        PeerLayout layout = PeerLayout.of(scorer);
        double[] start = scorer.parameters().clone();
        PythonPeer numpy = new PythonPeer("numpy", "numpy_tf.py");
        double[] peerSeconds = new double[SEEDS.length], ownSeconds = new double[SEEDS.length], targets = new double[SEEDS.length];
        for (int k = 0; k < SEEDS.length; k++) {
            Path snapPrefix = work.resolve(c.preset + "-ttq-snapshots-" + SEEDS[k]);
            if (numpy.run(features, PEER_EPOCHS, PEER_THREADS, "--seed", Long.toString(SEEDS[k]), "--snapshots", snapPrefix.toString(),
                    "--every", Integer.toString(EVERY)) == null) return false;
            Snapshots snaps = read(snapPrefix, layout.size());
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < snaps.epochs.length; q++) {
                scorer.store().setAll(start);
                layout.apply(snaps.values, q * snaps.parameters);
                MetricsReport m = Validation.evaluate(scorer, data.dataset().validation(), data.channels(), authors.score, authors.dump_fraction,
                        "validation").get(0);
                if (!m.diverged && m.score > bestScore) {
                    bestScore = m.score;
                    best = q;
                }
            }
            if (best < 0) {     // nothing to reach: no target, and no time for either side
                out.accept(String.format(Locale.ROOT, "  %-10s seed %d: no snapshot of the numpy peer ran freely on the validation data", c.preset, SEEDS[k]));
                targets[k] = peerSeconds[k] = ownSeconds[k] = Double.NaN;
                continue;
            }
            targets[k] = bestScore;
            peerSeconds[k] = snaps.seconds[best];
            Own own = ownFit(c, SEEDS[k], bestScore);
            ownSeconds[k] = own.seconds;
            out.accept(String.format(Locale.ROOT, "  %-10s seed %d: numpy's best snapshot, epoch %d: score %.3f after %.1f s of training; this engine: %s",
                    c.preset, SEEDS[k], snaps.epochs[best], bestScore, peerSeconds[k],
                    Double.isNaN(own.seconds) ? String.format(Locale.ROOT, "not reached in %d epochs (best %.3f)", MAX_OWN_EPOCHS, own.bestScore)
                            : String.format(Locale.ROOT, "score %.3f at epoch %d, %.1f s wall", own.score, own.epoch, own.seconds)));
        }
        double peer = median(peerSeconds), mine = median(ownSeconds);
        out.accept(String.format(Locale.ROOT, "  %-10s median: target score %.3f; numpy %.1f s, this engine %s: ratio this engine / numpy %s", c.preset,
                median(targets), peer, Double.isNaN(mine) ? "not reached" : String.format(Locale.ROOT, "%.1f s", mine),
                Double.isNaN(mine) ? "—" : String.format(Locale.ROOT, "%.2f", mine / peer)));
        return true;
    }

    /** This engine's teacher forcing, with the preset's recipe, until a snapshot's validation score reaches {@code target}. */
    private static Own ownFit(Benchmark.Case c, long seed, double target) {
        Network net = new Network(Presets.get(c.preset).build(c.neurons, c.inputs), c.rec.dt());
        net.initialise(new Rng(seed));
        TrainingSettings s = new TrainingSettings(Presets.get(c.preset).defaults());
        s.epochs = MAX_OWN_EPOCHS;
        s.seed = seed;
        s.threads = 2;
        s.snapshot_every = EVERY;
        CancelToken cancel = new CancelToken();
        Own own = new Own();
        long t0 = System.nanoTime();
        Training.run(List.of(new TeacherForcingTrainer()), net, c.data(net), s, new ProgressListener() {
            @Override
            public void snapshot(History.Snapshot snap) {
                if (snap.rejected || snap.validation.isEmpty() || !Double.isNaN(own.seconds)) return;
                double score = snap.validation.get(0).score;
                own.bestScore = Math.max(own.bestScore, score);
                if (score >= target) {
                    own.seconds = (System.nanoTime() - t0) * 1e-9;
                    own.score = score;
                    own.epoch = snap.epoch;
                    cancel.cancel();
                }
            }
        }, cancel);
        return own;
    }

    private static final class Own {
        double seconds = Double.NaN, score = Double.NaN, bestScore = Double.NEGATIVE_INFINITY;
        int epoch = -1;
    }

    static Snapshots read(Path prefix, int expectedParameters) throws IOException {
        Snapshots s = Json.GSON.fromJson(Files.readString(prefix.resolveSibling(prefix.getFileName() + ".json")), Snapshots.class);
        if (s.parameters != expectedParameters)
            throw new IOException("the numpy peer wrote " + s.parameters + " parameters per snapshot; the model has " + expectedParameters);
        byte[] bytes = Files.readAllBytes(prefix.resolveSibling(prefix.getFileName() + ".f32"));
        if (bytes.length != 4L * s.parameters * s.epochs.length) throw new IOException("the numpy peer's snapshot file is truncated: " + bytes.length + " bytes");
        s.values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(s.values);
        return s;
    }

    /** The median, NaN (not reached) counted above every number. */
    static double median(double[] values) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) if (Double.isNaN(v[i])) v[i] = Double.POSITIVE_INFINITY;
        Arrays.sort(v);
        double m = v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
        return Double.isInfinite(m) ? Double.NaN : m;
    }
}
