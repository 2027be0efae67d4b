package org.rmmfiji.train;

import java.util.Locale;

import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Network;

/**
 * A modelled neuron's 1/C from its recording, before any training. Where the injected current changes, the voltage's
 * slope changes by Δu/C at once, before any ionic current has had time to follow. So at every sample k the change of
 * slope between a window just before it and one just after a gap, y, is regressed through the origin on the change of
 * the injected current, z: 1/C = Σwyz / Σwz².
 * <ul>
 * <li>The current must hold still over the window before (samples k − m … k) and over the gap and the window after
 * (k + 1 … k + g + m − 1), or the sample is weighed down by 1/(1 + (40r/|z|)²), r the sum of the two current ranges: a
 * current step then falls at k + 1, and the voltage's recorded response to it (an unbalanced bridge's instant jump,
 * recorded a few samples late) lies in the gap of {@value #GAP_MS} ms for delays shorter than the gap. A filter that
 * smears the jump over longer than the gap biases the estimate. Windows of {@value #WINDOW_MS} ms keep the ionic
 * currents' change small.</li>
 * <li>Samples near a spike are weighed down by 1/(1 + (q/s)²)², q the fastest step of the voltage in the two windows (not
 * in the gap, where a step's own jump falls) and s ten
 * times the median speed of the training voltage (as {@link TeacherForcingWeights} measures it), but at least
 * {@value #MIN_SPEED_SCALE} mV/ms: slower than spikes in any neuron, faster than a passive response to a step (a cell
 * at rest between steps has a median speed near 0, which would weigh the step responses down as spikes).</li>
 * </ul>
 * An estimate is kept only when it is positive, at least {@value #MIN_T} standard errors from zero (a sandwich error
 * over the samples, times the span for their overlap) and within 0.1 pF … 1 µF; else the neuron keeps the spec's 1/C.
 * A recorded (measured, noisy) current rather than a command gave no estimate on the recordings tried. On the generator's
 * cells, whose C is known, it comes within 10 % (fs-interneuron, rs-adapting, lp-alone, pd-burster), except on the
 * Hodgkin–Huxley cell, a third low: its sodium and potassium currents follow the voltage within a tenth of a millisecond,
 * inside the estimate's span ({@code CapacitanceEstimateTest}). Teacher forcing refines it from there.
 */
public final class CapacitanceEstimate {
    static final double GAP_MS = 0.2, WINDOW_MS = 0.25, SPEED_MULTIPLE = 10, MIN_SPEED_SCALE = 1, MIN_T = 3, ALIGNMENT = 40;
    /**
     * 1/C moves to the estimate only when the spec's value is off by more than this factor. Teacher forcing finds 1/C by
     * itself from a start within a few-fold (measured from 1 /nF: hh to 1.05 for a true 1, lp-alone to 1.85 for 1.6,
     * fs-interneuron to 2.7 for 1), not from one off by an order of magnitude or more (rs-adapting, 8.4: still 5.6–6.8
     * after 300 epochs; a cortical cell of ~50: 1.2), so a fit whose spec has the cell's scale right starts as it did.
     */
    public static final double MOVE_FACTOR = 3;
    /** Plausible 1/C (1/nF): C from 1 µF down to 0.1 pF. */
    static final double MIN_INVERSE_C = 1e-3, MAX_INVERSE_C = 1e4;

    private CapacitanceEstimate() {}

    /** Per modelled neuron: 1/C (1/nF) or NaN, with what was found. */
    public record Result(double[] inverseCapacitance, String[] notes) {}

    /** The estimate of every modelled neuron from the training part of the data. */
    public static Result estimate(Network net, TrainingData data, double dumpFraction) {
        int n = net.modelledCount();
        double[] a = new double[n];
        String[] notes = new String[n];
        double[] speed = TeacherForcingWeights.scales(net, data, SPEED_MULTIPLE, dumpFraction);
        for (int i = 0; i < n; i++) {
            int uc = data.channels().currentChannel(i);
            a[i] = Double.NaN;
            if (uc < 0) {
                notes[i] = "no injected current";
                continue;
            }
            Sums s = new Sums(net.dt(), Math.max(speed[i], MIN_SPEED_SCALE));
            for (Segment seg : data.dataset().train()) s.add(seg, data.channels().voltageChannel(i), uc);
            double est = s.szz > 0 ? s.syz / s.szz : Double.NaN, se = s.standardError(est);
            if (!(s.szz > 0)) notes[i] = "the injected current does not change";
            else if (!(est > 0) || !(est >= MIN_T * se)) notes[i] = String.format(Locale.ROOT, "the slope does not follow the current (1/C %.3g ± %.2g /nF)", est, se);
            else if (est < MIN_INVERSE_C || est > MAX_INVERSE_C) notes[i] = String.format(Locale.ROOT, "implausible (1/C %.3g /nF)", est);
            else {
                a[i] = est;
                notes[i] = String.format(Locale.ROOT, "C %s (1/C %.3g ± %.2g /nF)", capacitance(est), est, se);
            }
        }
        return new Result(a, notes);
    }

