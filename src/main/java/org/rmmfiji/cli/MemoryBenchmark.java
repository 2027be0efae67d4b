package org.rmmfiji.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.rmmfiji.data.Recording;
import org.rmmfiji.io.AbfWriter;
import org.rmmfiji.io.Recordings;

/**
 * {@code benchmark-memory}: writes a 1-hour, 10 kHz, 2-channel ABF (a slow wave with spikes, and a current), opens
 * it, and reports the heap it takes against the float32 size of its samples.
 */
final class MemoryBenchmark {
    private MemoryBenchmark() {}

    static int run(String[] args) throws Exception {
        Path file = Paths.get("target", "bench", "one-hour-10kHz-2ch.abf");
        long samples = 36_000_000L;
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            System.out.println("Writing " + file + " …");
            AbfWriter.write(file, 0.1, new String[] {"Vm", "Im"}, new String[] {"mV", "pA"}, new double[] {0.01, 0.01}, samples,
                    (c, k) -> c == 0 ? -60 + 10 * Math.sin(k * 1e-4) + (k % 5000 < 20 ? 80 : 0) : 100 * Math.sin(k * 3e-4));
        }
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        Recording r = Recordings.open(file);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        long after = usedAfterGc();
        double floatBytes = 4.0 * r.totalSamples() * r.channels().size();
        double ratio = (after - before) / floatBytes;
        String report = String.format(Locale.ROOT, "opened %s: %d channels × %d samples (%.0f min at %.0f kHz) in %.1f s%n"
                + "heap used: %.0f MB for %.0f MB of float32 samples: ratio %.3f (limit 1.2)%n", file.getFileName(),
                r.channels().size(), r.totalSamples(), r.durationMs() / 60_000, 1 / r.dt(), seconds, (after - before) / 1e6, floatBytes / 1e6, ratio);
        System.out.print(report);
        Files.writeString(file.resolveSibling("memory.txt"), report);
        if (r.segments().isEmpty()) throw new IllegalStateException();
        return ratio <= 1.2 ? 0 : 1;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
