package org.rmmfiji.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.data.Units;

/**
 * Axon Binary Format, ABF1 ("ABF ") and ABF2 ("ABF2"). Sweeps become segments (gap-free: one); int16 samples are
 * scaled per channel with the instrument scale factor, signal gain, programmable gain, telegraph gain and offsets;
 * units become mV and nA. When no ADC channel records the injected current, it is rebuilt from the protocol's epoch
 * table (steps, ramps, pulse trains) and added as a channel.
 */
public final class AbfReader {
    private AbfReader() {}

    /** Samples de-interleaved per read. */
    private static final int CHUNK = 1 << 18;

    public static boolean looksLikeAbf(byte[] head) {
        return head.length >= 3 && head[0] == 'A' && head[1] == 'B' && head[2] == 'F';   // the version byte is checked by the reader
    }

    public static Recording read(String name, SeekableByteChannel ch) throws IOException {
        BinaryFile f = new BinaryFile(name, ch);
        ByteBuffer magic = f.read(0, 4, "the file signature");
        AbfHeader h;
        if (magic.get(3) == '2') h = AbfParsers.abf2(f);
        else if (magic.get(3) == ' ') h = AbfParsers.abf1(f);
        else throw f.corrupt("it does not start with 'ABF ' or 'ABF2'");
        return build(f, h);
    }

    private static Recording build(BinaryFile f, AbfHeader h) throws IOException {
        List<String> notes = new ArrayList<>();
        for (String w : h.warnings) notes.add(f.name + ": warning: " + w);
        int nc = h.channels.size();
        if (!(h.samplingIntervalUs > 0) || !Double.isFinite(h.samplingIntervalUs) || h.samplingIntervalUs > 1e7)
            throw f.corrupt("the sampling interval is " + h.samplingIntervalUs + " µs");
        if (h.dataFormat != 0 && h.dataFormat != 1) throw f.corrupt("unknown data format " + h.dataFormat + " (expected 0 = int16 or 1 = float32)");
        long available = (f.size - h.dataStart) / h.bytesPerSample();
        if (h.dataStart < 0 || h.dataStart >= f.size || h.totalSamples <= 0)
            throw f.corrupt("the data section (byte " + h.dataStart + ", " + h.totalSamples + " samples) is not inside the file");
        if (h.totalSamples > available)
            throw f.corrupt("the header claims " + h.totalSamples + " samples but the file holds at most " + available + " (truncated?)");
        long perChannel = h.totalSamples / nc;
        if (perChannel > Integer.MAX_VALUE - 8) throw f.corrupt("more than 2^31 samples per channel");
        int[] lengths = sweepLengths(f, h, (int) perChannel, notes);
        long used = 0;
        for (int l : lengths) used += l;
        int n = (int) used;

        // de-interleave into one float array per channel, scaled, in canonical units
        double[] factor = new double[nc];
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            AbfHeader.AdcChannel a = h.channels.get(c);
            Units.Kind kind = Units.kindOf(a.unit.isEmpty() ? "?" : a.unit);
            String name = sanitize(a.name.isEmpty() ? "ADC" + c : a.name);
            if (kind == Units.Kind.VOLTAGE || kind == Units.Kind.CURRENT) {
                factor[c] = Units.toCanonicalFactor(a.unit);
                channels.add(new Channel(unique(channels, name), Units.canonicalUnit(kind)));
                if (factor[c] != 1.0) notes.add(f.name + ": channel " + a.name + " converted from " + a.unit + " to " + Units.canonicalUnit(kind));
            } else {
                factor[c] = 1.0;
                channels.add(new Channel(unique(channels, name), a.unit.isEmpty() ? "?" : a.unit));
                notes.add(f.name + ": warning: channel " + a.name + " has unit '" + a.unit + "', which is neither a voltage nor a current; kept as it is");
            }
        }
        float[][] data = new float[nc][n];
        long[] railed = new long[nc];
        double[] gain = new double[nc], offset = new double[nc];
        for (int c = 0; c < nc; c++) {
            gain[c] = h.channels.get(c).gain * factor[c];
            offset[c] = h.channels.get(c).offset * factor[c];
            if (!Double.isFinite(gain[c]) || !Double.isFinite(offset[c]))
                throw f.corrupt("the scaling of channel " + h.channels.get(c).name + " is not a finite number (gain " + gain[c] + ")");
        }
        int bps = h.bytesPerSample();
        long frames = n;
        for (long frame = 0; frame < frames; frame += CHUNK) {
            int count = (int) Math.min(CHUNK, frames - frame);
            ByteBuffer b = f.read(h.dataStart + frame * nc * bps, count * nc * bps, "the data section");
            for (int k = 0; k < count; k++) {
                for (int c = 0; c < nc; c++) {
                    if (bps == 2) {
                        short raw = b.getShort();
                        if (raw == Short.MAX_VALUE || raw == Short.MIN_VALUE) railed[c]++;
                        data[c][(int) frame + k] = (float) (raw * gain[c] + offset[c]);
                    } else {
                        data[c][(int) frame + k] = (float) (b.getFloat() * factor[c]);
                    }
                }
            }
        }
        for (int c = 0; c < nc; c++) railWarning(f.name, channels.get(c), railed[c], notes);

