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
}
