package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;

/** Fixtures written by independent tools (scipy, h5py; src/test/fixtures/make_fixtures.py) read back as written. */
class MatNwbReaderTest {
    @TempDir Path dir;

    Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = MatNwbReaderTest.class.getResourceAsStream("/fixtures/" + name)) {
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    static double v1(int k) { return -60 + 10 * Math.sin(2 * Math.PI * 5 * k / 10_000.0); }
    static double v2(int k) { return -50 + 5 * Math.cos(2 * Math.PI * 3 * k / 10_000.0); }
    static double i1(int k) { return 0.5 * Math.sin(2 * Math.PI * 2 * k / 10_000.0); }

    void assertAuthorsLayout(Recording r, double currentScale) {
        assertEquals(List.of("V1", "V2", "I1"), r.channelNames());
        assertEquals(List.of("mV", "mV", "nA"), List.of(r.channels().get(0).unit(), r.channels().get(1).unit(), r.channels().get(2).unit()));
        assertEquals(0.1, r.dt(), 1e-12);
        Segment s = r.segments().get(0);
        assertEquals(1000, s.length());
        for (int k = 0; k < 1000; k += 37) {
            assertEquals(v1(k), s.get(0, k), 1e-4);
            assertEquals(v2(k), s.get(1, k), 1e-4);
            assertEquals(i1(k) * currentScale, s.get(2, k), 1e-6);
        }
        assertTrue(String.join("\n", r.notes()).contains("carry no units"));
    }

    @Test
    void matlabV5AndV73InTheAuthorsLayout() throws IOException {
        ReadOptions o = new ReadOptions();
        o.sampling_step_ms = 0.1;
        assertAuthorsLayout(Recordings.open(fixture("authors_v5.mat"), o), 1);
        assertAuthorsLayout(Recordings.open(fixture("authors_v73.mat"), o), 1);
        o.mat_current_unit = "pA";                                  // the user states another unit
        assertAuthorsLayout(Recordings.open(fixture("authors_v5.mat"), o), 1e-3);
    }

    @Test
    void matlabNeedsTheSamplingStepAndRealUnits() throws IOException {
        Path mat = fixture("authors_v5.mat");
        assertTrue(assertThrows(InvalidInputException.class, () -> Recordings.open(mat)).getMessage().contains("sampling_step_ms"));
        ReadOptions o = new ReadOptions();
        o.sampling_step_ms = 0.1;
        o.mat_voltage_unit = "nA";
        assertTrue(assertThrows(InvalidInputException.class, () -> Recordings.open(mat, o)).getMessage().contains("not a voltage unit"));
    }

    @Test
    void nwbCurrentClampSweepsWithStimuli() throws IOException {
        Recording r = Recordings.open(fixture("icephys.nwb"));
        assertEquals(List.of("V", "I"), r.channelNames());
        assertEquals(0.1, r.dt(), 1e-9);
        assertEquals(2, r.segments().size());
        for (int sweep = 0; sweep < 2; sweep++) {
            Segment s = r.segments().get(sweep);
            assertEquals(1000, s.length());
            for (int k = 0; k < 1000; k += 41) {
                assertEquals(v1(k) + sweep, s.get(0, k), 1e-3, "sweep " + sweep + " V");
                assertEquals(i1(k) * (sweep + 1), s.get(1, k), 1e-6, "sweep " + sweep + " I");
            }
        }
        ReadOptions o = new ReadOptions();
        o.nwb_series = "CurrentClampSeries1";
        assertEquals(1, Recordings.open(fixture("icephys.nwb"), o).segments().size(), "pick series by name");
        o.nwb_series = "nothing";
        assertTrue(assertThrows(InvalidInputException.class, () -> Recordings.open(fixture("icephys.nwb"), o)).getMessage().contains("nothing"));
    }

    @Test
    void truncatedHdf5IsAClearError() throws IOException {
        byte[] b = Files.readAllBytes(fixture("icephys.nwb"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Recordings.open("cut.nwb", java.util.Arrays.copyOf(b, b.length / 2), ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith("cut.nwb: "), e.getMessage());
    }
}
