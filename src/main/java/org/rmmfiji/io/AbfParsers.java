package org.rmmfiji.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Parses the ABF1 fixed header and the ABF2 section map into an {@link AbfHeader}. */
final class AbfParsers {
    private AbfParsers() {}

    static final int BLOCK = 512;
    static final int MAX_CHANNELS = 64;

    // ---------------------------------------------------------------- ABF1
    static AbfHeader abf1(BinaryFile f) throws IOException {
        ByteBuffer h = f.read(0, 6144, "the ABF1 header (6144 bytes)");
        AbfHeader a = new AbfHeader();
        a.abf2 = false;
        a.version = String.format(java.util.Locale.ROOT, "%.2f", h.getFloat(4));
        a.operationMode = h.getShort(8);
        long acqLength = h.getInt(10) & 0xFFFFFFFFL;
        int pointsIgnored = h.getShort(14);
        int episodes = h.getInt(16);
        a.dataStart = (long) (h.getInt(40) & 0xFFFFFFFFL) * BLOCK + Math.max(0, pointsIgnored);
        int tagPtr = h.getInt(44), tagCount = h.getInt(48);
        int synchPtr = h.getInt(92), synchSize = h.getInt(96);
        a.dataFormat = h.getShort(100);
        int nChannels = h.getShort(120);
        double aggregateIntervalUs = h.getFloat(122);
        a.synchTimeUnitUs = h.getFloat(130);
        float adcRange = h.getFloat(244);
        int adcResolution = h.getInt(252);
        checkChannels(f, nChannels);
        AbfScaling.mode(f, a.operationMode);
        AbfScaling.episodes(f, a.operationMode, acqLength / nChannels, episodes, h.getInt(138) / nChannels, "lActualEpisodes, lNumSamplesPerEpisode, lActualAcqLength", a.warnings);
        AbfScaling.digitiser(f, adcRange, adcResolution, a.warnings);
        a.samplingIntervalUs = aggregateIntervalUs * nChannels;
        AbfScaling.interval(f, aggregateIntervalUs, a.samplingIntervalUs, a.warnings);
        for (int i = 0; i < 16; i++) {
            int p = h.getShort(410 + 2 * i);                       // physical channel of logical channel i; -1 after the last
            if (i >= nChannels && p != -1)
                throw f.corrupt("the header is inconsistent: it declares " + nChannels + " channels but the ADC sampling sequence lists more (entry " + i + " is " + p + ")");
            if (i >= nChannels) continue;
            if (p < 0 || p >= 16) throw f.corrupt("ADC sampling sequence names physical channel " + p + " (expected 0–15)");
            AbfHeader.AdcChannel c = new AbfHeader.AdcChannel();
            c.name = BinaryFile.ascii(h, 442 + 10 * p, 10);
            c.unit = BinaryFile.ascii(h, 602 + 8 * p, 8);
            int telegraphOn = h.getShort(4512 + 2 * p);
            channelScaling(f, a, c, telegraphOn, h.getFloat(4576 + 4 * p), h.getFloat(730 + 4 * p), h.getFloat(922 + 4 * p), h.getFloat(1050 + 4 * p),
                    h.getFloat(986 + 4 * p), h.getFloat(1114 + 4 * p), adcRange, adcResolution);
            a.channels.add(c);
        }
        a.totalSamples = acqLength;
        a.sweepCount = episodes;
        a.activeDacRaw = h.getShort(1440);
        a.activeDac = Math.max(0, Math.min(1, a.activeDacRaw));
        int d = a.activeDac;
        a.dacName = BinaryFile.ascii(h, 1306 + 10 * d, 10);
        a.dacUnit = BinaryFile.ascii(h, 1346 + 8 * d, 8);
        a.holdingLevel = h.getFloat(1394 + 4 * d);
        a.flagsRaw = new int[] {h.getShort(2296 + 2 * d), h.getShort(2304 + 2 * d)};
        a.waveformEnabled = h.getShort(2296 + 2 * d) != 0;
        a.waveformSource = h.getShort(2300 + 2 * d);
        a.keepLastLevel = h.getShort(2304 + 2 * d) != 0;
        for (int e = 0; e < 10; e++) {
            int k = 10 * d + e;
            AbfHeader.Epoch ep = new AbfHeader.Epoch();
            ep.type = h.getShort(2308 + 2 * k);
            if (ep.type == 0) continue;
            ep.initLevel = h.getFloat(2348 + 4 * k);
            ep.levelInc = h.getFloat(2428 + 4 * k);
            ep.initDuration = h.getInt(2508 + 4 * k);
            ep.durationInc = h.getInt(2588 + 4 * k);
            a.epochs.add(ep);
        }
        if (synchPtr < 0 || synchSize < 0 || tagPtr < 0 || tagCount < 0)
            throw f.corrupt("the header is inconsistent: a negative table pointer or size (synch array " + synchPtr + ", " + synchSize + "; tags " + tagPtr + ", " + tagCount + ")");
        AbfScaling.synchUnit(f, a.synchTimeUnitUs, a.warnings);
        // the optional tables must still lie inside the file: a cut through them is a truncated file
        requireInside(f, "synch array", synchPtr, synchSize, 8);
        requireInside(f, "tag section", tagPtr, tagCount, 64);
        a.sweepStartToStartS = h.getFloat(178);
        if (synchPtr > 0 && synchSize > 0) sweepStarts(f, a, (long) synchPtr * BLOCK, synchSize, nChannels);
        if (a.operationMode == 1 && synchPtr > 0 && synchSize > 0) a.sweepLengths = synchLengths(f, (long) synchPtr * BLOCK, synchSize, nChannels);
        if (tagPtr > 0 && tagCount > 0) tags(f, a, (long) tagPtr * BLOCK, 64, tagCount);
        return a;
    }

