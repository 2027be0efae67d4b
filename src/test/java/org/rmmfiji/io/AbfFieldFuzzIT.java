package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;

/**
 * Field-level corruption of every ABF1 and ABF2 header field the reader uses, each set to a series of wrong
 * values (zero, negative, NaN, infinities, huge, tiny, an exponent or mantissa bit flipped, ±1, unprintable text).
 * Every case must be refused, or read with a warning, or read to exactly the same data: never silently changed.
 */
class AbfFieldFuzzIT {

    enum Type { SHORT, INT, FLOAT, TEXT }

    record Field(String name, int at, Type type, int length) {}

    static List<Field> abf1Fields(ByteBuffer h) {
        List<Field> f = new ArrayList<>();
        Object[][] fixed = {{"fFileVersionNumber", 4, Type.FLOAT}, {"nOperationMode", 8, Type.SHORT}, {"lActualAcqLength", 10, Type.INT},
            {"nNumPointsIgnored", 14, Type.SHORT}, {"lActualEpisodes", 16, Type.INT}, {"lDataSectionPtr", 40, Type.INT}, {"lTagSectionPtr", 44, Type.INT},
            {"lNumTagEntries", 48, Type.INT}, {"lSynchArrayPtr", 92, Type.INT}, {"lSynchArraySize", 96, Type.INT}, {"nDataFormat", 100, Type.SHORT},
            {"nADCNumChannels", 120, Type.SHORT}, {"fADCSampleInterval", 122, Type.FLOAT}, {"fSynchTimeUnit", 130, Type.FLOAT},
            {"lNumSamplesPerEpisode", 138, Type.INT}, {"fEpisodeStartToStart", 178, Type.FLOAT}, {"fADCRange", 244, Type.FLOAT},
            {"lADCResolution", 252, Type.INT}, {"nActiveDACChannel", 1440, Type.SHORT}};
        for (Object[] o : fixed) f.add(new Field((String) o[0], (Integer) o[1], (Type) o[2], 0));
        int n = h.getShort(120);
        for (int i = 0; i < 16; i++) f.add(new Field("nADCSamplingSeq[" + i + "]", 410 + 2 * i, Type.SHORT, 0));
        for (int i = 0; i < n; i++) {
            int p = h.getShort(410 + 2 * i);
            f.add(new Field("sADCChannelName[" + p + "]", 442 + 10 * p, Type.TEXT, 10));
            f.add(new Field("sADCUnits[" + p + "]", 602 + 8 * p, Type.TEXT, 8));
            f.add(new Field("fADCProgrammableGain[" + p + "]", 730 + 4 * p, Type.FLOAT, 0));
            f.add(new Field("fInstrumentScaleFactor[" + p + "]", 922 + 4 * p, Type.FLOAT, 0));
            f.add(new Field("fInstrumentOffset[" + p + "]", 986 + 4 * p, Type.FLOAT, 0));
            f.add(new Field("fSignalGain[" + p + "]", 1050 + 4 * p, Type.FLOAT, 0));
            f.add(new Field("fSignalOffset[" + p + "]", 1114 + 4 * p, Type.FLOAT, 0));
            f.add(new Field("nTelegraphEnable[" + p + "]", 4512 + 2 * p, Type.SHORT, 0));
            f.add(new Field("fTelegraphAdditGain[" + p + "]", 4576 + 4 * p, Type.FLOAT, 0));
        }
        int d = Math.max(0, Math.min(1, h.getShort(1440)));
        f.add(new Field("sDACChannelName[" + d + "]", 1306 + 10 * d, Type.TEXT, 10));
        f.add(new Field("sDACChannelUnits[" + d + "]", 1346 + 8 * d, Type.TEXT, 8));
        f.add(new Field("fDACHoldingLevel[" + d + "]", 1394 + 4 * d, Type.FLOAT, 0));
        f.add(new Field("nWaveformEnable[" + d + "]", 2296 + 2 * d, Type.SHORT, 0));
        f.add(new Field("nWaveformSource[" + d + "]", 2300 + 2 * d, Type.SHORT, 0));
        f.add(new Field("nInterEpisodeLevel[" + d + "]", 2304 + 2 * d, Type.SHORT, 0));
        for (int e = 0; e < 10; e++) {
            int k = 10 * d + e;
            f.add(new Field("nEpochType[" + k + "]", 2308 + 2 * k, Type.SHORT, 0));
            f.add(new Field("fEpochInitLevel[" + k + "]", 2348 + 4 * k, Type.FLOAT, 0));
            f.add(new Field("fEpochLevelInc[" + k + "]", 2428 + 4 * k, Type.FLOAT, 0));
            f.add(new Field("lEpochInitDuration[" + k + "]", 2508 + 4 * k, Type.INT, 0));
            f.add(new Field("lEpochDurationInc[" + k + "]", 2588 + 4 * k, Type.INT, 0));
        }
        return f;
    }

