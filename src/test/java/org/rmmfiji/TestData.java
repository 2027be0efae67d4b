package org.rmmfiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.rmmfiji.groundtruth.NamedDatasets;

/** Small ground-truth recordings for fast tests, made on the fly. */
public final class TestData {
    private TestData() {}

    /** The hh dataset at 3 % of its length: 1.8 s training and 0.6 s validation segments at 20 kHz (longer than neuron-lumped's 0.47 s filter transient). */
    public static Path smallHh(Path dir) throws IOException {
        NamedDatasets.generate(NamedDatasets.HH, dir, 0.03);
        return dir.resolve("hh.csv");
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
}