    // ---------------------------------------------------------------- ABF2
    static AbfHeader abf2(BinaryFile f) throws IOException {
        ByteBuffer h = f.read(0, 76 + 18 * 16, "the ABF2 header and section map");
        AbfHeader a = new AbfHeader();
        a.abf2 = true;
        a.version = (h.get(7) & 0xFF) + "." + (h.get(6) & 0xFF) + "." + (h.get(5) & 0xFF) + "." + (h.get(4) & 0xFF);
        int episodes = h.getInt(12);
        a.dataFormat = h.getShort(30);
        long[] protocol = section(h, 76), adc = section(h, 92), dac = section(h, 108), epochPerDac = section(h, 156);
        long[] strings = section(h, 220), data = section(h, 236), tag = section(h, 252), synch = section(h, 316);
        checkSectionsInsideFile(f, h);
        if (protocol[1] < 144 || protocol[2] < 1) throw f.corrupt("the protocol section is missing");
        ByteBuffer p = f.read(protocol[0] * BLOCK, 144, "the protocol section");
        a.operationMode = p.getShort(0);
        a.samplingIntervalUs = p.getFloat(2);
        a.synchTimeUnitUs = p.getFloat(14);
        a.sweepStartToStartS = p.getFloat(62);
        float adcRange = p.getFloat(110);
        int adcResolution = p.getInt(118);
        a.activeDac = p.getShort(142);
        a.activeDacRaw = a.activeDac;
        List<String> names = indexedStrings(f, strings);
        int nChannels = (int) Math.min(Integer.MAX_VALUE, adc[2]);
        checkChannels(f, nChannels);
        if (adc[1] < 82) throw f.corrupt("ADC entries of " + adc[1] + " bytes are too short (expected 128)");
        AbfScaling.mode(f, a.operationMode);
        AbfScaling.synchUnit(f, a.synchTimeUnitUs, a.warnings);
        AbfScaling.episodes(f, a.operationMode, data[2] / nChannels, episodes, p.getInt(22) / nChannels, "lActualEpisodes, lNumSamplesPerEpisode, Data section entries", a.warnings);
        AbfScaling.digitiser(f, adcRange, adcResolution, a.warnings);
        AbfScaling.interval(f, a.samplingIntervalUs, a.samplingIntervalUs, a.warnings);   // ABF2 stores the per-channel interval
        for (int i = 0; i < nChannels; i++) {
            ByteBuffer c = f.read(adc[0] * BLOCK + i * adc[1], 82, "ADC channel " + i);
            AbfHeader.AdcChannel ch = new AbfHeader.AdcChannel();
            int nameIndex = c.getInt(74), unitIndex = c.getInt(78);
            if (nameIndex < 0 || nameIndex >= names.size() || unitIndex < 0 || unitIndex >= names.size())
                a.warnings.add("ADC channel " + i + ": its name or unit (string " + nameIndex + ", " + unitIndex + ") is not in the " + names.size() + "-entry strings table");
            ch.name = string(names, nameIndex);
            ch.unit = string(names, unitIndex);
            channelScaling(f, a, ch, c.getShort(2), c.getFloat(6), c.getFloat(28), c.getFloat(40), c.getFloat(48), c.getFloat(44), c.getFloat(52), adcRange, adcResolution);
            a.channels.add(ch);
        }
        if (data[1] != 2 && data[1] != 4) throw f.corrupt("data samples of " + data[1] + " bytes (expected 2 or 4)");
        a.dataFormat = data[1] == 4 ? 1 : 0;
        a.dataStart = data[0] * BLOCK;
        a.totalSamples = data[2];
        a.sweepCount = episodes;
        if (dac[2] > 0 && dac[1] >= 122 && a.activeDac >= 0 && a.activeDac < dac[2]) {
            ByteBuffer d = f.read(dac[0] * BLOCK + a.activeDac * dac[1], 122, "DAC channel " + a.activeDac);
            a.holdingLevel = d.getFloat(12);
            a.dacName = string(names, d.getInt(24));
            a.dacUnit = string(names, d.getInt(28));
            a.flagsRaw = new int[] {d.getShort(40), d.getShort(44)};
            a.waveformEnabled = d.getShort(40) != 0;
            a.waveformSource = d.getShort(42);
            a.keepLastLevel = d.getShort(44) != 0;
        }
        if (epochPerDac[2] > 0 && epochPerDac[1] >= 30) {
            if (epochPerDac[2] > 1000) throw f.corrupt("the epoch table claims " + epochPerDac[2] + " epochs");
            for (int e = 0; e < epochPerDac[2]; e++) {
                ByteBuffer b = f.read(epochPerDac[0] * BLOCK + e * epochPerDac[1], 30, "epoch " + e);
                if (b.getShort(2) != a.activeDac) continue;
                AbfHeader.Epoch ep = new AbfHeader.Epoch();
                ep.type = b.getShort(4);
                if (ep.type == 0) continue;
                ep.initLevel = b.getFloat(6);
                ep.levelInc = b.getFloat(10);
                ep.initDuration = b.getInt(14);
                ep.durationInc = b.getInt(18);
                ep.pulsePeriod = b.getInt(22);
                ep.pulseWidth = b.getInt(26);
                a.epochs.add(ep);
            }
        }
        if (synch[2] > 0 && synch[1] >= 8) sweepStarts(f, a, synch[0] * BLOCK, synch[2], nChannels);
        if (a.operationMode == 1 && synch[2] > 0) a.sweepLengths = synchLengths(f, synch[0] * BLOCK, synch[2], nChannels);
        if (tag[2] > 0 && tag[1] >= 62) tags(f, a, tag[0] * BLOCK, (int) tag[1], tag[2]);
        return a;
    }

