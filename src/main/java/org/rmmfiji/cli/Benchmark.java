package org.rmmfiji.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.groundtruth.NamedDataset;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.math.Kernels;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Presets;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;
import org.rmmfiji.sim.Simulator;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ClosedLoopTrainer;
import org.rmmfiji.train.FeatureExport;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TeacherForcingTrainer;
import org.rmmfiji.train.Trainer;
import org.rmmfiji.train.Training;
import org.rmmfiji.train.TrainingData;
import org.rmmfiji.train.TrainingSettings;

/**
 * {@code benchmark [--data DIR] [--epochs N] [--long-data-only] [--time-to-quality]}: the training engine against the Python peers, in one run on one
 * machine, for the authors' LP–PD model on ≈ 1 M samples of pd-lp and the HH models on ≈ 1 M samples of hh:
 * <ul>
 * <li>teacher-forcing throughput (sample-epochs per second, the median epoch after the first) on 1 and 2 threads,
 * with the fastest kernels this JVM has and with the plain-Java ones a stock Fiji runs, and the final epoch's loss;</li>
 * <li>the numpy and PyTorch peers (bench/*.py, the authors' algorithm on the regressors this run exported) on 1 and
 * 2 threads, with their final losses, and the ratios; and this project's own engine of 2026-11-26 ({@link FrozenEngine}),
 * built from the history, on the same data, so that a speed-up is measured in the same run;</li>
 * <li>lp-pd's throughput against training data length, out to an hour of data in a JVM of 2 GB max heap
 * ({@link LongDataBenchmark}), with the feature store each length used and its peak heap;</li>
 * <li>a multiple-shooting epoch against a teacher-forcing epoch;</li>
 * <li>free-run speed as a real-time factor: one trajectory on one thread, and many lanes on every core;</li>
 * <li>the peak heap.</li>
 * </ul>
 * Everything printed is also written to target/bench/benchmark.txt, which bench/update-readme-figures copies into the
 * README. {@code --time-to-quality} runs {@link TimeToQuality} alone instead (target/bench/time-to-quality.txt).
 */
final class Benchmark {
    private Benchmark() {}

    /** One model on one dataset's training data (≈ 1 M samples). */
    static final class Case {
        final String preset;
        final Recording rec;
        final Dataset dataset;
        final List<String> neurons, inputs, voltages, currents;

        Case(String preset, Recording rec, Dataset dataset, List<String> neurons, List<String> inputs, List<String> voltages, List<String> currents) {
            this.preset = preset;
            this.rec = rec;
            this.dataset = dataset;
            this.neurons = neurons;
            this.inputs = inputs;
            this.voltages = voltages;
            this.currents = currents;
        }

        Network newNetwork() {
            Network net = new Network(Presets.get(preset).build(neurons, inputs), rec.dt());
            net.initialise(new Rng(1));
            return net;
        }

        TrainingData data(Network net) { return new TrainingData(dataset, ChannelMap.bind(rec, net, voltages, currents)); }
    }

    /** What one training run measured. */
    static final class Run {
        final String preset;
        final double rate;
        final double epochSeconds;
        final double finalLoss;
        final Network net;
        final TrainingData data;

        Run(String preset, double rate, double epochSeconds, double finalLoss, Network net, TrainingData data) {
            this.preset = preset;
            this.rate = rate;
            this.epochSeconds = epochSeconds;
            this.finalLoss = finalLoss;
            this.net = net;
            this.data = data;
        }
    }

    private static final StringBuilder REPORT = new StringBuilder();
    /** Free-run timings per case: a single run on a shared machine is too noisy to quote. */
    private static final int FREE_RUN_REPEATS = 5;
    /** pd-lp's first 100 s train lp-pd (≈ 1 M samples at 10 kHz), the next 20 s validate. */
    private static final double LP_PD_TRAIN = 100.0 / 220, LP_PD_VALIDATION = 20.0 / 220;