    /**
     * Starts a fresh network's 1/C where the recording puts it when its spec asks for that and the spec's value is more
     * than {@link #MOVE_FACTOR} times off (not when the capacitance is fixed, nor for a neuron with a current whose amount
     * the spec fixes); says what it did.
     */
    static void apply(Network net, TrainingData data, double dumpFraction, ProgressListener listener) {
        if (!net.spec().inverse_capacitance_from_data || net.spec().capacitance_nF != null) return;
        Result r = estimate(net, data, dumpFraction);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.notes.length; i++) {
            String fixed = net.whyInverseCapacitanceIsFixed(i);
            double a = r.inverseCapacitance[i], ratio = a / net.spec().initial_inverse_capacitance;
            if (!Double.isNaN(a) && ratio <= MOVE_FACTOR && ratio >= 1 / MOVE_FACTOR) {
                r.notes[i] += String.format(Locale.ROOT, ", within a factor %.0f of the spec's", MOVE_FACTOR);
                r.inverseCapacitance[i] = Double.NaN;
            } else if (fixed != null && !Double.isNaN(a)) {
                r.notes[i] += ", not used: " + fixed;
                r.inverseCapacitance[i] = Double.NaN;
            }
            b.append(i == 0 ? "" : "; ").append(net.voltageName(i)).append(": ").append(r.notes[i]);
            if (Double.isNaN(r.inverseCapacitance[i])) b.append(", so 1/C starts at the spec's ").append(net.spec().initial_inverse_capacitance).append(" /nF");
        }
        String origin = "estimated from the recording, the voltage's change of slope where the injected current changes: " + b;
        net.startInverseCapacitancesFromData(r.inverseCapacitance, origin);
        boolean moved = java.util.Arrays.stream(r.inverseCapacitance).anyMatch(a -> !Double.isNaN(a));
        listener.message("Membrane capacitance " + origin + (moved ? " (1/C starts at the estimate, the currents scaled to match)" : ""));
    }

    static String capacitance(double inverseNf) {
        double c = 1 / inverseNf;
        return c >= 1 ? String.format(Locale.ROOT, "%.3g nF", c) : String.format(Locale.ROOT, "%.3g pF", c * 1e3);
    }

    /** The weighted sums of the regression over samples. */
    static final class Sums {
        final double dt, inverseSpeedScale;
        final int g, m;
        double syz, szz;
        /** Σ(wz)²y², Σ(wz)²zy and Σ(wz)²z² for the sandwich error. */
        double vyy, vzy, vzz;

        Sums(double dt, double speedScale) {
            this.dt = dt;
            inverseSpeedScale = 1 / speedScale;
            g = Math.max(1, (int) Math.round(GAP_MS / dt));
            m = Math.max(1, (int) Math.round(WINDOW_MS / dt));
        }

        void add(Segment seg, int vc, int uc) {
            float[] v = seg.backing(vc), u = seg.backing(uc);
            int o = seg.offset(), n = seg.length();
            for (int k = m; k + g + m < n; k++) {
                int b0 = o + k - m, a0 = o + k + g;
                double y = ((v[a0 + m] - v[a0]) - (v[o + k] - v[b0])) / (m * dt);
                // z: the mean currents under the two slopes' steps; alignment: the current holds still over samples
                // k − m … k and over k + 1 … k + g + m − 1 (a step falls at k + 1)
                double ub = 0, ua = 0, bMin = Double.POSITIVE_INFINITY, bMax = Double.NEGATIVE_INFINITY, aMin = bMin, aMax = bMax;
                for (int j = b0; j <= o + k; j++) {
                    if (j < o + k) ub += u[j];
                    bMin = Math.min(bMin, u[j]);
                    bMax = Math.max(bMax, u[j]);
                }
                for (int j = o + k + 1; j < a0 + m; j++) {
                    if (j >= a0) ua += u[j];
                    aMin = Math.min(aMin, u[j]);
                    aMax = Math.max(aMax, u[j]);
                }
                double z = (ua - ub) / m;
                if (z == 0) continue;
                // the fastest step of the two slopes' windows (not the gap's, where a step's own bridge jump falls)
                double q = 0;
                for (int j = 0; j < m; j++) q = Math.max(q, Math.max(Math.abs(v[b0 + j + 1] - v[b0 + j]), Math.abs(v[a0 + j + 1] - v[a0 + j])));
                double qs = q / dt * inverseSpeedScale, align = ALIGNMENT * ((bMax - bMin) + (aMax - aMin)) / Math.abs(z);
                double w = 1 / ((1 + qs * qs) * (1 + qs * qs) * (1 + align * align));
                syz += w * y * z;
                szz += w * z * z;
                double wz2 = w * z * w * z;
                vyy += wz2 * y * y;
                vzy += wz2 * z * y;
                vzz += wz2 * z * z;
            }
        }

        /** The standard error of slope a: sandwich over samples, times the span that consecutive samples share. */
        double standardError(double a) {
            double v = vyy - 2 * a * vzy + a * a * vzz;
            return Math.sqrt(Math.max(v, 0) * (g + 2 * m)) / szz;
        }
    }
}