    /** Checks every field that scales a channel, then sets its gain and offset (value = raw·gain + offset). */
    private static void channelScaling(BinaryFile f, AbfHeader a, AbfHeader.AdcChannel c, int telegraphOn, double telegraphGain, double programmableGain,
            double instrumentScale, double signalGain, double instrumentOffset, double signalOffset, double adcRange, int adcResolution) {
        String n = c.name.isEmpty() ? "#" + a.channels.size() : c.name;
        AbfScaling.text(n, "name", c.name, a.warnings);
        AbfScaling.text(n, "unit", c.unit, a.warnings);
        if (telegraphOn != 0 && telegraphOn != 1) throw f.corrupt("the header is inconsistent: channel " + n + " has telegraph flag " + telegraphOn + " (expected 0 or 1)");
        double telegraph = telegraphOn == 1 ? telegraphGain : 1.0;
        if (telegraphOn == 1) AbfScaling.factor(f, n, "telegraph gain", telegraphGain, a.warnings);
        AbfScaling.factor(f, n, "programmable gain", programmableGain, a.warnings);
        AbfScaling.factor(f, n, "instrument scale factor", instrumentScale, a.warnings);
        AbfScaling.factor(f, n, "signal gain", signalGain, a.warnings);
        AbfScaling.offset(f, n, "instrument offset", instrumentOffset, a.warnings);
        AbfScaling.offset(f, n, "signal offset", signalOffset, a.warnings);
        c.gain = adcRange / adcResolution / (instrumentScale * signalGain * programmableGain * telegraph);
        c.offset = instrumentOffset - signalOffset;
    }

    static final String[] SECTIONS = {"Protocol", "ADC", "DAC", "Epoch", "ADCPerDAC", "EpochPerDAC", "UserList", "StatsRegion",
        "Math", "Strings", "Data", "Tag", "Scope", "Delta", "VoiceTag", "SynchArray", "Annotation", "Stats"};

    /** Every section the map lists must end inside the file: a truncated file is named as such. */
    private static void checkSectionsInsideFile(BinaryFile f, ByteBuffer h) {
        for (int i = 0; i < SECTIONS.length; i++) {
            long[] s = section(h, 76 + 16 * i);
            if (s[2] == 0 || s[1] == 0) continue;
            if (i == 10 && s[1] != 2 && s[1] != 4) throw f.corrupt("data samples of " + s[1] + " bytes (expected 2 or 4)");
            if (s[2] < 0 || s[2] > f.size)
                throw f.corrupt("the section map gives the " + SECTIONS[i] + " section " + s[2] + " entries, more than the file's " + f.size + " bytes hold");
            long end = s[0] * BLOCK + s[1] * s[2];
            if (end > f.size) {
                // a cut file loses every section after the cut; a corrupt map entry leaves later sections whole
                boolean laterFits = false;
                for (int j = 0; j < SECTIONS.length; j++) {
                    long[] t = section(h, 76 + 16 * j);
                    if (j != i && t[0] > s[0] && t[1] > 0 && t[2] > 0 && t[0] * BLOCK + t[1] * t[2] <= f.size) laterFits = true;
                }
                if (laterFits)
                    throw f.corrupt("the header is inconsistent: the section map gives the " + SECTIONS[i] + " section block " + s[0] + " and " + s[2] + " entries of "
                            + s[1] + " bytes, ending at byte " + end + ", past the file's " + f.size + " bytes, while later sections fit");
                throw f.corrupt("the " + SECTIONS[i] + " section ends at byte " + end + " but the file has " + f.size + " bytes (truncated?)");
            }
        }
    }

