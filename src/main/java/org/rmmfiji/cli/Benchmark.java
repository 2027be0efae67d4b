package org.rmmfiji.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.Recording;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Presets;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.FeatureExport;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TeacherForcingTrainer;
import org.rmmfiji.train.Training;
import org.rmmfiji.train.TrainingData;
import org.rmmfiji.train.TrainingSettings;

/**
 * {@code benchmark [--data DIR] [--epochs N]}: teacher-forcing throughput of the authors' LP–PD model on the
 * pd-lp training data (1.78 M samples), in this JVM on 1 and 2 threads, and of the numpy baseline
 * (bench/numpy_tf.py) on the very same regressors, run in the same invocation. Prints sample-epochs per second
 * and the ratios, and writes them to target/bench/benchmark.txt for the README.
 */
final class Benchmark {
    private Benchmark() {}

    static int run(String[] args) throws Exception {
        Path data = Paths.get("datasets");
        int epochs = 5;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) data = Paths.get(args[++i]);
            else if (args[i].equals("--epochs") && i + 1 < args.length) epochs = Integer.parseInt(args[++i]);
            else { System.err.println("usage: benchmark [--data DIR] [--epochs N]"); return 2; }
        }
        Path csv = data.resolve(NamedDatasets.PD_LP.recordingFile());
        if (!Files.exists(csv)) {
            System.out.println("Generating pd-lp into " + data + " …");
            NamedDatasets.generate(NamedDatasets.PD_LP, data, 1.0);
        }
        Recording rec = CsvRecordings.read(csv);
        StringBuilder report = new StringBuilder();
        line(report, String.format(Locale.ROOT, "machine: %d cores, %s %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version")));
        double java1 = 0, java2 = 0;
        TrainingData td = null;
        Network net = null;
        for (int threads : new int[] {1, 2}) {
            net = new Network(Presets.get(Presets.LP_PD).build(List.of("LP"), List.of("PD")), rec.dt());
            net.initialise(new Rng(1));
            td = new TrainingData(Dataset.byFraction(rec, 180.0 / 220, 20.0 / 220),
                    ChannelMap.bind(rec, net, List.of("V_LP", "V_PD"), List.of("I_LP")));
            TrainingSettings s = new TrainingSettings(Presets.get(Presets.LP_PD).defaults());   // the authors' batches, Adam and ρ
            s.epochs = epochs;
            s.snapshot_every = Integer.MAX_VALUE;
            s.threads = threads;
            History h = Training.run(List.of(new TeacherForcingTrainer()), net, td, s, ProgressListener.NONE, new CancelToken());
            double rate = h.samples * (double) epochs / h.training_seconds;
            line(report, String.format(Locale.ROOT, "java, %d thread%s: %.0f sample-epochs/s (%d epochs, %d samples, %.1f s)",
                    threads, threads == 1 ? "" : "s", rate, epochs, h.samples, h.training_seconds));
            if (threads == 1) java1 = rate; else java2 = rate;
        }
        Path prefix = Paths.get("target", "bench", "pd-lp-features");
        Files.createDirectories(prefix.getParent());
        FeatureExport.write(net, td, 0.01, prefix);
        Double numpy = runNumpy(prefix, epochs, report);
        if (numpy != null) {
            line(report, String.format(Locale.ROOT, "ratio java (2 threads) / numpy: %.2f", java2 / numpy));
            line(report, String.format(Locale.ROOT, "ratio java (1 thread) / numpy: %.2f", java1 / numpy));
        }
        Files.writeString(prefix.resolveSibling("benchmark.txt"), report.toString());
        return 0;
    }

    /** Runs the numpy baseline on the exported features; null when python3 with numpy is not there. */
    static void line(StringBuilder report, String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    static Double runNumpy(Path prefix, int epochs, StringBuilder report) throws Exception {
        File script = new File("bench", "numpy_tf.py");
        ProcessBuilder pb = new ProcessBuilder("python3", script.getPath(), prefix.toString(), Integer.toString(epochs)).redirectErrorStream(true);
        // Some machines pin OpenBLAS to an older kernel through these; a fair baseline runs numpy's best one.
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            System.out.println("numpy baseline skipped: python3 not found");
            return null;
        }
        Double rate = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("numpy: ")) {
                    rate = Double.parseDouble(line.substring(7, line.indexOf(' ', 7)));
                    line(report, line);
                } else {
                    System.out.println(line);
                }
            }
        }
        if (p.waitFor() != 0) System.out.println("numpy baseline failed (is python3-numpy installed?)");
        return rate;
    }
}
