package org.rmmfiji.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** The highest heap use the JVM has seen (sum of the heap pools' peaks), in MB. */
    static double peakHeapMb() {
        double bytes = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == java.lang.management.MemoryType.HEAP) bytes += pool.getPeakUsage().getUsed();
        return bytes / 1e6;
    }
}
