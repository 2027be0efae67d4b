package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Axon Text File writer, read back by a strict reader of the ATF 1.0 layout written here from the format's
 * description (signature; record and column counts; quoted optional records; quoted column titles; tab-separated rows).
 */
public class AtfFilesTest {
    public static final String SIGNATURE_LINE = "ATF\t1.0";

    /** An ATF file as read: the optional records (without quotes), the column titles, the rows. */
    public record Atf(List<String> records, List<String> titles, List<double[]> rows) {}

    /** Reads an ATF 1.0 file and fails on anything the layout does not allow. */
    public static Atf parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(text.endsWith("\r\n"), "CR LF line ends");
        String[] lines = text.split("\r\n", -1);
        assertEquals(SIGNATURE_LINE, lines[0], "signature");
        String[] counts = lines[1].split("\t");
        assertEquals(2, counts.length, "the second record holds two numbers: " + lines[1]);
        int nRecords = Integer.parseInt(counts[0]), nColumns = Integer.parseInt(counts[1]);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < nRecords; i++) records.add(unquote(lines[2 + i]));
        List<String> titles = new ArrayList<>();
        for (String t : lines[2 + nRecords].split("\t")) titles.add(unquote(t));
        assertEquals(nColumns, titles.size(), "one title per column");
        List<double[]> rows = new ArrayList<>();
        for (int i = 3 + nRecords; i < lines.length - 1; i++) {
            String[] f = lines[i].split("\t");
            assertEquals(nColumns, f.length, "row " + (i - 2 - nRecords) + ": " + lines[i]);
            double[] row = new double[nColumns];
            for (int c = 0; c < nColumns; c++) {
                assertTrue(f[c].matches("-?\\d+(\\.\\d+)?"), "a plain number: " + f[c]);
                row[c] = Double.parseDouble(f[c]);
            }
            rows.add(row);
        }
        assertEquals("", lines[lines.length - 1]);
        return new Atf(records, titles, rows);
    }

    static String unquote(String s) {
        assertTrue(s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") && s.indexOf('"', 1) == s.length() - 1, "one quoted field: " + s);
        return s.substring(1, s.length() - 1);
    }

    @Test
    void writesOneTraceUnderTheAtfHeader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.atf");
        AtfFiles.writeCurrent(f, 0.05, new double[] {0, -1.25, 3e-7, 2.5}, "a \"quoted\" σ comment\nover two lines");
        Atf atf = parse(f);
        assertEquals(List.of("AcquisitionMode=Episodic Stimulation", "Comment=a 'quoted' ? comment?over two lines", "YTop=2.500000",
                "YBottom=-1.250000", "SweepStartTimesMS=0.000"), atf.records());
        assertEquals(List.of("Time (s)", "Trace #1 (nA)"), atf.titles());
        assertEquals(4, atf.rows().size());
        List<String> lines = Files.readAllLines(f);
        assertEquals(List.of("0.00000\t0.000000", "0.00005\t-1.250000", "0.00010\t0.000000", "0.00015\t2.500000"), lines.subList(lines.size() - 4, lines.size()));
    }

    @Test
    void numbersAreFixedPointWithTheStepsDecimals() {
        assertEquals(1, AtfFiles.decimals(0.1));
        assertEquals(4, AtfFiles.decimals(0.1 / 1000));
        assertEquals(2, AtfFiles.decimals(0.05));
        assertEquals(0, AtfFiles.decimals(2));
        assertEquals(9, AtfFiles.decimals(1.0 / 3));
        StringBuilder sb = new StringBuilder();
        AtfFiles.fixed(sb, -0.0000004, 6);
        sb.append('|');
        AtfFiles.fixed(sb, -12.3456789, 6);
        sb.append('|');
        AtfFiles.fixed(sb, 599999.9 + 1e-9, 1);
        sb.append('|');
        AtfFiles.fixed(sb, 1e15, 6);
        assertEquals("0.000000|-12.345679|599999.9|1000000000000000.000000", sb.toString());
    }
}
