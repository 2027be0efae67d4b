package org.rmmfiji.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A digital Butterworth band-pass filter of order N (2N poles), designed like the classic recipe: analog
 * low-pass prototype, low-pass→band-pass transform at pre-warped edges, bilinear transform, second-order
 * sections. {@link #filtfilt} runs it forward and backward (zero phase) with odd-reflection padding and
 * steady-state initial conditions, as the authors' validation does.
 */
public final class Butterworth {
    private final double[][] sos;   // per section: b0 b1 b2 a1 a2 (a0 = 1)
    private final int padSamples;   // reflection padding: three periods of the lower edge

    private Butterworth(double[][] sos, int padSamples) {
        this.sos = sos;
        this.padSamples = padSamples;
    }

    /** Band-pass between fLow and fHigh (Hz) at sampling rate fs (Hz). */
    public static Butterworth bandPass(int order, double fLow, double fHigh, double fs) {
        if (order < 1) throw new IllegalArgumentException("filter order must be >= 1");
        if (!(fLow > 0) || !(fHigh > fLow) || !(fHigh < fs / 2))
            throw new IllegalArgumentException("band-pass edges must satisfy 0 < low < high < fs/2; got " + fLow + ", " + fHigh + " at fs " + fs);
        double wl = 2 * Math.tan(Math.PI * fLow / fs), wh = 2 * Math.tan(Math.PI * fHigh / fs);
        double bw = wh - wl, w0sq = wl * wh;
        List<double[]> zPoles = new ArrayList<>();   // {re, im}
        for (int k = 0; k < order; k++) {
            double theta = Math.PI * (2 * k + order + 1) / (2.0 * order);
            double pr = Math.cos(theta), pi = Math.sin(theta);
            // roots of s^2 - p·bw·s + w0^2 = 0
            double br = pr * bw, bi = pi * bw;            // p·bw
            double dr = br * br - bi * bi - 4 * w0sq, di = 2 * br * bi;   // discriminant
            double[] sq = csqrt(dr, di);
            zPoles.add(bilinear((br + sq[0]) / 2, (bi + sq[1]) / 2));
            zPoles.add(bilinear((br - sq[0]) / 2, (bi - sq[1]) / 2));
        }
        List<double[]> complex = new ArrayList<>(), real = new ArrayList<>();
        for (double[] z : zPoles) {
            if (z[1] > 1e-12) complex.add(z);
            else if (Math.abs(z[1]) <= 1e-12) real.add(z);
        }
        double[][] sos = new double[order][];
        int s = 0;
        for (double[] z : complex) sos[s++] = new double[] {1, 0, -1, -2 * z[0], z[0] * z[0] + z[1] * z[1]};
        for (int r = 0; r + 1 < real.size(); r += 2) {
            double p1 = real.get(r)[0], p2 = real.get(r + 1)[0];
            sos[s++] = new double[] {1, 0, -1, -(p1 + p2), p1 * p2};
        }
        if (s != order) throw new IllegalStateException("pole pairing failed");
        // unit gain at the centre frequency
        double wc = 2 * Math.atan(Math.sqrt(w0sq) / 2);
        double g = 1;
        for (double[] c : sos) g *= magnitude(c, wc);
        for (int k = 0; k < 3; k++) sos[0][k] /= g;
        return new Butterworth(sos, (int) Math.ceil(3 * fs / fLow));
    }

    /** Low-pass at fc (Hz) at sampling rate fs (Hz), unit gain at DC. */
    public static Butterworth lowPass(int order, double fc, double fs) {
        if (order < 1) throw new IllegalArgumentException("filter order must be >= 1");
        if (!(fc > 0) || !(fc < fs / 2)) throw new IllegalArgumentException("the cut-off must lie in (0, fs/2); got " + fc + " Hz at fs " + fs + " Hz");
        double wc = 2 * Math.tan(Math.PI * fc / fs);
        java.util.List<double[]> sections = new java.util.ArrayList<>();
        for (int k = 0; k < order / 2; k++) {
            double theta = Math.PI * (2 * k + order + 1) / (2.0 * order);
            double[] z = bilinear(wc * Math.cos(theta), wc * Math.sin(theta));
            sections.add(new double[] {1, 2, 1, -2 * z[0], z[0] * z[0] + z[1] * z[1]});
        }
        if (order % 2 == 1) {
            double[] z = bilinear(-wc, 0);
            sections.add(new double[] {1, 1, 0, -z[0], 0});
        }
        double[][] sos = sections.toArray(new double[0][]);
        double g = 1;
        for (double[] c : sos) g *= (c[0] + c[1] + c[2]) / (1 + c[3] + c[4]);
        for (int k = 0; k < 3; k++) sos[0][k] /= g;
        return new Butterworth(sos, (int) Math.ceil(3 * fs / fc));
    }

    private static double[] csqrt(double re, double im) {
        double r = Math.hypot(re, im);
        double a = Math.sqrt((r + re) / 2), b = Math.sqrt(Math.max(0, (r - re) / 2));
        return new double[] {a, im < 0 ? -b : b};
    }

    /** z = (2 + s)/(2 − s). */
    private static double[] bilinear(double sr, double si) {
        double nr = 2 + sr, ni = si, dr = 2 - sr, di = -si;
        double den = dr * dr + di * di;
        return new double[] {(nr * dr + ni * di) / den, (ni * dr - nr * di) / den};
    }

    private static double magnitude(double[] c, double w) {
        // H(e^{jw}) = (b0 + b1 e^{-jw} + b2 e^{-2jw}) / (1 + a1 e^{-jw} + a2 e^{-2jw})
        double c1 = Math.cos(w), s1 = -Math.sin(w), c2 = Math.cos(2 * w), s2 = -Math.sin(2 * w);
        double nr = c[0] + c[1] * c1 + c[2] * c2, ni = c[1] * s1 + c[2] * s2;
        double dr = 1 + c[3] * c1 + c[4] * c2, di = c[3] * s1 + c[4] * s2;
        return Math.hypot(nr, ni) / Math.hypot(dr, di);
    }

    /** |H| at a frequency (Hz), for tests. */
    public double gainAt(double f, double fs) {
        double g = 1;
        for (double[] c : sos) g *= magnitude(c, 2 * Math.PI * f / fs);
        return g;
    }

    /** Zero-phase filtering: forward, then backward, with odd-reflection padding. */
    public double[] filtfilt(double[] x) {
        int n = x.length;
        int pad = Math.min(n - 1, padSamples);
        double[] ext = new double[n + 2 * pad];
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * x[0] - x[pad - i];
            ext[n + pad + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, pad, n);
        filterInPlace(ext, false);
        filterInPlace(ext, true);
        double[] out = new double[n];
        System.arraycopy(ext, pad, out, 0, n);
        return out;
    }

    /** Cascade of sections (transposed direct form II), starting from the steady state of the first input. */
    private void filterInPlace(double[] a, boolean reverse) {
        int n = a.length;
        double x0 = reverse ? a[n - 1] : a[0];
        double in0 = x0;
        for (double[] c : sos) {
            double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
            double dc = (b0 + b1 + b2) / (1 + a1 + a2);
            double ys = dc * in0;
            double z2 = b2 * in0 - a2 * ys;
            double z1 = ys - b0 * in0;
            for (int k = 0; k < n; k++) {
                int i = reverse ? n - 1 - k : k;
                double xi = a[i];
                double y = b0 * xi + z1;
                z1 = b1 * xi - a1 * y + z2;
                z2 = b2 * xi - a2 * y;
                a[i] = y;
            }
            in0 = ys;
        }
    }
}