    private static void requireInside(BinaryFile f, String what, int blockPtr, int count, int entryBytes) {
        if (blockPtr <= 0 || count <= 0) return;
        long end = (long) blockPtr * BLOCK + (long) count * entryBytes;
        if (end > f.size) throw f.corrupt("the " + what + " ends at byte " + end + " but the file has " + f.size + " bytes (truncated?)");
    }

    /** {block, bytes per entry, entries} of a section-map entry. */
    private static long[] section(ByteBuffer h, int at) {
        return new long[] {h.getInt(at) & 0xFFFFFFFFL, h.getInt(at + 4) & 0xFFFFFFFFL, h.getLong(at + 8)};
    }

    private static void checkChannels(BinaryFile f, int n) {
        if (n < 1 || n > MAX_CHANNELS) throw f.corrupt("it declares " + n + " recorded channels (expected 1–" + MAX_CHANNELS + ")");
    }

    private static String string(List<String> names, int index) {
        return index >= 0 && index < names.size() ? names.get(index).trim() : "";
    }

    /** The indexed strings: entry 0 of the strings section, from its last double NUL, split on NUL, first dropped. */
    private static List<String> indexedStrings(BinaryFile f, long[] s) throws IOException {
        List<String> out = new ArrayList<>();
        if (s[2] < 1 || s[1] < 1) return out;
        if (s[1] > 1 << 20) throw f.corrupt("a strings entry of " + s[1] + " bytes");
        ByteBuffer b = f.read(s[0] * BLOCK, (int) s[1], "the strings section");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s[1]; i++) {
            int c = b.get(i) & 0xFF;
            if (c == 0xB5) sb.append('u');
            else if (c < 0x80) sb.append((char) c);
        }
        String all = sb.toString();
        int from = all.lastIndexOf("\0\0");
        if (from < 0) return out;
        String[] parts = all.substring(from).split("\0", -1);
        for (int i = 1; i < parts.length; i++) out.add(parts[i]);
        return out;
    }

    /** Variable-length sweeps: the synch array's {start, length} pairs, length in samples over all channels. */
    private static int[] synchLengths(BinaryFile f, long at, long entries, int nChannels) throws IOException {
        if (entries > 1_000_000 || at + entries * 8 > f.size) throw f.corrupt("the synch array claims " + entries + " sweeps past the end of the file");
        ByteBuffer b = f.read(at, (int) (entries * 8), "the synch array");
        int[] lengths = new int[(int) entries];
        for (int i = 0; i < entries; i++) {
            int len = b.getInt(8 * i + 4);
            if (len <= 0) throw f.corrupt("sweep " + i + " has length " + len);
            lengths[i] = len / nChannels;
        }
        return lengths;
    }

    /** When each sweep began, from the synch array's starts (in synch time units, or in samples when the unit is 0). */
    private static void sweepStarts(BinaryFile f, AbfHeader a, long at, long entries, int nChannels) throws IOException {
        if (entries > 1_000_000 || at + entries * 8 > f.size) return;   // synchLengths names the problem where it matters
        ByteBuffer b = f.read(at, (int) (entries * 8), "the synch array");
        a.sweepStartsMs = new double[(int) entries];
        double unitUs = a.synchTimeUnitUs > 0 ? a.synchTimeUnitUs : a.samplingIntervalUs / nChannels;
        for (int i = 0; i < entries; i++) a.sweepStartsMs[i] = (b.getInt(8 * i) & 0xFFFFFFFFL) * unitUs / 1000;
    }

    private static void tags(BinaryFile f, AbfHeader a, long at, int entrySize, long count) throws IOException {
        if (count > 100_000 || at + count * entrySize > f.size) return;   // tags are optional: ignore a broken table
        for (int i = 0; i < count; i++) {
            ByteBuffer b = f.read(at + (long) i * entrySize, 62, "tag " + i);
            a.tagTimesAndTypes.add(new double[] {b.getInt(0), b.getShort(60)});
            a.tagComments.add(BinaryFile.ascii(b, 4, 56));
        }
    }
}
