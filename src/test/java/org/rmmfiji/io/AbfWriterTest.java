package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.Recording;

class AbfWriterTest {

    @Test
    void writtenAbf2ReadsBackWithinOneLsb(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.abf");
        AbfWriter.write(f, 0.05, new String[] {"Vm", "Im"}, new String[] {"mV", "pA"}, new double[] {0.01, 0.5}, 10_000,
                (c, k) -> c == 0 ? -60 + 30 * Math.sin(k * 0.01) : 200 * Math.cos(k * 0.003));
        Recording r = Recordings.open(f);
        assertEquals(List.of("Vm", "Im"), r.channelNames());
        assertEquals(List.of("mV", "nA"), List.of(r.channels().get(0).unit(), r.channels().get(1).unit()));
        assertEquals(0.05, r.dt(), 1e-9);
        assertEquals(1, r.segments().size());
        assertEquals(10_000, r.segments().get(0).length());
        for (int k = 0; k < 10_000; k += 7) {
            assertEquals(-60 + 30 * Math.sin(k * 0.01), r.segments().get(0).get(0, k), 0.0051);
            assertEquals(0.2 * Math.cos(k * 0.003), r.segments().get(0).get(1, k), 0.00026);   // pA written, nA read
        }
    }
}
