package org.rmmfiji.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.AtfFiles;
import org.rmmfiji.io.CsvRecordings;

/**
 * Design Stimulus: a current-clamp protocol good for fitting (a noisy current, a chirp, or shuffled noisy levels;
 * fits on step protocols alone predict poorly) → {@code NAME.csv} (t_ms, I_nA, the project's CSV dialect) and
 * {@code NAME.atf} (an Axon Text File for the acquisition software); the front end adds the preview {@code NAME.png}.
 * Every setting is checked, and every output that exists already is refused (unless overwrite), before anything is
 * written; each file is written whole.
 */
public final class DesignStimulusJob {
    private DesignStimulusJob() {}

    public static final String OU = "ou", CHIRP = "chirp", MULTILEVEL = "multilevel";
    public static final List<String> PROTOCOLS = List.of(OU, CHIRP, MULTILEVEL);
    public static final String LINEAR = "linear", EXPONENTIAL = "exponential";
    /** The most samples a protocol may have (2.8 h at 0.1 ms); the waveform is held in memory as doubles. */
    static final long MAX_SAMPLES = 100_000_000L;
    /** The current's column: channel I in nA. */
    public static final String COLUMN = "I_nA";

    /** A designed protocol: the waveform, what it is, and where it goes. */
    public static final class Result {
        public String protocol;
        /** The protocol and its settings ({@link #settings}), then its length, step and seed ({@link #timing}); plain ASCII. */
        public String description, settings, timing;
        public double dtMs;
        public double[] currentNa;
        public double mean, sd, min, max;
        public Path csvFile, atfFile, pngFile;
        /** The files written so far (CSV and ATF after {@link #write}). */
        public final List<Path> written = new ArrayList<>();

        public int samples() { return currentNa.length; }
        public double durationMs() { return currentNa.length * dtMs; }
    }

    /** Checks and designs, then writes the CSV and the ATF (what a front end without figures calls). */
    public static Result run(DesignStimulusSettings s) throws IOException {
        Result r = design(s);
        write(r);
        return r;
    }

    /** Checks every setting and that no output exists (unless overwrite), then makes the waveform; writes nothing. */
    public static Result design(DesignStimulusSettings s) {
        String protocol = s.protocol == null ? "" : s.protocol.trim();
        if (!PROTOCOLS.contains(protocol))
            throw new InvalidInputException("protocol must be one of " + String.join(", ", PROTOCOLS) + "; got '" + s.protocol + "'");
        positive("duration_ms", s.duration_ms);
        positive("sampling_step_ms", s.sampling_step_ms);
        double dt = s.sampling_step_ms;
        long n = Math.round(s.duration_ms / dt);
        if (n < 2)
            throw new InvalidInputException(String.format(Locale.ROOT, "duration_ms (%s) must span at least two samples of sampling_step_ms (%s)",
                    num(s.duration_ms), num(dt)));
        if (n > MAX_SAMPLES)
            throw new InvalidInputException(String.format(Locale.ROOT, "duration_ms / sampling_step_ms gives %d samples, more than the %d a protocol may have; "
                    + "shorten duration_ms or lengthen sampling_step_ms", n, MAX_SAMPLES));
        int samples = (int) n;

        Result r = new Result();
        r.protocol = protocol;
        r.dtMs = dt;
        String what;
        java.util.function.Supplier<double[]> make;
        switch (protocol) {
            case OU: {
                finite("mean_nA", s.mean_nA);
                if (s.mean_end_nA != null) finite("mean_end_nA", s.mean_end_nA);
                atLeastZero("sigma_nA", s.sigma_nA);
                positive("tau_ms", s.tau_ms);
                double end = s.mean_end_nA == null ? s.mean_nA : s.mean_end_nA;
                make = () -> StimulusProtocols.ou(samples, dt, s.mean_nA, end, s.sigma_nA, s.tau_ms, s.seed);
                what = String.format(Locale.ROOT, "ou: mean %s nA%s, SD %s nA, tau %s ms", num(s.mean_nA),
                        s.mean_end_nA == null ? "" : " ramping to " + num(end) + " nA", num(s.sigma_nA), num(s.tau_ms));
                break;
            }
            case CHIRP: {
                String sweep = s.sweep == null ? "" : s.sweep.trim();
                if (!sweep.equals(LINEAR) && !sweep.equals(EXPONENTIAL))
                    throw new InvalidInputException("sweep must be " + LINEAR + " or " + EXPONENTIAL + "; got '" + s.sweep + "'");
                boolean exponential = sweep.equals(EXPONENTIAL);
                double nyquist = 500 / dt;
                for (String key : new String[] {"f0_Hz", "f1_Hz"}) {
                    double f = key.equals("f0_Hz") ? s.f0_Hz : s.f1_Hz;
                    if (exponential) {
                        if (!(f > 0)) throw new InvalidInputException(key + " must be positive for an exponential sweep, got " + num(f));
                    } else if (!(f >= 0)) {
                        throw new InvalidInputException(key + " must be 0 or more, got " + num(f));
                    }
                    if (!(f < nyquist))
                        throw new InvalidInputException(String.format(Locale.ROOT, "%s (%s Hz) must be below the Nyquist frequency, %s Hz at sampling_step_ms=%s; "
                                + "lower %s or shorten sampling_step_ms", key, num(f), num(nyquist), num(dt), key));
                }
                atLeastZero("amplitude_nA", s.amplitude_nA);
                finite("offset_nA", s.offset_nA);
                make = () -> StimulusProtocols.chirp(samples, dt, s.f0_Hz, s.f1_Hz, s.amplitude_nA, s.offset_nA, exponential);
                what = String.format(Locale.ROOT, "chirp: %s to %s Hz (%s sweep), amplitude %s nA on %s nA", num(s.f0_Hz), num(s.f1_Hz), sweep,
                        num(s.amplitude_nA), num(s.offset_nA));
                break;
            }
            default: {
                double[] levels = levels(s.levels_nA);
                positive("level_ms", s.level_ms);
                long perLevel = Math.round(s.level_ms / dt);
                if (perLevel < 1)
                    throw new InvalidInputException(String.format(Locale.ROOT, "level_ms (%s) must be at least one sampling step, sampling_step_ms=%s",
                            num(s.level_ms), num(dt)));
                atLeastZero("level_noise_nA", s.level_noise_nA);
                if (s.level_noise_nA > 0) positive("tau_ms", s.tau_ms);
                int held = (int) Math.min(perLevel, samples);
                make = () -> StimulusProtocols.multilevel(samples, dt, levels, held, s.shuffle, s.level_noise_nA, s.tau_ms, s.seed);
                StringBuilder l = new StringBuilder();
                for (double v : levels) l.append(l.length() == 0 ? "" : ", ").append(num(v));
                what = String.format(Locale.ROOT, "multilevel: %d levels (%s nA) of %s ms%s%s", levels.length, l, num(perLevel * dt),
                        s.shuffle ? ", shuffled" : "", s.level_noise_nA > 0 ? String.format(Locale.ROOT, ", noise SD %s nA, tau %s ms", num(s.level_noise_nA),
                                num(s.tau_ms)) : "");
            }
        }
        r.settings = what;
        r.timing = String.format(Locale.ROOT, "%s s at %s ms (%d samples), seed %d", num(samples * dt / 1000), num(dt), samples, s.seed);
        r.description = what + "; " + r.timing;

        Path out = Outputs.outputFolder(s.output_dir, "the stimulus files");
        String name = s.output_name == null || s.output_name.isBlank() ? "stimulus-" + protocol : s.output_name.trim();
        if (name.contains("/") || name.contains("\\"))
            throw new InvalidInputException("output_name is a file name without folders, got '" + s.output_name + "'; put the folder in output_dir");
        r.csvFile = out.resolve(name + ".csv");
        r.atfFile = out.resolve(name + ".atf");
        r.pngFile = out.resolve(name + ".png");
        Outputs.requireAbsent(List.of(r.csvFile, r.atfFile, r.pngFile), s.overwrite, "Design Stimulus");

        r.currentNa = make.get();
        statistics(r);
        return r;
    }

