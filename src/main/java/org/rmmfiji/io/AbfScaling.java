package org.rmmfiji.io;

import java.util.List;
import java.util.Locale;

/**
 * Plausibility of the header fields that scale an ABF's int16 samples and time them. A value that cannot be
 * physical (not finite, zero, far outside what an amplifier or digitiser offers) refuses the file; one that is
 * possible but unusual (not an amplifier's 1-2-5 setting, an offset, an unusual ADC resolution) is applied with a
 * warning. Real files use 1-2-5 values throughout, and a flipped bit almost never yields one.
 */
final class AbfScaling {
    private AbfScaling() {}

    /** True for ±{1, 2, 5}·10^k within float precision: the settings amplifiers and digitisers offer. */
    static boolean oneTwoFive(double x) {
        if (!(x != 0) || !Double.isFinite(x)) return false;
        double a = Math.abs(x), m = a / Math.pow(10, Math.floor(Math.log10(a)));
        for (double v : new double[] {1, 2, 5, 10}) if (Math.abs(m - v) < 1e-5 * v) return true;
        return false;
    }

    /** A gain or scale factor: refused when not finite, zero or outside [1e-9, 1e6]; warned when not 1-2-5. */
    static void factor(BinaryFile f, String channel, String field, double x, List<String> warnings) {
        if (!Double.isFinite(x) || x == 0 || Math.abs(x) < 1e-9 || Math.abs(x) > 1e6)
            throw f.corrupt("the header is inconsistent: channel " + channel + " has " + field + " " + x + " (expected a finite, non-zero amplifier setting)");
        if (x < 0) warnings.add(String.format(Locale.ROOT, "channel %s: %s %s is negative and inverts the channel; check the scaling", channel, field, x));
        else if (!oneTwoFive(x)) warnings.add(String.format(Locale.ROOT, "channel %s: %s %s is not a usual amplifier setting (1, 2 or 5 × 10^k); check the scaling", channel, field, x));
    }

    /** An offset: refused when not finite or beyond ±1e6; any non-zero offset is applied with a warning. */
    static void offset(BinaryFile f, String channel, String field, double x, List<String> warnings) {
        if (!Double.isFinite(x) || Math.abs(x) > 1e6)
            throw f.corrupt("the header is inconsistent: channel " + channel + " has " + field + " " + x);
        if (x != 0) warnings.add(String.format(Locale.ROOT, "channel %s: the header adds an offset (%s %s); applied, check it", channel, field, x));
    }

    /** The digitiser: input range (V) and resolution (codes per half range). */
    static void digitiser(BinaryFile f, double range, int resolution, List<String> warnings) {
        if (!Double.isFinite(range) || range <= 0 || range > 1000)
            throw f.corrupt("the header is inconsistent: the ADC range is " + range + " V (expected a few volts)");
        if (resolution < 128 || resolution > (1 << 24) || Integer.bitCount(resolution) != 1)
            throw f.corrupt("the header is inconsistent: the ADC resolution is " + resolution + " (expected a power of two such as 32768)");
        if (!oneTwoFive(range)) warnings.add("the ADC range is " + range + " V, not a usual digitiser range; check the scaling");
        if (resolution != 32768 && resolution != 2048) warnings.add("the ADC resolution is " + resolution + " (digitisers use 32768, or 2048 for 12 bits); check the scaling");
    }

    /** The per-channel sampling interval: refused below 1 µs aggregate, warned when the rate is not a whole number of Hz. */
    static void interval(BinaryFile f, double aggregateUs, double perChannelUs, List<String> warnings) {
        if (!Double.isFinite(aggregateUs) || aggregateUs < 1 || perChannelUs > 1e7)
            throw f.corrupt("the header is inconsistent: the sampling interval is " + aggregateUs + " µs");
        double hz = 1e6 / perChannelUs;
        if (Math.abs(hz - Math.rint(hz)) > 1e-3 + 1e-6 * hz)
            warnings.add(String.format(Locale.ROOT, "the sampling rate is %.6g Hz, not a whole number of Hz; check the sampling interval (%s µs)", hz, aggregateUs));
    }

    /** Episodic files: the sweep count times the sweep length must be the sample count. */
    static void episodes(BinaryFile f, int mode, long total, int episodes, long samplesPerEpisode, String format, List<String> warnings) {
        if (mode != 5 && mode != 4 && mode != 2) return;
        if (episodes > 0 && samplesPerEpisode > 0 && (long) episodes * samplesPerEpisode < total)
            warnings.add(String.format(Locale.ROOT, "%d sweeps of %d samples leave %d of the %d stored samples unused (%s)", episodes, samplesPerEpisode,
                    total - (long) episodes * samplesPerEpisode, total, format));
        else if (episodes <= 0 || samplesPerEpisode <= 0 || (long) episodes * samplesPerEpisode != total)
            throw f.corrupt(String.format(Locale.ROOT, "the header is inconsistent: %d sweeps of %d samples are not the %d samples it stores (%s)", episodes,
                    samplesPerEpisode, total, format));
    }

    static void mode(BinaryFile f, int mode) {
        if (mode < 1 || mode > 5) throw f.corrupt("the header is inconsistent: operation mode " + mode + " (expected 1–5)");
    }

    /** The synch time unit times the sweep starts: refused when impossible, warned below 0.1 µs. */
    static void synchUnit(BinaryFile f, double us, List<String> warnings) {
        if (!Double.isFinite(us) || us < 0 || us > 1e6) throw f.corrupt("the header is inconsistent: the synch time unit is " + us + " µs");
        if (us > 0 && us < 0.1) warnings.add("the synch time unit is " + us + " µs; the sweep start times may be wrong");
    }

    /** Names and units are printable text; anything else is a corrupt header, said rather than silently cleaned. */
    static void text(String channel, String field, String value, List<String> warnings) {
        if (value.isEmpty()) warnings.add("channel " + channel + " has an empty " + field + " in the header");
        for (int i = 0; i < value.length(); i++)
            if (value.charAt(i) < 0x20 || value.charAt(i) > 0x7E) {
                warnings.add("channel " + channel + ": the " + field + " '" + value.replaceAll("[^\\x20-\\x7E]", "?") + "' holds unprintable bytes; check the header");
                return;
            }
    }
}
