package org.rmmfiji.io;

/**
 * Rebuilds the command waveform of the active DAC from the epoch table, sweep by sweep, as Clampex plays it:
 * a pre-epoch holding stretch of 1/64 of the sweep, then each epoch with duration init + k·inc samples and level
 * init + k·inc, then the holding level (or the last level when the protocol keeps it between sweeps).
 */
final class AbfWaveform {
    private AbfWaveform() {}

    static float[] rebuild(AbfHeader h, int[] sweepLengths, double toNa) {
        long total = 0;
        for (int l : sweepLengths) total += l;
        float[] out = new float[(int) total];
        int base = 0;
        double carried = h.holdingLevel;
        for (int k = 0; k < sweepLengths.length; k++) {
            int len = sweepLengths[k];
            double hold = h.keepLastLevel ? carried : h.holdingLevel;
            int pos = Math.min(len, len / 64);
            fill(out, base, 0, pos, hold, toNa);
            double previous = hold;
            for (AbfHeader.Epoch e : h.epochs) {
                long dur = Math.max(0, (long) e.initDuration + (long) k * e.durationInc);
                int end = (int) Math.min(len, pos + dur);
                double level = e.initLevel + k * e.levelInc;
                for (int i = pos; i < end; i++) {
                    int t = i - pos;
                    double v;
                    switch (e.type) {
                        case 2: v = previous + (level - previous) * (t + 1) / (double) (end - pos); break;        // ramp
                        case 3: v = inPulse(t, e) ? level : previous; break;                                     // pulse train
                        case 4: v = previous + (level - previous) * triangle(t, e); break;                         // triangle train
                        case 5: v = previous + (level - previous) * 0.5 * (1 - Math.cos(2 * Math.PI * t / Math.max(1, e.pulsePeriod))); break;
                        case 7: v = inPulse(t, e) ? (t % Math.max(1, e.pulsePeriod) < e.pulseWidth / 2 ? level : 2 * previous - level) : previous; break;
                        default: v = level; break;                                                               // step
                    }
                    out[base + i] = (float) (v * toNa);
                }
                pos = end;
                if (e.type == 1 || e.type == 2) previous = level;
            }
            double after = h.keepLastLevel ? previous : h.holdingLevel;
            fill(out, base, pos, len, after, toNa);
            carried = previous;
            base += len;
        }
        return out;
    }

    private static boolean inPulse(int t, AbfHeader.Epoch e) {
        int period = Math.max(1, e.pulsePeriod);
        return t % period < e.pulseWidth;
    }

    private static double triangle(int t, AbfHeader.Epoch e) {
        int period = Math.max(2, e.pulsePeriod);
        double phase = (t % period) / (double) period;
        return phase < 0.5 ? 2 * phase : 2 * (1 - phase);
    }

    private static void fill(float[] out, int base, int from, int to, double level, double toNa) {
        for (int i = from; i < to; i++) out[base + i] = (float) (level * toNa);
    }
}
