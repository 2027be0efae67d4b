package org.rmmfiji.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.groundtruth.OrnsteinUhlenbeck;
import org.rmmfiji.io.AtfFilesTest;
import org.rmmfiji.io.Recordings;

/**
 * Design Stimulus without figures: each protocol's waveform says what its settings say (OU statistics, the chirp's
 * instantaneous frequency, the levels and their durations), a seed gives the same waveform, every impossible setting
 * is refused by name before anything is written, and the CSV and ATF files read back.
 */
class DesignStimulusJobTest {

    static DesignStimulusSettings settings(String protocol, Path out) {
        DesignStimulusSettings s = new DesignStimulusSettings();
        s.protocol = protocol;
        s.output_dir = out.toString();
        return s;
    }

    static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) sum += x[k];
        return sum / (to - from);
    }

    static double sd(double[] x) {
        double m = mean(x, 0, x.length), ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return Math.sqrt(ss / x.length);
    }

    @Test
    void ouHasTheMeanSdAndCorrelationTimeOfItsSettings(@TempDir Path out) {
        DesignStimulusSettings s = settings(DesignStimulusJob.OU, out);
        s.duration_ms = 100_000;
        s.mean_nA = 0.5;
        s.sigma_nA = 1.5;
        s.tau_ms = 2;
        DesignStimulusJob.Result r = DesignStimulusJob.design(s);
        double[] x = r.currentNa;
        assertEquals(1_000_000, x.length);
        assertEquals(0.1, r.dtMs, 0);
        // about 25,000 correlation times: the standard error of the mean is ≈ 0.01 nA, of the SD ≈ 0.5 %
        assertEquals(0.5, mean(x, 0, x.length), 0.05);
        assertEquals(1.5, sd(x), 0.05);
        // the autocorrelation one τ apart is e^-1
        int lag = (int) Math.round(s.tau_ms / r.dtMs);
        double m = mean(x, 0, x.length), c0 = 0, c1 = 0;
        for (int k = 0; k + lag < x.length; k++) {
            c0 += (x[k] - m) * (x[k] - m);
            c1 += (x[k] - m) * (x[k + lag] - m);
        }
        assertEquals(Math.exp(-1), c1 / c0, 0.02);
        assertEquals(r.mean, mean(x, 0, x.length), 1e-12);
        assertEquals(r.sd, sd(x), 1e-9);
    }

    @Test
    void ouMeanRampsAsTheGroundTruthDrivesDo(@TempDir Path out) {
        DesignStimulusSettings s = settings(DesignStimulusJob.OU, out);
        s.duration_ms = 100_000;
        s.mean_nA = 0;
        s.mean_end_nA = 2.0;
        s.sigma_nA = 0.5;
        s.tau_ms = 1;
        s.seed = 7;
        double[] x = DesignStimulusJob.design(s).currentNa;
        int tenth = x.length / 10;
        assertEquals(0.1, mean(x, 0, tenth), 0.03, "first tenth: the mean ramps from 0");
        assertEquals(1.0, mean(x, 5 * tenth - tenth / 2, 5 * tenth + tenth / 2), 0.03);
        assertEquals(1.9, mean(x, x.length - tenth, x.length), 0.03, "last tenth: the mean reaches 2");
        assertArrayEquals(OrnsteinUhlenbeck.ramp(x.length, 0.1, 1, 0.5, 0, 2, 7), x, "the generator of the ground-truth datasets");
    }

    /** Times (ms) at which x crosses zero upwards, interpolated linearly between samples. */
    static List<Double> upwardCrossings(double[] x, double dt) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k + 1 < x.length; k++)
            if (x[k] < 0 && x[k + 1] >= 0) out.add((k + x[k] / (x[k] - x[k + 1])) * dt);
        return out;
    }

    /** The cycle (between upward crossings) that ends at or after tMs, or the last one: {its middle (ms), its frequency (Hz)}. */
    static double[] cycleAt(List<Double> crossings, double tMs) {
        int i = 0;
        while (i + 2 < crossings.size() && crossings.get(i + 1) < tMs) i++;
        double a = crossings.get(i), b = crossings.get(i + 1);
        return new double[] {(a + b) / 2, 1000 / (b - a)};
    }

    @Test
    void chirpSweepsFromF0ToF1LinearlyOrExponentially(@TempDir Path out) {
        for (String sweep : new String[] {DesignStimulusJob.LINEAR, DesignStimulusJob.EXPONENTIAL}) {
            DesignStimulusSettings s = settings(DesignStimulusJob.CHIRP, out);
            s.duration_ms = 30_000;
            s.f0_Hz = 10;
            s.f1_Hz = 100;
            s.sweep = sweep;
            s.amplitude_nA = 0.8;
            s.offset_nA = 0;
            DesignStimulusJob.Result r = DesignStimulusJob.design(s);
            double[] x = r.currentNa;
            double last = (x.length - 1) * r.dtMs;
            boolean exponential = sweep.equals(DesignStimulusJob.EXPONENTIAL);
            List<Double> up = upwardCrossings(x, r.dtMs);
            // each measured cycle has the instantaneous frequency of the formula at its middle
            for (double t : new double[] {0, last / 2, last}) {
                double[] c = cycleAt(up, t);
                double f = StimulusProtocols.chirpFrequency(c[0], last, 10, 100, exponential);
                assertEquals(f, c[1], 0.002 * f, sweep + ": the cycle around " + c[0] + " ms");
            }
            assertEquals(10, cycleAt(up, 0)[1], 0.5, sweep + ": starts at f0 (the first full cycle ends ≈ 200 ms in)");
            assertEquals(100, cycleAt(up, last)[1], 0.5, sweep + ": ends at f1");
            double middle = exponential ? Math.sqrt(10 * 100) : 55;      // 31.6 Hz vs 55 Hz half-way
            assertEquals(middle, cycleAt(up, last / 2)[1], 0.01 * middle, sweep + ": half-way");
            assertEquals(0, x[0], 1e-12, "starts at the offset");
            assertEquals(0.8, Arrays.stream(x).max().getAsDouble(), 1e-3);
            assertEquals(-0.8, Arrays.stream(x).min().getAsDouble(), 1e-3);
        }
        DesignStimulusSettings s = settings(DesignStimulusJob.CHIRP, out);
        s.duration_ms = 2000;
        s.f0_Hz = 10;
        s.offset_nA = 0.3;
        s.amplitude_nA = 0.2;
        double[] x = DesignStimulusJob.design(s).currentNa;
        assertEquals(0.3, mean(x, 0, x.length), 0.05, "rides on the offset");
        assertEquals(0.5, Arrays.stream(x).max().getAsDouble(), 1e-3);
    }

    @Test
    void multilevelHoldsEachLevelForItsDurationAndRepeatsTheList(@TempDir Path out) {
        DesignStimulusSettings s = settings(DesignStimulusJob.MULTILEVEL, out);
        s.duration_ms = 4250;
        s.levels_nA = "-0.5, 0,0.5 ,1";
        s.level_ms = 500;
        double[] x = DesignStimulusJob.design(s).currentNa;
        assertEquals(42_500, x.length);
        double[] expected = {-0.5, 0, 0.5, 1, -0.5, 0, 0.5, 1, -0.5};
        for (int k = 0; k < x.length; k++) assertEquals(expected[k / 5000], x[k], 0, "sample " + k);

        s.shuffle = true;
        List<double[]> passes = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            s.seed = seed;
            double[] y = DesignStimulusJob.design(s).currentNa;
            for (int pass = 0; pass < 2; pass++) {
                double[] p = new double[4];
                for (int i = 0; i < 4; i++) {
                    int from = (pass * 4 + i) * 5000;
                    for (int k = from; k < from + 5000; k++) assertEquals(y[from], y[k], 0, "a level is held for level_ms");
                    p[i] = y[from];
                }
                double[] sorted = p.clone();
                Arrays.sort(sorted);
                assertArrayEquals(new double[] {-0.5, 0, 0.5, 1}, sorted, "every pass takes every level once");
                passes.add(p);
            }
        }
        boolean reordered = false;
        for (double[] p : passes) reordered |= !Arrays.equals(p, new double[] {-0.5, 0, 0.5, 1});
        assertTrue(reordered, "shuffled");

        s.seed = 2;
        double[] plain = DesignStimulusJob.design(s).currentNa;
        s.level_noise_nA = 0.3;
        s.tau_ms = 2;
        double[] noisy = DesignStimulusJob.design(s).currentNa;
        double[] diff = new double[noisy.length];
        for (int k = 0; k < noisy.length; k++) diff[k] = noisy[k] - plain[k];
        assertEquals(0, mean(diff, 0, diff.length), 0.05, "noise of mean 0 on the same order of levels");
        assertEquals(0.3, sd(diff), 0.03);
    }

    @Test
    void aSeedGivesTheSameWaveform(@TempDir Path out) {
        for (String protocol : DesignStimulusJob.PROTOCOLS) {
            DesignStimulusSettings s = settings(protocol, out);
            s.duration_ms = 3000;
            s.shuffle = true;
            s.level_noise_nA = 0.1;
            s.seed = 11;
            double[] a = DesignStimulusJob.design(s).currentNa, b = DesignStimulusJob.design(s).currentNa;
            assertArrayEquals(a, b, protocol);
            s.seed = 12;
            double[] c = DesignStimulusJob.design(s).currentNa;
            if (protocol.equals(DesignStimulusJob.CHIRP)) assertArrayEquals(a, c, "a chirp has no randomness");
            else assertFalse(Arrays.equals(a, c), protocol + ": another seed, another waveform");
        }
    }

    @Test
    void everyImpossibleSettingIsRefusedByNameBeforeAnythingIsWritten(@TempDir Path dir) {
        Path out = dir.resolve("never");
        Map<String, Consumer<DesignStimulusSettings>> bad = new LinkedHashMap<>();
        bad.put("protocol must be one of ou, chirp, multilevel; got 'zap'", s -> s.protocol = "zap");
        bad.put("duration_ms must be a positive number, got 0", s -> s.duration_ms = 0);
        bad.put("duration_ms must be a positive number, got -5", s -> s.duration_ms = -5);
        bad.put("sampling_step_ms must be a positive number, got 0", s -> s.sampling_step_ms = 0);
        bad.put("sampling_step_ms must be a positive number, got NaN", s -> s.sampling_step_ms = Double.NaN);
        bad.put("duration_ms (0.1) must span at least two samples of sampling_step_ms (0.1)", s -> s.duration_ms = 0.1);
        bad.put("samples, more than the 100000000 a protocol may have", s -> s.duration_ms = 1e8);
        bad.put("sigma_nA must be a number of 0 or more, got -1", s -> s.sigma_nA = -1);
        bad.put("tau_ms must be a positive number, got 0", s -> s.tau_ms = 0);
        bad.put("mean_end_nA must be a finite number, got NaN", s -> s.mean_end_nA = Double.NaN);
        bad.put("output_dir is not set", s -> s.output_dir = "");
        bad.put("output_name is a file name without folders, got 'a/b'", s -> s.output_name = "a/b");
        for (var e : bad.entrySet()) refused(out, DesignStimulusJob.OU, e.getValue(), e.getKey());

        Map<String, Consumer<DesignStimulusSettings>> chirp = new LinkedHashMap<>();
        chirp.put("f1_Hz (6000 Hz) must be below the Nyquist frequency, 5000 Hz at sampling_step_ms=0.1", s -> s.f1_Hz = 6000);
        chirp.put("f1_Hz (5000 Hz) must be below the Nyquist frequency", s -> s.f1_Hz = 5000);
        chirp.put("f1_Hz (600 Hz) must be below the Nyquist frequency, 500 Hz at sampling_step_ms=1", s -> { s.sampling_step_ms = 1; s.f1_Hz = 600; });
        chirp.put("f0_Hz (7000 Hz) must be below the Nyquist frequency", s -> s.f0_Hz = 7000);
        chirp.put("f0_Hz must be positive for an exponential sweep, got 0", s -> s.f0_Hz = 0);
        chirp.put("f0_Hz must be 0 or more, got -1", s -> { s.sweep = DesignStimulusJob.LINEAR; s.f0_Hz = -1; });
        chirp.put("sweep must be linear or exponential; got 'log'", s -> s.sweep = "log");
        chirp.put("amplitude_nA must be a number of 0 or more, got -0.5", s -> s.amplitude_nA = -0.5);
        for (var e : chirp.entrySet()) refused(out, DesignStimulusJob.CHIRP, e.getValue(), e.getKey());

        Map<String, Consumer<DesignStimulusSettings>> levels = new LinkedHashMap<>();
        levels.put("levels_nA is empty: give levels in nA separated by commas", s -> s.levels_nA = "");
        levels.put("levels_nA is empty", s -> s.levels_nA = " , ,");
        levels.put("levels_nA: 'one' is not a number", s -> s.levels_nA = "0,one,2");
        levels.put("level_ms must be a positive number, got 0", s -> s.level_ms = 0);
        levels.put("level_ms (0.01) must be at least one sampling step, sampling_step_ms=0.1", s -> s.level_ms = 0.01);
        levels.put("level_noise_nA must be a number of 0 or more, got -0.1", s -> s.level_noise_nA = -0.1);
        levels.put("tau_ms must be a positive number, got -2", s -> { s.level_noise_nA = 0.1; s.tau_ms = -2; });
        for (var e : levels.entrySet()) refused(out, DesignStimulusJob.MULTILEVEL, e.getValue(), e.getKey());
        assertFalse(Files.exists(out), "nothing was written");
    }

    static void refused(Path out, String protocol, Consumer<DesignStimulusSettings> change, String message) {
        DesignStimulusSettings s = settings(protocol, out);
        s.duration_ms = 1000;
        change.accept(s);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DesignStimulusJob.run(s), message);
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }

    @Test
    void existingOutputsAreKeptUnlessOverwrite(@TempDir Path out) throws IOException {
        DesignStimulusSettings s = settings(DesignStimulusJob.CHIRP, out);
        s.duration_ms = 500;
        s.output_name = "zap";
        Files.writeString(out.resolve("zap.atf"), "the rig's own file");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DesignStimulusJob.run(s));
        assertTrue(e.getMessage().contains("zap.atf exists already") && e.getMessage().contains("overwrite=true"), e.getMessage());
        assertFalse(Files.exists(out.resolve("zap.csv")), "nothing written");
        assertEquals("the rig's own file", Files.readString(out.resolve("zap.atf")));
        s.overwrite = true;
        DesignStimulusJob.Result r = DesignStimulusJob.run(s);
        assertEquals(List.of(out.resolve("zap.csv"), out.resolve("zap.atf")), r.written);
        assertEquals(AtfFilesTest.SIGNATURE_LINE, Files.readAllLines(out.resolve("zap.atf")).get(0));
        try (var files = Files.list(out)) {
            assertEquals(List.of("zap.atf", "zap.csv"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void theCsvReadsBackAsARecordingOfTheWaveform(@TempDir Path out) throws IOException {
        DesignStimulusSettings s = settings(DesignStimulusJob.OU, out);
        s.duration_ms = 2500;
        s.sampling_step_ms = 0.05;
        s.mean_nA = 0.2;
        DesignStimulusJob.Result r = DesignStimulusJob.run(s);
        assertEquals(out.resolve("stimulus-ou.csv"), r.csvFile);
        assertEquals("t_ms,I_nA", Files.readAllLines(r.csvFile).get(0));
        Recording rec = Recordings.open(r.csvFile);
        assertEquals(0.05, rec.dt(), 1e-12);
        assertEquals(1, rec.segments().size());
        assertEquals(50_000, rec.segments().get(0).length());
        assertEquals(List.of("I"), rec.channelNames());
        assertEquals("nA", rec.channels().get(0).unit());
        double[] back = rec.segments().get(0).channelAsDouble(0);
        for (int k = 0; k < back.length; k++) assertEquals((float) r.currentNa[k], back[k], 0, "sample " + k);
        assertEquals(2500, rec.durationMs(), 1e-6);
    }

    @Test
    void theAtfIsAnAxonTextFileOfOneTraceWithEveryRow(@TempDir Path out) throws IOException {
        DesignStimulusSettings s = settings(DesignStimulusJob.MULTILEVEL, out);
        s.duration_ms = 1234.5;
        s.level_ms = 100;
        s.shuffle = true;
        s.level_noise_nA = 0.05;
        DesignStimulusJob.Result r = DesignStimulusJob.run(s);
        AtfFilesTest.Atf atf = AtfFilesTest.parse(r.atfFile);
        assertEquals(List.of("Time (s)", "Trace #1 (nA)"), atf.titles());
        assertEquals(12345, atf.rows().size());
        for (int k = 0; k < atf.rows().size(); k++) {
            assertEquals(k * 1e-4, atf.rows().get(k)[0], 1e-12, "time of row " + k);
            assertEquals(r.currentNa[k], atf.rows().get(k)[1], 5e-7, "current of row " + k);
        }
        assertTrue(atf.records().get(1).startsWith("Comment=RMM for Fiji Design Stimulus, multilevel: 5 levels"), atf.records().toString());
        assertTrue(atf.records().contains(String.format(java.util.Locale.ROOT, "YTop=%.6f", r.max)), atf.records().toString());
        String text = Files.readString(r.atfFile, StandardCharsets.US_ASCII);
        assertTrue(text.chars().allMatch(c -> c < 128), "plain ASCII");
    }
}
