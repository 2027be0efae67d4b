package org.rmmfiji.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.rmmfiji.math.Kernels;

/** What a benchmark ran on, in one line: processor, cores, vector width of the training kernels, JVM. */
final class Machine {
    private Machine() {}

    static String describe() {
        return String.format(Locale.ROOT, "machine: %s, %d cores, kernels %s, %s %s", cpuModel(), Runtime.getRuntime().availableProcessors(),
                Kernels.best().name(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
    }

    /** The processor's model name as the operating system reports it (Linux), else the architecture. */
    static String cpuModel() {
        String model = cpuInfo("model name");
        return model != null ? model : System.getProperty("os.arch");
    }

    /** The clock the operating system reports (Linux), else 3 GHz. */
    static double clockHz() {
        String mhz = cpuInfo("cpu MHz");
        try {
            return mhz != null ? Double.parseDouble(mhz) * 1e6 : 3e9;
        } catch (NumberFormatException e) {
            return 3e9;
        }
    }

    /** Cores the benchmark's two-thread runs use. */
    static int benchmarkCores() { return Math.min(2, Runtime.getRuntime().availableProcessors()); }

    /**
     * The two threads' double-precision peak, estimated: their cores × the reported clock × double lanes of the widest
     * vector × 2 (fused multiply-add) × 2 (units per core, as on current x86 server cores). An estimate, said as one.
     */
    static double peakFlops() { return benchmarkCores() * clockHz() * (vectorBits() / 64.0) * 4; }

    static String peakDescription() {
        return String.format(Locale.ROOT, "estimated as %d cores × %.2f GHz × %d-bit FMA × 2 units = %.0f GFLOP/s",
                benchmarkCores(), clockHz() / 1e9, vectorBits(), peakFlops() / 1e9);
    }

    /** The widest vector the training kernels use; with the plain kernels, what the JIT vectorises to on AVX2. */
    private static int vectorBits() { return Kernels.best().name().contains("512") ? 512 : 256; }

    /** The value of the first /proc/cpuinfo line that starts with {@code field}, or null (not Linux, or no such line). */
    private static String cpuInfo(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo")))
                if (l.startsWith(field)) return l.substring(l.indexOf(':') + 1).trim();
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    /** The highest heap use the JVM has seen (sum of the heap pools' peaks), in MB. */
    static double peakHeapMb() {
        double bytes = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == java.lang.management.MemoryType.HEAP) bytes += pool.getPeakUsage().getUsed();
        return bytes / 1e6;
    }
}
