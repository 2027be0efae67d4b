package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.rmmfiji.TestData;
import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.data.Units;

/** Columns held in memory → a recording, by the CSV dialect's rules and with the CSV reader's own checks. */
class TableRecordingsTest {

    static Recording table(List<String> names, double[]... columns) {
        return TableRecordings.fromColumns("table 'T'", names, List.of(columns), ReadOptions.defaults());
    }

    static String refusal(List<String> names, double[]... columns) {
        return assertThrows(InvalidInputException.class, () -> table(names, columns)).getMessage();
    }

    @Test
    void channelsUnitsAndStep() {
        Recording r = table(List.of("t_ms", "V_LP_mV", "I_LP_pA", "g_uS"), new double[] {0, 0.1, 0.2, 0.3}, new double[] {-60, -59.5, -59, -58},
                new double[] {100, 200, 300, 400}, new double[] {0.1, 0.2, 0.3, 0.4});
        assertEquals("table 'T'", r.source());
        assertEquals(0.1, r.dt(), 1e-12);
        assertEquals(List.of("V_LP", "I_LP", "g"), r.channelNames());
        assertEquals(Units.MILLIVOLT, r.channels().get(0).unit());
        assertEquals(Units.NANOAMPERE, r.channels().get(1).unit());
        assertEquals("uS", r.channels().get(2).unit());
        assertEquals(1, r.segments().size());
        assertEquals(4, r.segments().get(0).length());
        assertEquals(0.3f, r.segments().get(0).get(1, 2), 1e-7f);          // 300 pA → 0.3 nA
        assertTrue(String.join("\n", r.notes()).contains("'I_LP_pA' converted from pA to nA"), r.notes().toString());
    }

    @Test
    void secondsAndNoTimeColumn() {
        Recording s = TableRecordings.fromColumns("t", List.of("t_s", "V_mV"), List.of(new double[] {0, 0.0001f, 0.0002f}, new double[] {-60, -61, -62}),
                ReadOptions.defaults());
        assertEquals(0.1, s.dt(), 1e-6);
        assertEquals(-61f, s.segments().get(0).get(0, 1), 0f);
        ReadOptions step = new ReadOptions();
        step.sampling_step_ms = 0.05;
        Recording n = TableRecordings.fromColumns("t", List.of("V_mV", "I_nA"), List.of(new double[] {-60, -61, -62}, new double[] {0, 1, 2}), step);
        assertEquals(0.05, n.dt(), 0);
        assertEquals(3, n.segments().get(0).length());
        assertTrue(String.join("\n", n.notes()).contains("no time column"));
    }

    @Test
    void segmentColumnAndTimeGapsSplitSegments() {
        Recording bySegment = table(List.of("t_ms", "segment", "V_mV"), new double[] {0, 0.1, 0.2, 0, 0.1}, new double[] {0, 0, 0, 1, 1},
                new double[] {-60, -61, -62, -63, -64});
        assertEquals(2, bySegment.segments().size());
        assertEquals(3, bySegment.segments().get(0).length());
        assertEquals(-63f, bySegment.segments().get(1).get(0, 0), 0f);
        assertEquals(List.of("V"), bySegment.channelNames(), "segment is not a channel");
        Recording byGap = table(List.of("t_ms", "V_mV"), new double[] {0, 0.1, 0.2, 5, 5.1}, new double[] {-60, -61, -62, -63, -64});
        assertEquals(2, byGap.segments().size(), "a gap in time starts a new segment, as in a CSV");
        assertEquals(2, byGap.segments().get(1).length());
    }

    @Test
    void refusalsNameTheColumnAndRow() {
        String nan = refusal(List.of("t_ms", "V_mV"), new double[] {0, 0.1, 0.2}, new double[] {-60, Double.NaN, -62});
        assertTrue(nan.contains("table 'T'") && nan.contains("row 2") && nan.contains("'V_mV'") && nan.contains("NaN"), nan);
        String uneven = refusal(List.of("t_ms", "V_mV"), new double[] {0, 0.1, 0.2, 0.32}, new double[] {-60, -61, -62, -63});
        assertTrue(uneven.contains("row 4") && uneven.contains("evenly spaced"), uneven);
        assertTrue(refusal(List.of("t_ms", "V_mV"), new double[] {0}, new double[] {-60}).contains("two samples"));
        assertTrue(refusal(List.of("t_ms", "V_mV"), new double[0], new double[0]).contains("no rows"));
        assertTrue(refusal(List.of("t_ms", "V_mV"), new double[] {0, 0.1, 0.05}, new double[] {-60, -61, -62}).contains("not increasing"));
        assertTrue(refusal(List.of("V_mV", "I_nA"), new double[] {-60, -61}, new double[] {0, 1}).contains("no time column 't_ms'"));
        assertTrue(refusal(List.of("t_ms", "Vm"), new double[] {0, 0.1}, new double[] {-60, -61}).contains("'Vm' does not end in a unit"));
        assertTrue(refusal(List.of("t_ms", "V_furlong"), new double[] {0, 0.1}, new double[] {-60, -61}).contains("unit 'furlong'"));
        assertTrue(refusal(List.of("t_ms"), new double[] {0, 0.1}).contains("no channel columns"));
        assertTrue(refusal(List.of("t_ms", "V_mV", "V_V"), new double[] {0, 0.1}, new double[] {-60, -61}, new double[] {0, 0}).contains("two columns are named 'V'"));
        String ragged = refusal(List.of("t_ms", "V_mV"), new double[] {0, 0.1, 0.2}, new double[] {-60, -61});
        assertTrue(ragged.contains("'V_mV' has 2 rows") && ragged.contains("3"), ragged);
        assertTrue(refusal(List.of(), new double[0][]).contains("no columns"));
        String volts = String.join("\n", table(List.of("t_ms", "V_mV"), new double[] {0, 0.1}, new double[] {-0.06, -0.061}).notes());
        assertTrue(volts.contains("is it in volts"), "the same plausibility warnings as a file's: " + volts);
    }

    /** The bundled sample, as a table of its columns, is the same recording as the file read by the CSV reader. */
    @Test
    void theSampleAsColumnsIsTheSampleFile() throws IOException {
        Recording file = Recordings.open(Path.of("sample-data", "hh-excerpt.csv.gz"));
        List<String> names = new ArrayList<>(List.of("t_ms", "segment"));
        for (Channel c : file.channels()) names.add(c.name() + "_" + c.unit());
        List<double[]> columns = TestData.columnsOf(file);
        Recording table = TableRecordings.fromColumns("table 'hh'", names, columns, ReadOptions.defaults());
        assertEquals(file.channels().toString(), table.channels().toString());
        assertEquals(file.dt(), table.dt(), 1e-9 * file.dt());
        assertEquals(file.segments().size(), table.segments().size());
        for (int s = 0; s < file.segments().size(); s++) {
            Segment a = file.segments().get(s), b = table.segments().get(s);
            assertEquals(a.length(), b.length());
            for (int c = 0; c < file.channels().size(); c++)
                for (int k = 0; k < a.length(); k++) assertEquals(a.get(c, k), b.get(c, k), 0f);
        }
    }
}
