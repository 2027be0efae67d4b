package org.rmmfiji.metrics;

import java.util.Arrays;

/**
 * Bursts of a spike train: consecutive spikes closer than an inter-spike-interval gap belong to one burst (a
 * lone spike is a burst of one). The period is the median interval between burst onsets, the spikes per burst
 * the median count, so a truncated first or last burst and the odd noise-driven spike barely move them.
 */
public final class Bursts {
    /** Onset (first spike time, ms) and spike count of each burst, in order. */
    public final double[] onsets;
    public final int[] spikes;

    private Bursts(double[] onsets, int[] spikes) {
        this.onsets = onsets;
        this.spikes = spikes;
    }

    /** Groups sorted spike times (ms): a new burst starts after an interval longer than {@code maxIsiMs}. */
    public static Bursts group(double[] spikeTimes, double maxIsiMs) {
        double[] on = new double[spikeTimes.length];
        int[] count = new int[spikeTimes.length];
        int b = -1;
        for (int i = 0; i < spikeTimes.length; i++) {
            if (i == 0 || spikeTimes[i] - spikeTimes[i - 1] > maxIsiMs) on[++b] = spikeTimes[i];
            count[b]++;
        }
        return new Bursts(Arrays.copyOf(on, b + 1), Arrays.copyOf(count, b + 1));
    }

    /** Bursts of a voltage trace: spikes as {@link Spikes#detect} finds them, grouped by {@code maxIsiMs}. */
    public static Bursts detect(double[] v, double dtMs, double thresholdMv, double maxIsiMs) {
        return group(Spikes.detect(v, dtMs, thresholdMv), maxIsiMs);
    }

    public int count() { return onsets.length; }

    /** Median interval between burst onsets (ms); NaN with fewer than two bursts. */
    public double period() {
        if (onsets.length < 2) return Double.NaN;
        double[] d = new double[onsets.length - 1];
        for (int i = 1; i < onsets.length; i++) d[i - 1] = onsets[i] - onsets[i - 1];
        return median(d);
    }

    /** Onsets of the bursts of at least {@code minSpikes} spikes (a lone noise-driven spike is no burst). */
    public double[] onsets(int minSpikes) {
        return java.util.stream.IntStream.range(0, onsets.length).filter(i -> spikes[i] >= minSpikes).mapToDouble(i -> onsets[i]).toArray();
    }

    /**
     * Circular mean phase (0–1) of event times in the cycles that consecutive reference onsets delimit, e.g. where
     * another cell's bursts start in this cell's cycle (0.5: anti-phase); NaN when no event falls inside a cycle.
     */
    public static double phase(double[] reference, double[] times) {
        double cs = 0, sn = 0;
        int n = 0;
        for (double t : times)
            for (int j = 0; j + 1 < reference.length; j++)
                if (t >= reference[j] && t < reference[j + 1]) {
                    double ph = 2 * Math.PI * (t - reference[j]) / (reference[j + 1] - reference[j]);
                    cs += Math.cos(ph);
                    sn += Math.sin(ph);
                    n++;
                }
        if (n == 0) return Double.NaN;
        double m = Math.atan2(sn, cs) / (2 * Math.PI);
        return m < 0 ? m + 1 : m;
    }

    /** Median number of spikes per burst; NaN with no burst. */
    public double spikesPerBurst() {
        if (spikes.length == 0) return Double.NaN;
        double[] d = new double[spikes.length];
        for (int i = 0; i < spikes.length; i++) d[i] = spikes[i];
        return median(d);
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
