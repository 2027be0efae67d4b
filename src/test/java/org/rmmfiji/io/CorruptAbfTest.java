package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.Rng;

/** Broken ABF files give a message naming the file and the problem: never a crash, an OOM or an endless loop. */
class CorruptAbfTest {

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(TestData.sharedAbf().resolve(name));
    }

    static String error(byte[] b) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Recordings.open("broken.abf", b, ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith("broken.abf: "), e.getMessage());
        return e.getMessage();
    }

    static void putInt(byte[] b, int at, int v) { ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v); }

    static void putLong(byte[] b, int at, long v) { ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(at, v); }

    @Test
    void truncationAtEverySectionBoundaryOfAnAbf2() throws IOException {
        byte[] full = bytes("17o05028_ic_steps.abf");
        ByteBuffer h = ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> cuts = new ArrayList<>(List.of(0, 3, 4, 60, 76, 200, 364));
        long lastEnd = 0;
        for (int i = 0; i < 18; i++) {
            long block = h.getInt(76 + 16 * i) & 0xFFFFFFFFL;
            long end = block * 512 + (h.getInt(76 + 16 * i + 4) & 0xFFFFFFFFL) * h.getLong(76 + 16 * i + 8);
            if (block > 0 && block * 512 < full.length) {
                cuts.add((int) block * 512);
                cuts.add((int) block * 512 + 1);
                lastEnd = Math.max(lastEnd, end);
            }
        }
        cuts.add((int) lastEnd - 1);                           // the last byte any section needs
        for (int cut : cuts) {
            String m = error(java.util.Arrays.copyOf(full, cut));
            assertTrue(m.contains("truncated") || m.contains("end") || m.contains("empty") || m.contains("ABF"), cut + ": " + m);
        }
    }

    @Test
    void truncatedAbf1() throws IOException {
        byte[] full = bytes("190619B_0003.abf");
        ByteBuffer h = ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN);
        int dataEnd = h.getInt(40) * 512 + 2 * h.getInt(10), synch = h.getInt(92) * 512;
        for (int cut : new int[] {10, 2000, 6143, 6144, full.length / 2, dataEnd - 1, synch + 40}) {
            String m = error(java.util.Arrays.copyOf(full, cut));
            assertTrue(m.contains("truncated") || m.contains("end"), cut + ": " + m);
        }
    }

    @Test
    void namedCorruptions() throws IOException {
        byte[] b = bytes("17o05028_ic_steps.abf");
        byte[] magic = b.clone();
        magic[3] = '3';
        assertTrue(error(magic).contains("does not start with"));
        byte[] past = b.clone();
        putInt(past, 76, 999_999);                             // Protocol section block far past the end
        assertTrue(error(past).contains("Protocol"));
        byte[] zero = b.clone();
        putLong(zero, 92 + 8, 0);                              // ADC section: no entries
        assertTrue(error(zero).contains("0 recorded channels"));
        byte[] huge = b.clone();
        putLong(huge, 236 + 8, 1_000_000_000L);                // the data section claims 2 GB of int16
        assertTrue(error(huge).contains("Data"), error(huge));
        byte[] format = b.clone();
        putInt(format, 236 + 4, 3);                            // 3-byte samples
        assertTrue(error(format).contains("3 bytes"));
        byte[] abf1Channels = bytes("190619B_0003.abf");
        abf1Channels[120] = 0;
        abf1Channels[121] = 0;
        assertTrue(error(abf1Channels).contains("0 recorded channels"));
        byte[] abf1Format = bytes("190619B_0003.abf");
        abf1Format[100] = 7;
        assertTrue(error(abf1Format).contains("data format 7"));
    }

    @Test
    void aTextFileNamedAbfHasNoAbfSignature() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Recordings.open("cell.abf", "t_ms,V_mV\n0,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith("cell.abf: no ABF signature"), e.getMessage());
    }

    @Test
    void abf2WithACorruptMapEntrySaysWhichFieldAndValue() throws IOException {
        byte[] b = bytes("17o05028_ic_steps.abf");
        putLong(b, 92 + 8, 1_000_000);                         // ADC section: a million entries in a whole file
        String m = error(b);
        assertTrue(m.contains("header is inconsistent") && m.contains("ADC section") && m.contains("1000000 entries") && !m.contains("truncated"), m);
    }

    @Test
    void abf1ScalingCorruptionsAreRefusedOrWarned() throws IOException {
        byte[] good = bytes("190619B_0003.abf");
        byte[] gain = good.clone();
        ByteBuffer.wrap(gain).order(ByteOrder.LITTLE_ENDIAN).putFloat(1050, 0.9925f);     // signal gain of channel 0
        var r = org.rmmfiji.io.Recordings.open("g.abf", gain, ReadOptions.defaults());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("signal gain 0.992") && w.contains("not a usual amplifier setting")), r.warnings().toString());
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putFloat(922, 1e-31f);      // instrument scale factor: 4e31 nA
        assertTrue(error(huge).contains("instrument scale factor"));
        byte[] range = good.clone();
        ByteBuffer.wrap(range).order(ByteOrder.LITTLE_ENDIAN).putFloat(244, Float.NaN);
        assertTrue(error(range).contains("ADC range"));
    }

    /**
     * As reported: 100 random bytes flipped in the header of a real ABF1, ten seeds: the recorded channels are never
     * read silently to other values (the current rebuilt from the protocol follows its levels, which are free settings).
     */
    @Test
    void hundredFlippedHeaderBytesNeverGiveSilentlyWrongData() throws IOException {
        byte[] good = bytes("190619B_0003.abf");
        var base = Recordings.open("x.abf", good, ReadOptions.defaults());
        for (int seed = 0; seed < 10; seed++) {
            Rng rng = new Rng(seed);
            byte[] b = good.clone();
            for (int k = 0; k < 100; k++) b[rng.nextInt(6144)] ^= (byte) (1 + rng.nextInt(255));
            try {
                var r = Recordings.open("x.abf", b, ReadOptions.defaults());
                assertTrue(!base.warnings().containsAll(r.warnings()) || sameRecorded(base, r), "seed " + seed + " changed the data silently");
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith("x.abf: "), e.getMessage());
            }
        }
    }

    /** The recorded (not rebuilt) channels: same names, units, segmentation and samples. */
    static boolean sameRecorded(org.rmmfiji.data.Recording a, org.rmmfiji.data.Recording b) {
        if (a.dt() != b.dt() || a.segments().size() != b.segments().size() || a.channels().size() != b.channels().size()) return false;
        int recorded = a.channels().size() - (a.notes().stream().anyMatch(n -> n.contains("rebuilt from the epoch table")) ? 1 : 0);
        for (int c = 0; c < recorded; c++) {
            if (!a.channels().get(c).name().equals(b.channels().get(c).name()) || !a.channels().get(c).unit().equals(b.channels().get(c).unit())) return false;
            for (int s = 0; s < a.segments().size(); s++) {
                if (a.segments().get(s).length() != b.segments().get(s).length()) return false;
                for (int k = 0; k < a.segments().get(s).length(); k++) if (a.segments().get(s).get(c, k) != b.segments().get(s).get(c, k)) return false;
            }
        }
        return true;
    }
}