    static int run(String[] args) throws Exception {
        Path data = Paths.get("datasets");
        int epochs = 4;
        boolean longDataOnly = false, timeToQuality = false;
        double longDataPoint = Double.NaN;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) data = Paths.get(args[++i]);
            else if (args[i].equals("--epochs") && i + 1 < args.length) epochs = Integer.parseInt(args[++i]);
            else if (args[i].equals("--long-data-only")) longDataOnly = true;
            else if (args[i].equals("--time-to-quality")) timeToQuality = true;
            else if (args[i].equals("--long-data-point") && i + 1 < args.length) longDataPoint = Double.parseDouble(args[++i]);
            else {
                System.err.println("usage: benchmark [--data DIR] [--epochs N] [--long-data-only] [--time-to-quality]   (N ≥ 2: the first epoch warms "
                        + "the JIT up; --long-data-only: just the 1, 10 and 60 min lines; --time-to-quality: just the time to a good model against numpy)");
                return 2;
            }
        }
        if (epochs < 2) { System.err.println("benchmark: --epochs must be at least 2 (the first epoch warms the JIT up)"); return 2; }
        if (!Double.isNaN(longDataPoint)) return LongDataBenchmark.runPoint(longDataPoint, data, epochs);    // a child JVM of the run below
        REPORT.setLength(0);
        line(Machine.describe());
        if (longDataOnly) {
            dataset(NamedDatasets.PD_LP, data);
            line("");
            line("lp-pd, " + Kernels.best().name() + ", 2 threads, against training data length:");
            LongDataBenchmark.run(data, epochs, Benchmark::line);
            return 0;
        }
        Recording pdLp = dataset(NamedDatasets.PD_LP, data), hh = dataset(NamedDatasets.HH, data);
        // pd-lp: the first 100 s for training (≈ 1 M samples at 10 kHz); hh: the first 50 s of its training segment (1 M at 20 kHz)
        Case lpPd = new Case(Presets.LP_PD, pdLp, Dataset.byFraction(pdLp, LP_PD_TRAIN, LP_PD_VALIDATION), List.of("LP"), List.of("PD"),
                List.of("V_LP", "V_PD"), List.of("I_LP"));
        Segment[] hhTrain = Dataset.parts(hh.segments().get(0), 50.0 / 60, 10.0 / 60);
        Dataset hhData = new Dataset(hh, List.of(hhTrain[0]), List.of(hh.segments().get(1)), List.of());
        Case hhLumped = new Case(Presets.HH_LUMPED, hh, hhData, List.of("V"), List.of(), List.of("V"), List.of("I"));
        Case hhConductance = new Case(Presets.HH_CONDUCTANCE, hh, hhData, List.of("V"), List.of(), List.of("V"), List.of("I"));
        if (timeToQuality) {
            line("");
            line("time to quality: the free-run validation score of the numpy peer's best snapshot in " + TimeToQuality.PEER_EPOCHS
                    + " epochs of the authors' Adam recipe (numpy on " + threads(TimeToQuality.PEER_THREADS) + ", its fastest; its snapshots scored here, untimed),");
            line("reached by this engine's teacher forcing with the preset's batches, Adam and ρ on 2 threads (wall time, validation included); seeds "
                    + Arrays.toString(TimeToQuality.SEEDS) + ":");
            Path work = Paths.get("target", "bench");
            Files.createDirectories(work);
            long t0 = System.nanoTime();
            for (Case c : List.of(lpPd, hhLumped))
                if (!TimeToQuality.run(c, work, Benchmark::line)) line("  " + c.preset + ": skipped, the numpy peer did not run");
            line(String.format(Locale.ROOT, "  (this comparison took %.1f min)", (System.nanoTime() - t0) / 60e9));
            Files.writeString(work.resolve("time-to-quality.txt"), REPORT.toString());
            return 0;
        }

        line("");
        line("teacher forcing, sample-epochs/s (median epoch of " + epochs + "; final epoch's loss):");
        List<Kernels> kernels = new ArrayList<>(List.of(Kernels.best()));
        if (Kernels.best() != Kernels.scalar()) kernels.add(Kernels.scalar());
        Run lpPdBest2 = null, lpPdBest1 = null;
        List<Run> trained = new ArrayList<>();
        List<BenchmarkPlot.Series> bySize = new ArrayList<>();
        for (Kernels k : kernels) for (int threads : new int[] {1, 2}) bySize.add(new BenchmarkPlot.Series(k.name() + ", " + threads(threads)));
        try {
            for (Case c : List.of(lpPd, hhLumped, hhConductance)) {
                for (int ki = 0; ki < kernels.size(); ki++) {
                    Kernels k = kernels.get(ki);
                    Kernels.use(k);
                    for (int threads : new int[] {1, 2}) {
                        Run r = teacherForcing(c, epochs, threads);
                        bySize.get(2 * ki + threads - 1).add(r.net.parameterCount(), r.rate / 1e6);
                        line(String.format(Locale.ROOT, "  %-15s %4d params  %-17s %-9s: %6.2f M   (%d samples, %.2f s/epoch, loss %.4g)",
                                c.preset, r.net.parameterCount(), k.name(), threads(threads), r.rate / 1e6,
                                r.data.dataset().train().stream().mapToInt(Segment::length).sum(), r.epochSeconds, r.finalLoss));
                        if (k == Kernels.best() && threads == 2) trained.add(r);
                        if (c == lpPd && k == Kernels.best()) { if (threads == 2) lpPdBest2 = r; else lpPdBest1 = r; }
                    }
                }
            }
        } finally {
            Kernels.use(Kernels.best());
        }
        line(String.format(Locale.ROOT, "  lp-pd on 2 threads: ≈ %.0f%% of the double-precision peak (%s)",
                100 * lpPdBest2.rate * flopsPerSample(lpPdBest2.net) / Machine.peakFlops(), Machine.peakDescription()));

        line("");
        line("peers on the same lp-pd regressors, sample-epochs/s:");
        Path features = Paths.get("target", "bench", "lp-pd-features");
        Files.createDirectories(features.getParent());
        Network exported = lpPd.newNetwork();
        FeatureExport.write(exported, lpPd.data(exported), new TrainingSettings(Presets.get(lpPd.preset).defaults()), features);
        double fastestPeer = 0;
        String fastestName = null;
        for (PythonPeer peer : List.of(new PythonPeer("numpy", "numpy_tf.py"), new PythonPeer("torch", "torch_tf.py"))) {
            for (int threads : new int[] {1, 2}) {
                PythonPeer.Result r = peer.run(features, epochs, threads);
                if (r == null) continue;
                line(String.format(Locale.ROOT, "  %-6s %-8s %-9s: %6.2f M   (final epoch loss %.4g)", peer.name, r.version, threads(threads),
                        r.rate / 1e6, r.finalLoss));
                BenchmarkPlot.Series point = new BenchmarkPlot.Series(peer.name + ", " + threads(threads));
                point.add(lpPdBest2.net.parameterCount(), r.rate / 1e6);
                bySize.add(point);
                if (r.rate > fastestPeer) { fastestPeer = r.rate; fastestName = peer.name + ", " + threads(threads); }
            }
        }
        if (fastestName != null) {
            line(String.format(Locale.ROOT, "  ratio, this engine (%s, 2 threads) / fastest peer (%s): %.2f", Kernels.best().name(), fastestName,
                    lpPdBest2.rate / fastestPeer));
            line(String.format(Locale.ROOT, "  ratio, this engine (%s, 1 thread) / fastest peer: %.2f", Kernels.best().name(), lpPdBest1.rate / fastestPeer));
        }
        line("  " + FrozenEngine.DESCRIPTION + ", built from the history, same data and recipe:");
        for (FrozenEngine.Result r : FrozenEngine.run(data.resolve(NamedDatasets.PD_LP.recordingFile()), LP_PD_TRAIN, LP_PD_VALIDATION, epochs,
                Benchmark::line, 1, 2)) {
            Run now = r.threads == 1 ? lpPdBest1 : lpPdBest2;
            line(String.format(Locale.ROOT, "  frozen %-9s: %6.2f M   (final epoch loss %.4g); ratio, this engine / frozen: %.2f", threads(r.threads),
                    r.rate / 1e6, r.finalLoss, now.rate / r.rate));
        }

        line("");
        line("lp-pd, " + Kernels.best().name() + ", 2 threads, against training data length:");
        BenchmarkPlot.Series byLength = new BenchmarkPlot.Series(Kernels.best().name() + ", 2 threads (from 1 min: " + LongDataBenchmark.HEAP_MB + " MB heap)");
        for (double seconds : new double[] {10, 30, 100, 180}) {
            Case part = new Case(Presets.LP_PD, pdLp, Dataset.byFraction(pdLp, seconds / 220, 20.0 / 220), lpPd.neurons, lpPd.inputs, lpPd.voltages, lpPd.currents);
            Run r = teacherForcing(part, epochs, 2);
            line(String.format(Locale.ROOT, "  %5.0f s (%.2f M samples): %6.2f M", seconds, r.rate * r.epochSeconds / 1e6, r.rate / 1e6));
            byLength.add(r.rate * r.epochSeconds / 1e6, r.rate / 1e6);
        }
        BenchmarkPlot.Series ownHeap = new BenchmarkPlot.Series("in memory, " + (Runtime.getRuntime().maxMemory() >> 20) + " MB heap");
        List<LongDataBenchmark.Point> longer = LongDataBenchmark.run(data, epochs, Benchmark::line);
        for (LongDataBenchmark.Point p : longer)
            (p.heapGivenMb == LongDataBenchmark.HEAP_MB ? byLength : ownHeap).add(p.samples / 1e6, p.rate / 1e6);
        BenchmarkPlot.write(bySize, List.of(byLength, ownHeap), Paths.get("target", "bench", "benchmark.png"));

        line("");
        Run ms = multipleShooting(lpPd, 2);
        line(String.format(Locale.ROOT, "multiple shooting, lp-pd, 2 threads: %.2f s per epoch of %d shot samples, %.2f× a teacher-forcing epoch",
                ms.epochSeconds, Math.round(ms.rate * ms.epochSeconds), ms.epochSeconds / lpPdBest2.epochSeconds));

        line("");
        line("free run (real-time factor at the data's sampling rate, the median of " + FREE_RUN_REPEATS + " runs after one that warms the JIT up):");
        for (Run r : trained) {
            Segment val = r.data.dataset().validation().get(0);
            FreeRun.Result fr = FreeRun.run(r.net, val, r.data.channels(), null, 0.01);
            double[] walls = new double[FREE_RUN_REPEATS], lanes = new double[FREE_RUN_REPEATS];
            for (int k = 0; k < FREE_RUN_REPEATS; k++) {
                long t0 = System.nanoTime();
                fr = FreeRun.run(r.net, val, r.data.channels(), null, 0.01);
                walls[k] = (System.nanoTime() - t0) * 1e-9;
            }
            for (int k = 0; k < FREE_RUN_REPEATS; k++) lanes[k] = lanesRealTime(r.net, val, r.data.channels(), 64, 2, 2);
            Arrays.sort(walls);
            Arrays.sort(lanes);
            double wall = walls[FREE_RUN_REPEATS / 2], simulated = fr.predicted[0].length * r.net.dt() * 1e-3;
            line(String.format(Locale.ROOT, "  %-15s one trajectory, 1 thread: %6.0f× real time (%.1f s in %.2f s%s); 2 threads × 64 lanes: %7.0f× real time",
                    r.preset, simulated / wall, simulated, wall, fr.diverged ? ", diverged" : "", lanes[FREE_RUN_REPEATS / 2]));
        }

        line("");
        line(String.format(Locale.ROOT, "peak heap: %.0f MB", Machine.peakHeapMb()));
        Files.writeString(Paths.get("target", "bench", "benchmark.txt"), REPORT.toString());
        return 0;
    }

    private static Recording dataset(NamedDataset d, Path dir) throws Exception {
        Path csv = dir.resolve(d.recordingFile());
        if (!Files.exists(csv)) {
            System.out.println("Generating " + d.name + " into " + dir + " …");
            NamedDatasets.generate(d, dir, 1.0);
        }
        return CsvRecordings.read(csv);
    }

    static Run teacherForcing(Case c, int epochs, int threads) {
        TrainingSettings s = new TrainingSettings(Presets.get(c.preset).defaults());   // the preset's batches, Adam and ρ
        s.epochs = epochs;
        return train(c, new TeacherForcingTrainer(), s, threads);
    }

    /**
     * Eight shooting epochs, the median of the last five: the JIT was still compiling the shooting step's kernels in the
     * second and third epochs (measured: the second took about twice as long as the sixth).
     */
    private static Run multipleShooting(Case c, int threads) {
        TrainingSettings s = new TrainingSettings(Presets.get(c.preset).defaults());
        s.closed_loop_epochs = 8;
        return train(c, ClosedLoopTrainer.multipleShooting(), s, threads, 3);
    }

    private static Run train(Case c, Trainer trainer, TrainingSettings s, int threads) { return train(c, trainer, s, threads, 1); }

    /** Trains and times the median epoch after the first {@code warmUp} epochs (which warm the JIT up). */
    private static Run train(Case c, Trainer trainer, TrainingSettings s, int threads, int warmUp) {
        Network net = c.newNetwork();
        TrainingData td = c.data(net);
        s.snapshot_every = Integer.MAX_VALUE;
        s.threads = threads;
        History h = Training.run(List.of(trainer), net, td, s, ProgressListener.NONE, new CancelToken());
        if (h.epoch_seconds.size() <= warmUp)
            throw new IllegalStateException(trainer.id() + " stopped after " + h.epoch_seconds.size() + " epoch(s) (" + h.stopped.id() + "): nothing to time after "
                    + warmUp + " warm-up epoch(s)");
        double[] perEpoch = new double[h.epoch_seconds.size() - warmUp];
        for (int e = warmUp; e < h.epoch_seconds.size(); e++) perEpoch[e - warmUp] = h.epoch_seconds.get(e) - h.epoch_seconds.get(e - 1);
        Arrays.sort(perEpoch);
        double median = perEpoch[perEpoch.length / 2];
        return new Run(c.preset, h.samples / median, median, h.epoch_loss.get(h.epoch_loss.size() - 1), net, td);
    }

    /**
     * Many independent trajectories at once, as snapshot scoring and ensembles run them: {@code lanes} per thread,
     * each lane a free run from another point of the segment. Returns simulated time over wall time, summed over lanes.
     */
    private static double lanesRealTime(Network net, Segment seg, ChannelMap map, int lanes, int threads, int seconds) throws Exception {
        int m = net.modelledCount(), n = net.voltageCount();
        int steps = (int) Math.min(seg.length() / 2, Math.round(seconds * 1000 / net.dt()));
        int stride = Math.max(1, (seg.length() - steps) / (lanes * threads));
        Runnable[] work = new Runnable[threads];
        for (int w = 0; w < threads; w++) {
            int first = w * lanes;
            work[w] = () -> {
                Simulator sim = new Simulator(net, lanes);
                Simulator.State st = sim.newState();
                double[] p = net.parameters();
                for (int e = 0; e < net.edges().size(); e++) {
                    Edge edge = net.edges().get(e);
                    for (int b = 0; b < lanes; b++) {
                        int k0 = (first + b) * stride;
                        double[] x0 = edge.bank().warmStart(seg.backing(map.voltageChannel(edge.pre())), seg.offset() + k0, steps);
                        for (int q = 0; q < x0.length; q++) st.x[e][q * lanes + b] = x0[q];
                    }
                }
                for (int j = 0; j < m; j++) for (int b = 0; b < lanes; b++) st.v[j * lanes + b] = seg.get(map.voltageChannel(j), (first + b) * stride);
                double[] u = new double[m * lanes];
                for (int k = 0; k < steps; k++) {
                    for (int b = 0; b < lanes; b++) {
                        int at = (first + b) * stride + k;
                        for (int j = m; j < n; j++) st.v[j * lanes + b] = seg.get(map.voltageChannel(j), at);
                        for (int i = 0; i < m; i++) u[i * lanes + b] = map.currentChannel(i) >= 0 ? seg.get(map.currentChannel(i), at) : 0.0;
                    }
                    sim.step(st, p, u, null);
                }
            };
        }
        for (Runnable r : work) r.run();       // warms the JIT up
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime();
        for (int w = 0; w < threads; w++) (ts[w] = new Thread(work[w], "rmm-benchmark-lanes")).start();
        for (Thread t : ts) t.join();
        double wall = (System.nanoTime() - t0) * 1e-9;
        return (double) steps * lanes * threads * net.dt() * 1e-3 / wall;
    }

    /** Floating-point operations of one teacher-forcing sample-epoch: ≈ 6 per MLP weight (forward 2, backward 4). */
    static double flopsPerSample(Network net) { return 6.0 * net.parameterCount(); }

    /** "1 thread", "2 threads". */
    private static String threads(int n) { return n + (n == 1 ? " thread" : " threads"); }

    private static void line(String text) {
        System.out.println(text);
        REPORT.append(text).append('\n');
    }
}
