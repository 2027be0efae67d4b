package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.TestData;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.data.Units;

/** The shared Axon recordings against the reference values (ground-truth reference §3.1). */
class AbfReaderTest {

    static Recording open(String name) throws IOException {
        return Recordings.open(TestData.sharedAbf().resolve(name));
    }

    static void assertFirst(Recording r, int channel, double... expected) {
        Segment s = r.segments().get(0);
        for (int k = 0; k < expected.length; k++) assertEquals(expected[k], s.get(channel, k), 1e-3, r.source() + " sample " + k);
    }

    static double[] meanMinMax(Segment s, int c) {
        double sum = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (int k = 0; k < s.length(); k++) {
            double v = s.get(c, k);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {sum / s.length(), min, max};
    }

    @Test
    void everySharedFileOpens() throws IOException {
        try (var files = Files.list(TestData.sharedAbf())) {
            List<Path> abfs = files.filter(p -> p.toString().endsWith(".abf")).sorted().toList();
            assertEquals(9, abfs.size());
            for (Path p : abfs) {
                Recording r = Recordings.open(p);
                assertTrue(r.segments().size() >= 1 && r.segments().get(0).length() > 0, p.toString());
                for (Segment s : r.segments())
                    for (int c = 0; c < r.channels().size(); c++)
                        for (int k = 0; k < s.length(); k += 997) assertTrue(Float.isFinite(s.get(c, k)), p + " channel " + c);
            }
        }
    }

    @Test
    void icStepsAbf2WithTheCommandRebuiltFromEpochs() throws IOException {
        Recording r = open("17o05028_ic_steps.abf");
        assertEquals(0.05, r.dt(), 1e-12);
        assertEquals(16, r.segments().size());
        assertEquals(60_000, r.segments().get(0).length());
        assertEquals(List.of("IN_0", "I_Cmd_0"), r.channelNames());
        assertEquals(Units.MILLIVOLT, r.channels().get(0).unit());
        assertFirst(r, 0, -47.0886, -47.1497, -47.1191, -47.0886, -47.0886);
        double[] m = meanMinMax(r.segments().get(0), 0);
        assertEquals(-75.9253, m[0], 1e-3);
        assertEquals(-112.7014, m[1], 1e-3);
        assertEquals(40.6494, m[2], 1e-3);
        // epochs A 2000 pts at 0; B 10000 at −50 + 10k pA; C 10000 at 0; D 10000 at −50; E 10000 at −50 + 10k,
        // after a pre-epoch holding stretch of 60000/64 = 937 samples
        Segment s5 = r.segments().get(5);
        int pre = 60_000 / 64;
        assertEquals(0.0, s5.get(1, pre + 1999), 1e-9);
        assertEquals(0.0, s5.get(1, pre + 2000) - 0.0, 1e-6, "sweep 5 epoch B is at −50 + 50 = 0 pA");
        Segment s2 = r.segments().get(2);
        assertEquals(-0.030, s2.get(1, pre + 2000), 1e-6, "sweep 2 epoch B is at −30 pA");
        assertEquals(0.0, s2.get(1, pre + 12_000), 1e-6, "epoch C");
        assertEquals(-0.050, s2.get(1, pre + 22_000), 1e-6, "epoch D");
        assertEquals(-0.030, s2.get(1, pre + 32_000), 1e-6, "epoch E");
        assertTrue(String.join("\n", r.notes()).contains("rebuilt from the epoch table"));
    }

    @Test
    void sineSweepAndFloatData() throws IOException {
        Recording r = open("171116sh_0017.abf");
        assertEquals(3, r.segments().size());
        assertEquals(100_000, r.segments().get(0).length());
        assertEquals(0.1, r.dt(), 1e-12);
        assertFirst(r, 0, -61.7065, -61.5845, -61.7371, -61.5845, -61.7676);
        assertEquals(-61.6571, meanMinMax(r.segments().get(0), 0)[0], 1e-3);
        assertTrue(String.join("\n", r.notes()).contains("stimulus file"), "the waveform from a stimulus file is reported");

        Recording f = open("File_axon_7.abf");
        assertEquals(12, f.segments().size());
        assertEquals(1615, f.segments().get(0).length());
        assertEquals(1000.0 / 403.2258, f.dt(), 1e-3);
        assertFirst(f, 0, -1.4807e-3, -0.8093e-3, -0.1311e-3, -0.1650e-3, -0.3481e-3);   // pA → nA
    }

    @Test
    void abf1AndAbf2TwinsGiveTheSameData() throws IOException {
        Recording a2 = open("18425108.abf"), a1 = open("18425108_abf1.abf");
        assertEquals(List.of("Imemb", "10_Vm"), a2.channelNames());
        assertEquals(a2.channelNames(), a1.channelNames());
        assertEquals(0.04, a2.dt(), 1e-12);
        assertEquals(a2.dt(), a1.dt(), 1e-12);
        assertFirst(a2, 0, 0.0793, 0.0763, 0.0824, 0.0824, 0.0824);
        Segment s2 = a2.segments().get(0), s1 = a1.segments().get(0);
        assertEquals(250_000, s2.length());
        assertEquals(s2.length(), s1.length());
        double worst0 = 0, worst1 = 0;
        for (int k = 0; k < s2.length(); k++) {
            worst0 = Math.max(worst0, Math.abs(s2.get(0, k) - s1.get(0, k)));
            worst1 = Math.max(worst1, Math.abs(s2.get(1, k) - s1.get(1, k)));
        }
        assertEquals(0.0, worst0, 1e-6, "channel 0 identical");
        assertTrue(worst1 <= 0.0306, "channel 1 within one LSB: " + worst1);
    }

    @Test
    void abf1EpisodicWithTwoChannels() throws IOException {
        Recording r = open("190619B_0003.abf");
        assertEquals(10, r.segments().size());
        assertEquals(30_640, r.segments().get(0).length());
        assertEquals(0.1, r.dt(), 1e-12);
        assertFirst(r, 0, -65.9180, -66.2231, -65.9790, -66.1621, -65.9790);
        // B 10000 at −120 + 60·k pA
        int pre = 30_640 / 64;
        assertEquals(-0.120 + 0.060 * 3, r.segments().get(3).get(2, pre + 10_000 + 5000), 1e-6);
    }

    @Test
    void gapFreeVariableLengthAndEpisodicAbf2() throws IOException {
        Recording g = open("2020_07_29_0062.abf");
        assertEquals(1, g.segments().size());
        assertEquals(184_320, g.segments().get(0).length());
        assertEquals(List.of("Potential", "I_Com"), g.channelNames());
        assertEquals(Units.NANOAMPERE, g.channels().get(1).unit());
        assertTrue(String.join("\n", g.notes()).contains("tag at"));

        Recording v = open("2020_06_16_0000.abf");
        assertTrue(v.segments().size() >= 2, "variable-length sweeps become segments");

        Recording a5 = open("File_axon_5.abf");
        assertEquals(9, a5.segments().size());
        assertEquals(20_000, a5.segments().get(0).length());
        assertEquals(0.05, a5.dt(), 1e-12);
        assertEquals("mV", a5.channels().get(0).unit());
    }
}
