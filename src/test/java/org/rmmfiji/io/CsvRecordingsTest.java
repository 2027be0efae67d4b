package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Units;

class CsvRecordingsTest {
    @TempDir Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    String error(String text) throws IOException {
        Path p = write("bad.csv", text);
        return assertThrows(InvalidInputException.class, () -> CsvRecordings.read(p)).getMessage();
    }

    @Test
    void readsTheDialectWithUnitsAndSegments() throws IOException {
        Path p = write("rec.csv", "t_ms,V_LP_mV,I_LP_pA\n0,-60,100\n0.1,-59.5,200\n0.2,-59,300\n5,-58,400\n5.1,-57,500\n");
        Recording r = CsvRecordings.read(p);
        assertEquals(0.1, r.dt(), 1e-12);
        assertEquals(List.of("V_LP", "I_LP"), r.channelNames());
        assertEquals(Units.NANOAMPERE, r.channels().get(1).unit());
        assertEquals(0.2f, r.segments().get(0).get(1, 1), 1e-7f);        // 200 pA → 0.2 nA
        assertEquals(2, r.segments().size(), "a time gap starts a new segment");
        assertEquals(3, r.segments().get(0).length());
        assertTrue(r.notes().get(0).contains("pA"), r.notes().toString());
    }

    @Test
    void roundTripsAtFullPrecision() throws IOException {
        Path p = write("rec.csv", "t_ms,segment,V_mV,I_nA\n0,0,-60.123456,0.5\n0.05,0,-60.5,0.25\n0,1,-61.75,1\n0.05,1,-62.125,2\n");
        Recording r = CsvRecordings.read(p);
        assertEquals(2, r.segments().size());
        Path q = dir.resolve("copy.csv");
        CsvRecordings.write(q, r);
        Recording back = CsvRecordings.read(q);
        assertEquals(r.segments().size(), back.segments().size());
        for (int s = 0; s < 2; s++)
            for (int k = 0; k < 2; k++)
                for (int c = 0; c < 2; c++) assertEquals(r.segments().get(s).get(c, k), back.segments().get(s).get(c, k), 0f);
    }

    @Test
    void badInputNamesTheProblem() throws IOException {
        assertTrue(error("").contains("empty"));
        assertTrue(error("t_ms\n0\n0.1\n").contains("1 column"));
        assertTrue(error("t_ms,V_mV\n0,-60\n0.1,NaN\n").contains("row 3"));
        assertTrue(error("t_ms,V_mV\n0,-60\n0.1,Infinity\n").contains("finite"));
        assertTrue(error("t_ms,V_mV\n0,-60\n0.1,-61\n0.05,-62\n").contains("not increasing"));
        assertTrue(error("t_ms,V_mV,I_nA\n0,-60,1\n0.1,-61\n").contains("different length"));
        assertTrue(error("t_ms,V\n0,-60\n0.1,-61\n").contains("unit"));
        assertTrue(error("V_mV,I_nA\n-60,1\n-61,1\n").contains("t_ms"));
        assertTrue(error("t_ms,V_mV\n0,-60\n0.1,abc\n").contains("not a number"));
        assertTrue(error("t_ms,V_mV\n").contains("no data rows"));
        assertTrue(error("t_ms,V_mV\n0,-60\n0.1,-60\n0.23,-60\n").contains("time step"));
        assertTrue(error("t_ms,V_mV\n0,-60\n").contains("two samples"));
        Path missing = dir.resolve("nope.csv");
        assertTrue(assertThrows(InvalidInputException.class, () -> CsvRecordings.read(missing)).getMessage().contains("no such file"));
    }

    @Test
    void missingChannelListsTheChannels() throws IOException {
        Recording r = CsvRecordings.read(write("rec.csv", "t_ms,V_LP_mV,I_LP_nA\n0,-60,1\n0.1,-61,1\n"));
        String m = assertThrows(InvalidInputException.class, () -> r.requireChannel("V_PD", Units.Kind.VOLTAGE)).getMessage();
        assertTrue(m.contains("V_PD") && m.contains("V_LP"), m);
        m = assertThrows(InvalidInputException.class, () -> r.requireChannel("I_LP", Units.Kind.VOLTAGE)).getMessage();
        assertTrue(m.contains("voltage"), m);
    }

    @Test
    void tabsSecondsAndNoTimeColumn() throws IOException {
        Recording tsv = CsvRecordings.read(write("rec.tsv", "t_s\tV_V\tI_pA\n0\t-0.060\t100\n0.0001\t-0.061\t200\n0.0002\t-0.062\t300\n"));
        assertEquals(0.1, tsv.dt(), 1e-9);
        assertEquals(-61f, tsv.segments().get(0).get(0, 1), 1e-4f);
        assertEquals(0.2f, tsv.segments().get(0).get(1, 1), 1e-6f);
        Path noTime = write("notime.csv", "V_mV,I_nA\n-60,1\n-61,1\n-62,1\n");
        ReadOptions o = new ReadOptions();
        o.sampling_step_ms = 0.05;
        Recording r = Recordings.open(noTime, o);
        assertEquals(0.05, r.dt(), 1e-12);
        assertEquals(3, r.segments().get(0).length());
        assertTrue(String.join("\n", r.notes()).contains("no time column"));
    }

    @Test
    void gzipIsRecognisedByContentAndOtherFormatsAreNamed() throws IOException {
        Path gz = dir.resolve("rec.csv.gz");
        CsvRecordings.write(gz, 0.1, List.of("V_mV"), List.of(List.of(new double[] {-60, -61, -62})));
        Path renamed = dir.resolve("renamed.dat");
        Files.copy(gz, renamed);
        assertEquals(-61f, Recordings.open(renamed).segments().get(0).get(0, 1), 0f);
        Path mat = write("x.mat", "MATLAB 5.0 MAT-file, Platform: GLNXA64");
        assertTrue(assertThrows(InvalidInputException.class, () -> Recordings.open(mat)).getMessage().contains("MATLAB"));
    }

    @Test
    void implausibleUnitsAreWarnedAbout() throws IOException {
        Recording r = CsvRecordings.read(write("volts.csv", "t_ms,V_mV,I_nA\n0,-0.060,500\n0.1,-0.061,600\n"));
        String notes = String.join("\n", r.notes());
        assertTrue(notes.contains("is it in volts"), notes);
        assertTrue(notes.contains("is its unit right"), notes);
    }
}