    /** Writes NAME.csv and NAME.atf, each whole. */
    public static void write(Result r) throws IOException {
        CsvRecordings.write(r.csvFile, r.dtMs, List.of(COLUMN), List.of(List.of(r.currentNa)));
        r.written.add(r.csvFile);
        AtfFiles.writeCurrent(r.atfFile, r.dtMs, r.currentNa, "RMM for Fiji Design Stimulus, " + r.description);
        r.written.add(r.atfFile);
    }

    /** The levels of a multilevel protocol: numbers (nA) separated by commas, at least one. */
    static double[] levels(String text) {
        List<Double> out = new ArrayList<>();
        for (String p : (text == null ? "" : text).split(",")) {
            String t = p.trim();
            if (t.isEmpty()) continue;
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("levels_nA: '" + t + "' is not a number; give levels in nA separated by commas, e.g. \"-0.5,0,0.5,1\"");
            }
            finite("levels_nA", v);
            out.add(v);
        }
        if (out.isEmpty()) throw new InvalidInputException("levels_nA is empty: give levels in nA separated by commas, e.g. \"-0.5,0,0.5,1\"");
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    private static void statistics(Result r) {
        double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : r.currentNa) { sum += v; lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double mean = sum / r.currentNa.length, ss = 0;
        for (double v : r.currentNa) ss += (v - mean) * (v - mean);
        r.mean = mean;
        r.sd = Math.sqrt(ss / r.currentNa.length);
        r.min = lo;
        r.max = hi;
    }

    private static void positive(String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new InvalidInputException(key + " must be a positive number, got " + num(v));
    }

    private static void atLeastZero(String key, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new InvalidInputException(key + " must be a number of 0 or more, got " + num(v));
    }

    private static void finite(String key, double v) {
        if (!Double.isFinite(v)) throw new InvalidInputException(key + " must be a finite number, got " + v);
    }

    /** A setting as the user would type it: 0.1, 60000, -0.5 (12 significant digits at most, no trailing zeros, no exponent). */
    public static String num(double x) {
        if (!Double.isFinite(x)) return Double.toString(x);
        if (x == 0) return "0";
        return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