        // the injected current, rebuilt from the epoch table when it was not recorded
        boolean recordsCurrent = false;
        for (Channel c : channels) recordsCurrent |= c.kind() == Units.Kind.CURRENT;
        float[] command = null;
        Units.Kind dacKind = Units.kindOf(h.dacUnit.isEmpty() ? "?" : h.dacUnit);
        if (!recordsCurrent && (h.activeDacRaw < 0 || h.activeDacRaw > (h.abf2 ? 7 : 1)))
            throw f.corrupt("the header is inconsistent: active DAC " + h.activeDacRaw + ", whose waveform would be the injected current");
        if (!recordsCurrent) {
            List<String> w = new ArrayList<>();
            AbfScaling.text("DAC " + h.activeDac, "name", h.dacName, w);
            AbfScaling.text("DAC " + h.activeDac, "unit", h.dacUnit, w);
            for (String x : w) notes.add(f.name + ": warning: " + x);
        }
        if (!recordsCurrent && dacKind == Units.Kind.CURRENT) {
            checkWaveform(f, h, lengths);
            if (h.waveformEnabled && h.waveformSource == 1) {
                command = AbfWaveform.rebuild(h, lengths, Units.toCanonicalFactor(h.dacUnit));
                notes.add(f.name + ": injected current rebuilt from the epoch table of DAC " + h.activeDac + " (" + h.epochs.size() + " epochs, " + h.dacUnit + " → nA)");
            } else if (h.waveformEnabled && h.waveformSource == 2) {
                notes.add(f.name + ": the DAC waveform comes from a stimulus file, which is not read; no injected-current channel");
            } else {
                command = new float[n];
                java.util.Arrays.fill(command, (float) (h.holdingLevel * Units.toCanonicalFactor(h.dacUnit)));
                notes.add(f.name + ": no waveform: the injected current is the holding level " + h.holdingLevel + " " + h.dacUnit);
            }
        }
        if (command != null) {
            channels.add(new Channel(unique(channels, "I_" + sanitize(h.dacName.isEmpty() ? "cmd" : h.dacName)), Units.NANOAMPERE));
            float[][] withCmd = java.util.Arrays.copyOf(data, nc + 1);
            withCmd[nc] = command;
            data = withCmd;
        }
        for (int t = 0; t < h.tagComments.size(); t++) {
            double time = h.tagTimesAndTypes.get(t)[0];
            double ms = h.synchTimeUnitUs > 0 ? time * h.synchTimeUnitUs / 1000 : time / nc * h.samplingIntervalUs / 1000;
            notes.add(String.format(Locale.ROOT, "%s: tag at %.1f ms: %s", f.name, ms, h.tagComments.get(t)));
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int s = 0; s < lengths.length; s++) {
            segments.add(new Segment(f.name + "#sweep" + s, data, start, lengths[s]).startingAt(sweepStart(h, s)));
            start += lengths[s];
        }
        notes.add(0, f.name + ": ABF " + h.version + ", " + lengths.length + " sweep(s), " + nc + " recorded channel(s), "
                + String.format(Locale.ROOT, "%.6g", 1e3 / h.samplingIntervalUs) + " kHz");
        return new Recording(f.name, h.samplingIntervalUs / 1000.0, channels, segments, notes);
    }

    /** The command waveform becomes a channel: its fields must be what Clampex writes (flags 0/1, epoch types 1–7, finite levels). */
    private static void checkWaveform(BinaryFile f, AbfHeader h, int[] lengths) {
        String why = null;
        if (h.activeDacRaw < 0 || h.activeDacRaw > (h.abf2 ? 7 : 1)) why = "active DAC " + h.activeDacRaw;
        else if (h.flagsRaw[0] != 0 && h.flagsRaw[0] != 1) why = "waveform flag " + h.flagsRaw[0];
        else if (h.flagsRaw[1] != 0 && h.flagsRaw[1] != 1) why = "inter-episode level flag " + h.flagsRaw[1];
        else if (h.waveformSource < 0 || h.waveformSource > 2) why = "waveform source " + h.waveformSource;
        else if (!Double.isFinite(h.holdingLevel) || Math.abs(h.holdingLevel) > 1e5) why = "holding level " + h.holdingLevel;
        long longest = 0;
        for (int l : lengths) longest = Math.max(longest, l);
        for (int e = 0; why == null && e < h.epochs.size(); e++) {
            AbfHeader.Epoch ep = h.epochs.get(e);
            if (ep.type < 1 || ep.type > 7) why = "epoch " + e + " of type " + ep.type;
            else if (!Double.isFinite(ep.initLevel) || !Double.isFinite(ep.levelInc) || Math.abs(ep.initLevel) > 1e5 || Math.abs(ep.levelInc) > 1e5)
                why = "epoch " + e + " with level " + ep.initLevel + " (+" + ep.levelInc + " per sweep)";
            else if (ep.initDuration < 0 || ep.initDuration > longest || Math.abs((long) ep.durationInc) > longest)
                why = "epoch " + e + " of " + ep.initDuration + " samples (+" + ep.durationInc + " per sweep) in sweeps of " + longest;
        }
        if (why != null) throw f.corrupt("the header is inconsistent: the command waveform (rebuilt as the injected current) has " + why);
    }

    /** ms from the start of the recording: from the synch array, else the episode start-to-start time, else 0 for one sweep. */
    static double sweepStart(AbfHeader h, int sweep) {
        if (h.sweepStartsMs != null && sweep < h.sweepStartsMs.length) return h.sweepStartsMs[sweep];
        if (h.sweepStartToStartS > 0 && Double.isFinite(h.sweepStartToStartS)) return sweep * h.sweepStartToStartS * 1000;
        return sweep == 0 ? 0 : Double.NaN;
    }

    private static int[] sweepLengths(BinaryFile f, AbfHeader h, int perChannel, List<String> notes) {
        if (h.sweepLengths != null) {
            long sum = 0;
            for (int l : h.sweepLengths) sum += l;
            if (sum > perChannel) throw f.corrupt("the sweep lengths add up to " + sum + " samples per channel, more than the " + perChannel + " stored");
            return h.sweepLengths;
        }
        int sweeps = h.operationMode == 3 || h.sweepCount <= 0 ? 1 : h.sweepCount;
        if (sweeps > perChannel) throw f.corrupt("it claims " + sweeps + " sweeps but holds " + perChannel + " samples per channel");
        int points = perChannel / sweeps;
        if ((long) points * sweeps != perChannel) notes.add(f.name + ": " + (perChannel - (long) points * sweeps) + " trailing samples per channel do not fill a sweep and were dropped");
        int[] l = new int[sweeps];
        java.util.Arrays.fill(l, points);
        return l;
    }

    /** Samples at the ADC rails are clipped: only this reader sees the raw codes. */
    private static void railWarning(String file, Channel c, long railed, List<String> notes) {
        if (railed > 0) notes.add(file + ": warning: " + railed + " sample(s) of channel " + c.name() + " sit at the ADC rails (clipped)");
    }

    static String sanitize(String s) {
        String t = s.trim().replaceAll("[^A-Za-z0-9]+", "_");
        t = t.replaceAll("^_+|_+$", "");
        return t.isEmpty() ? "ch" : t;
    }

    private static String unique(List<Channel> existing, String name) {
        String n = name;
        int k = 2;
        for (boolean clash = true; clash; ) {
            clash = false;
            for (Channel c : existing) if (c.name().equals(n)) { clash = true; n = name + "_" + k++; break; }
        }
        return n;
    }
}
