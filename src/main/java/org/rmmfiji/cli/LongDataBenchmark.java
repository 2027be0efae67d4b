package org.rmmfiji.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Presets;
import org.rmmfiji.train.TeacherForcingTrainer;
import org.rmmfiji.train.TrainingSettings;

/**
 * The benchmark's lp-pd teacher-forcing throughput on long training data (1, 10 and 60 min at pd-lp's 10 kHz). Each
 * length trains in a JVM of its own under a 2 GB max heap, so its peak heap is its own and the hour shows that it
 * fits; 10 min runs once more under this JVM's max heap, where its rows are held in memory, for the in-memory
 * against streamed throughput on the same data. pd-lp has 220 s, so the longer training data are its first 100 s
 * (the 100 s line's data) repeated end to end as one segment; validation is its next 20 s, as in the other lines.
 */
final class LongDataBenchmark {
    private LongDataBenchmark() {}

    static final double[] MINUTES = {1, 10, 60};
    /** The max heap the long-data lengths run under: the "an hour within 2 GB". */
    static final long HEAP_MB = 2048;
    private static final double SOURCE_SECONDS = 100;
    private static final String RESULT = "long-data-point\t";

    /** What one length measured. */
    static final class Point {
        final double minutes;
        final long samples;
        final double rate;
        final boolean streamed;
        final double inMemoryMb, maxHeapMb, peakHeapMb;
        /** The max heap the child JVM was given. */
        final long heapGivenMb;

        Point(String[] f, long heapGivenMb) {
            this.heapGivenMb = heapGivenMb;
            minutes = Double.parseDouble(f[1]);
            samples = Long.parseLong(f[2]);
            rate = Double.parseDouble(f[3]);
            streamed = Boolean.parseBoolean(f[4]);
            inMemoryMb = Double.parseDouble(f[5]);
            maxHeapMb = Double.parseDouble(f[6]);
            peakHeapMb = Double.parseDouble(f[7]);
        }

        String describe() {
            return String.format(Locale.ROOT, "  %5.0f min (%5.2f M samples): %6.2f M   %-9s  max heap %4.0f MB, peak heap %4.0f MB   (every row in memory: %.0f MB)",
                    minutes, samples / 1e6, rate / 1e6, streamed ? "streamed," : "in memory,", maxHeapMb, peakHeapMb, inMemoryMb);
        }
    }

    /**
     * Measures every length in a JVM of its own and prints a line for each; returns the points under 2 GB, then the
     * one under this JVM's heap.
     */
    static List<Point> run(Path data, int epochs, Consumer<String> line) throws IOException, InterruptedException {
        line.accept(String.format(Locale.ROOT, "  longer data: pd-lp's first %.0f s (the %.0f s line's data) repeated end to end as one segment, "
                + "each length in a JVM of its own (a streamed epoch includes recomputing its rows):", SOURCE_SECONDS, SOURCE_SECONDS));
        List<Point> points = new ArrayList<>();
        for (double minutes : MINUTES) points.add(inChildJvm(minutes, HEAP_MB, data, epochs));
        long ownHeapMb = Runtime.getRuntime().maxMemory() >> 20;
        points.add(inChildJvm(10, ownHeapMb, data, epochs));
        for (Point p : points) line.accept(p.describe());
        return points;
    }

    private static Point inChildJvm(double minutes, long heapMb, Path data, int epochs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
            if (!a.startsWith("-Xmx") && !a.startsWith("-Xms") && !a.startsWith("-XX:MaxHeapSize")) cmd.add(a);    // the same JVM, but its heap
        cmd.addAll(List.of("-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "benchmark",
                "--long-data-point", Double.toString(minutes), "--data", data.toAbsolutePath().toString(), "--epochs", Integer.toString(epochs)));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Point point = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.startsWith(RESULT)) point = new Point(l.split("\t"), heapMb);
                else if (!l.contains("incubator")) other.add(l);
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || point == null)
            throw new IOException("the " + minutes + "-min benchmark JVM (max heap " + heapMb + " MB) failed (exit " + exit + "):\n" + String.join("\n", other));
        return point;
    }

    /** In the child JVM: trains one length and prints its result line. */
    static int runPoint(double minutes, Path data, int epochs) throws IOException, InterruptedException {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        Benchmark.Case c = repeated(CsvRecordings.read(data.resolve(NamedDatasets.PD_LP.recordingFile())), minutes);
        Network probe = c.newNetwork();
        double dumpFraction = new TrainingSettings(Presets.get(c.preset).defaults()).dump_fraction;
        boolean streamed = TeacherForcingTrainer.streamsFeatures(probe, c.data(probe), dumpFraction);
        double inMemoryMb = TeacherForcingTrainer.inMemoryFeatureBytes(probe, c.data(probe), dumpFraction) / 1e6;
        Benchmark.Run r = Benchmark.teacherForcing(c, epochs, 2);
        long samples = Math.round(r.rate * r.epochSeconds);
        System.out.println(RESULT + minutes + "\t" + samples + "\t" + r.rate + "\t" + streamed + "\t" + inMemoryMb + "\t"
                + Runtime.getRuntime().maxMemory() / 1048576.0 + "\t" + Machine.peakHeapMb());
        return 0;
    }

    /** lp-pd on pd-lp's first 100 s of training data repeated to {@code minutes}, with its next 20 s to validate. */
    static Benchmark.Case repeated(Recording pdLp, double minutes) {
        Dataset split = Dataset.byFraction(pdLp, SOURCE_SECONDS / 220, 20.0 / 220);
        Segment train = split.train().get(0), validation = split.validation().get(0);
        List<String> names = List.of("V_LP", "V_PD", "I_LP");
        List<Channel> channels = new ArrayList<>();
        int n = (int) Math.round(minutes * 60_000 / pdLp.dt());
        float[][] repeated = new float[names.size()][n], held = new float[names.size()][validation.length()];
        for (int c = 0; c < names.size(); c++) {
            int ch = pdLp.channelIndex(names.get(c));
            channels.add(pdLp.channels().get(ch));
            for (int k = 0; k < n; k += train.length())
                System.arraycopy(train.backing(ch), train.offset(), repeated[c], k, Math.min(train.length(), n - k));
            System.arraycopy(validation.backing(ch), validation.offset(), held[c], 0, validation.length());
        }
        Recording rec = new Recording(pdLp.source() + String.format(Locale.ROOT, " (first %.0f s repeated to %.0f min)", SOURCE_SECONDS, minutes),
                pdLp.dt(), channels, List.of(new Segment("repeated", repeated), new Segment("validation", held)), List.of());
        Dataset d = new Dataset(rec, List.of(rec.segments().get(0)), List.of(rec.segments().get(1)), List.of());
        return new Benchmark.Case(Presets.LP_PD, rec, d, List.of("LP"), List.of("PD"), List.of("V_LP", "V_PD"), List.of("I_LP"));
    }
}