    static List<Field> abf2Fields(ByteBuffer h) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("fFileVersionNumber", 4, Type.INT, 0));
        f.add(new Field("lActualEpisodes", 12, Type.INT, 0));
        f.add(new Field("nDataFormat", 30, Type.SHORT, 0));
        String[] sections = AbfParsers.SECTIONS;
        for (int i = 0; i < sections.length; i++) {
            if (h.getLong(76 + 16 * i + 8) == 0) continue;               // a section the file does not have is not used
            f.add(new Field(sections[i] + " block", 76 + 16 * i, Type.INT, 0));
            f.add(new Field(sections[i] + " bytes", 76 + 16 * i + 4, Type.INT, 0));
            f.add(new Field(sections[i] + " entries", 76 + 16 * i + 8, Type.INT, 0));
        }
        int protocol = h.getInt(76) * 512;
        Object[][] proto = {{"nOperationMode", 0, Type.SHORT}, {"fADCSequenceInterval", 2, Type.FLOAT}, {"fSynchTimeUnit", 14, Type.FLOAT},
            {"lNumSamplesPerEpisode", 22, Type.INT}, {"fEpisodeStartToStart", 62, Type.FLOAT}, {"fADCRange", 110, Type.FLOAT},
            {"lADCResolution", 118, Type.INT}, {"nActiveDACChannel", 142, Type.SHORT}};
        for (Object[] o : proto) f.add(new Field("Protocol." + o[0], protocol + (Integer) o[1], (Type) o[2], 0));
        int adc = h.getInt(92) * 512, adcBytes = h.getInt(96);
        long n = h.getLong(100);
        Object[][] perAdc = {{"nTelegraphEnable", 2, Type.SHORT}, {"fTelegraphAdditGain", 6, Type.FLOAT}, {"fADCProgrammableGain", 28, Type.FLOAT},
            {"fInstrumentScaleFactor", 40, Type.FLOAT}, {"fInstrumentOffset", 44, Type.FLOAT}, {"fSignalGain", 48, Type.FLOAT},
            {"fSignalOffset", 52, Type.FLOAT}, {"lADCChannelNameIndex", 74, Type.INT}, {"lADCUnitsIndex", 78, Type.INT}};
        for (int i = 0; i < n; i++)
            for (Object[] o : perAdc) f.add(new Field("ADC[" + i + "]." + o[0], adc + i * adcBytes + (Integer) o[1], (Type) o[2], 0));
        return f;
    }

    /** The wrong values of a field, as the bytes to write. */
    static List<byte[]> corruptions(ByteBuffer h, Field f) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b;
        switch (f.type) {
            case FLOAT: {
                float v = h.getFloat(f.at);
                float[] w = {0, -v, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, 1e-30f, v * 256, v / 256, v * 2, v / 2,
                    Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ (1 << 16)), v + 3.7f};
                for (float x : w) if (Float.floatToRawIntBits(x) != Float.floatToRawIntBits(v)) out.add(le(4).putFloat(0, x).array());
                break;
            }
            case INT: {
                int v = h.getInt(f.at);
                int[] w = {0, -1, v + 1, v - 1, v * 2, v / 2, v ^ (1 << 8), v ^ (1 << 20), Integer.MAX_VALUE, Integer.MIN_VALUE};
                for (int x : w) if (x != v) out.add(le(4).putInt(0, x).array());
                break;
            }
            case SHORT: {
                short v = h.getShort(f.at);
                int[] w = {0, -1, v + 1, v - 1, v * 2, v ^ (1 << 8), Short.MAX_VALUE, Short.MIN_VALUE, 7};
                for (int x : w) if ((short) x != v) out.add(le(2).putShort(0, (short) x).array());
                break;
            }
            default: {
                byte[] junk = new byte[f.length];
                for (int i = 0; i < junk.length; i++) junk[i] = (byte) (1 + i);      // unprintable
                out.add(junk);
                byte[] half = new byte[f.length];
                for (int i = 0; i < half.length; i++) half[i] = h.get(f.at + i);
                half[0] = (byte) 0xC3;                                              // a high byte in front of the text
                out.add(half);
            }
        }
        return out;
    }

    /**
     * A wrong value that is still a possible one: a factor 2 or ½ (an exponent bit: 1 → 2, 10 → 5 stay 1-2-5 amplifier
     * settings), ±1 on a count, a low mantissa bit, a small offset. No check on one header can tell these from the
     * truth; they are counted apart, and every impossible value must be refused or warned about.
     */
    static boolean plausible(ByteBuffer h, Field f, byte[] value) {
        ByteBuffer v = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        // stimulus levels are the experimenter's free choice: any finite level is possible
        if (f.type == Type.FLOAT && (f.name.startsWith("fEpoch") || f.name.startsWith("fDACHolding")))
            return Float.isFinite(v.getFloat(0)) && Math.abs(v.getFloat(0)) <= 1e5;
        if (f.name.endsWith("fSynchTimeUnit") && v.getFloat(0) == 0) return true;   // 0 is legal: sweep starts counted in samples
        switch (f.type) {
            case FLOAT: {
                double was = h.getFloat(f.at), now = v.getFloat(0);
                if (!Double.isFinite(now)) return false;
                double r = was == 0 ? Double.NaN : now / was;
                return r == 2 || r == 0.5 || Math.abs(r - 1) < 0.01 || Math.abs(now - was) < 4 || r == 256 || r == 1.0 / 256;
            }
            case INT: {
                long was = h.getInt(f.at), now = v.getInt(0);
                return Math.abs(now - was) <= 1 || now == 2 * was || now == was / 2 || Math.abs(now - was) == 256 || now == 0 || now == -1;
            }
            case SHORT: {
                int was = h.getShort(f.at), now = v.getShort(0);
                return Math.abs(now - was) <= 1 || now == 2 * was || Math.abs(now - was) == 256 || now == 0 || now == -1 || now == 7;
            }
            default:
                return false;
        }
    }

    static ByteBuffer le(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }

    /** Same samples, timing, segmentation, channel names and units. */
    static boolean sameData(Recording a, Recording b) {
        if (a.dt() != b.dt() || a.channels().size() != b.channels().size() || a.segments().size() != b.segments().size()) return false;
        for (int c = 0; c < a.channels().size(); c++)
            if (!a.channels().get(c).name().equals(b.channels().get(c).name()) || !a.channels().get(c).unit().equals(b.channels().get(c).unit())) return false;
        for (int s = 0; s < a.segments().size(); s++) {
            Segment x = a.segments().get(s), y = b.segments().get(s);
            if (x.length() != y.length() || Double.compare(x.startMs(), y.startMs()) != 0) return false;
            for (int c = 0; c < x.channelCount(); c++)
                if (!Arrays.equals(Arrays.copyOfRange(x.backing(c), x.offset(), x.offset() + x.length()),
                        Arrays.copyOfRange(y.backing(c), y.offset(), y.offset() + y.length()))) return false;
        }
        return true;
    }

    @Test
    void everyFieldTheReaderUsesIsRefusedWarnedOrHarmless() throws IOException {
        Map<String, Integer> outcome = new TreeMap<>();
        List<String> silent = new ArrayList<>();
        int cases = 0, fieldCount = 0;
        for (String file : new String[] {"18425108_abf1.abf", "190619B_0003.abf", "17o05028_ic_steps.abf", "18425108.abf", "2020_07_29_0062.abf", "File_axon_5.abf"}) {
            byte[] original = Files.readAllBytes(TestData.sharedAbf().resolve(file));
            ByteBuffer h = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN);
            Recording base = Recordings.open(file, original, ReadOptions.defaults());
            List<Field> fields = original[3] == ' ' ? abf1Fields(h) : abf2Fields(h);
            fieldCount += fields.size();
            for (Field f : fields) {
                for (byte[] value : corruptions(h, f)) {
                    byte[] b = original.clone();
                    System.arraycopy(value, 0, b, f.at, value.length);
                    cases++;
                    String result;
                    try {
                        Recording r = Recordings.open(file, b, ReadOptions.defaults());
                        result = !base.warnings().containsAll(r.warnings()) ? "warned" : sameData(base, r) ? "unchanged" : "SILENT";
                    } catch (InvalidInputException e) {
                        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                        result = "refused";
                    }
                    if (result.equals("SILENT") && plausible(h, f, value)) result = "plausible";
                    outcome.merge(result, 1, Integer::sum);
                    if (result.equals("SILENT")) silent.add(file + " " + f.name + " = " + Arrays.toString(value));
                }
            }
        }
        System.out.println("ABF field-level fuzz: " + cases + " cases over " + fieldCount + " fields: " + outcome);
        assertTrue(cases > 1000, "cases " + cases);
        assertEquals(List.of(), silent, silent.size() + " corruptions changed the data silently");
    }
}
