package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.Rng;

/**
 * Random truncations and byte flips of every shared ABF file: each is read or refused with a message naming the
 * file, never an exception of another kind. In the acceptance tier because ten thousand real files take a minute;
 * the slowest case is printed (timings belong to benchmarks).
 */
class CorruptAbfFuzzIT {

    /** ≥ 10,000 random truncations and byte flips of every shared file, through the in-memory byte channel. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)   // a hang guard, not a timing: a reader that loops forever fails here
    void fuzz() throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (var s = Files.list(TestData.sharedAbf())) {
            for (Path p : s.filter(x -> x.toString().endsWith(".abf")).sorted().toList()) files.add(Files.readAllBytes(p));
        }
        int cases = 10_000;
        AtomicInteger read = new AtomicInteger(), refused = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        long t0 = System.nanoTime();
        IntStream.range(0, cases).parallel().forEach(i -> {
            Rng rng = new Rng(1000 + i);
            byte[] original = files.get(i % files.size());
            byte[] b;
            if (rng.nextDouble() < 0.4) {
                b = java.util.Arrays.copyOf(original, rng.nextInt(original.length + 1));
            } else {
                b = original.clone();
                int flips = 1 + rng.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    int at = rng.nextDouble() < 0.7 ? rng.nextInt(Math.min(b.length, 8192)) : rng.nextInt(b.length);
                    b[at] ^= (byte) (1 << rng.nextInt(8));
                }
            }
            long c0 = System.nanoTime();
            try {
                Recordings.open("fuzz" + i + ".abf", b, ReadOptions.defaults());
                read.incrementAndGet();
            } catch (InvalidInputException e) {
                if (!e.getMessage().startsWith("fuzz" + i + ".abf")) fail("case " + i + ": the message does not name the file: " + e.getMessage());
                refused.incrementAndGet();
            } catch (Throwable e) {
                fail("case " + i + " (" + b.length + " bytes): " + e, e);
            }
            slowest.accumulateAndGet(System.nanoTime() - c0, Math::max);
        });
        double seconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("fuzz: %d cases in %.1f s (%d read, %d refused), slowest %.0f ms%n", cases, seconds, read.get(), refused.get(), slowest.get() * 1e-6);
        assertTrue(read.get() + refused.get() == cases);
        assertTrue(refused.get() > cases / 10, "corruptions are noticed");
    }
}
