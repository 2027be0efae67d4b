package org.rmmfiji.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the JDK's Vector API. In the weight gradient the eight lanes of the definition are one 512-bit
 * vector (two outputs × four inputs summed at once, so that every load feeds several products) or two 256-bit ones
 * (lanes 0–3 and 4–7) on a machine with AVX2 only; the affine map and the input gradient keep four sums in registers.
 * Loaded by name only when the JVM has the incubator module.
 */
final class VectorKernels extends Kernels {
    // constants, so that the JIT turns the vector operations into instructions
    private static final VectorSpecies<Double> S512 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Double> S256 = DoubleVector.SPECIES_256;
    /** For element-wise sums, whose bits do not depend on the width. */
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private final boolean wide;

    VectorKernels() { this(DoubleVector.SPECIES_PREFERRED.vectorBitSize()); }

    /** With the sums' lanes in vectors of {@code bits} (256 or 512); tests take both on one machine. */
    VectorKernels(int bits) {
        if (bits < 256) throw new IllegalStateException("no 256-bit vectors");
        wide = bits >= 512;
    }

    @Override public String name() { return "vector (" + (wide ? 512 : 256) + "-bit)"; }

    @Override
    public void weightGradient(double[] d, double[] x, int nOut, int nIn, int T, double[] out) {
        int T8 = T & ~7;
        double[] lanes = new double[LANES];
        int o = 0;
        for (; o + 1 < nOut; o += 2) {
            int i = 0;
            if (wide) for (; i + 3 < nIn; i += 4) block512(d, x, o, i, nIn, T, T8, out, lanes, false);
            for (; i < nIn; i++) {
                single(d, o * T, x, i * T, T, T8, lanes);
                out[o * nIn + i] = reduce(lanes);
                single(d, (o + 1) * T, x, i * T, T, T8, lanes);
                out[(o + 1) * nIn + i] = reduce(lanes);
            }
        }
        for (; o < nOut; o++)
            for (int i = 0; i < nIn; i++) {
                single(d, o * T, x, i * T, T, T8, lanes);
                out[o * nIn + i] = reduce(lanes);
            }
    }

    @Override
    public void weightGradientLanes(double[] d, double[] x, int nOut, int nIn, int T, double[] lanes) {
        int T8 = T & ~7;
        double[] scratch = new double[LANES];
        int o = 0;
        if (wide)
            for (; o + 1 < nOut; o += 2)
                for (int i = 0; i + 3 < nIn; i += 4) block512(d, x, o, i, nIn, T, T8, lanes, scratch, true);
        for (int oo = 0; oo < nOut; oo++)
            for (int i = oo < o ? nIn & ~3 : 0; i < nIn; i++) {      // what the blocks left: odd inputs, an odd output
                int at = (oo * nIn + i) * LANES;
                if (wide && T8 == T) {        // no tail: the lanes go to memory as one vector
                    DoubleVector.fromArray(S512, lanes, at).add(lanes512(d, oo * T, x, i * T, T8)).intoArray(lanes, at);
                } else {
                    single(d, oo * T, x, i * T, T, T8, scratch);
                    for (int j = 0; j < LANES; j++) lanes[at + j] += scratch[j];
                }
            }
    }

    @Override
    public void sumLanes(double[] a, int ao, int T, double[] lanes, int at) {
        if (!wide || (T & 7) != 0) {
            super.sumLanes(a, ao, T, lanes, at);
            return;
        }
        DoubleVector acc = DoubleVector.zero(S512);
        for (int t = 0; t < T; t += 8) acc = acc.add(DoubleVector.fromArray(S512, a, ao + t));
        DoubleVector.fromArray(S512, lanes, at).add(acc).intoArray(lanes, at);
    }

    /**
     * Outputs o, o+1 × inputs i … i+3, one 512-bit accumulator each; each sum reduced into {@code out[o*nIn + i]}, or,
     * with {@code keepLanes}, its eight lanes added to {@code out[(o*nIn + i)*LANES …]} ({@link #weightGradientLanes}).
     */
    private void block512(double[] d, double[] x, int o, int i, int nIn, int T, int T8, double[] out, double[] lanes, boolean keepLanes) {
        VectorSpecies<Double> s = S512;
        int d0 = o * T, d1 = d0 + T, x0 = i * T, x1 = x0 + T, x2 = x1 + T, x3 = x2 + T;
        DoubleVector a0 = DoubleVector.zero(s), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (int t = 0; t < T8; t += 8) {
            DoubleVector p = DoubleVector.fromArray(s, d, d0 + t), q = DoubleVector.fromArray(s, d, d1 + t);
            DoubleVector u0 = DoubleVector.fromArray(s, x, x0 + t), u1 = DoubleVector.fromArray(s, x, x1 + t);
            DoubleVector u2 = DoubleVector.fromArray(s, x, x2 + t), u3 = DoubleVector.fromArray(s, x, x3 + t);
            a0 = a0.add(p.mul(u0)); a1 = a1.add(p.mul(u1)); a2 = a2.add(p.mul(u2)); a3 = a3.add(p.mul(u3));
            b0 = b0.add(q.mul(u0)); b1 = b1.add(q.mul(u1)); b2 = b2.add(q.mul(u2)); b3 = b3.add(q.mul(u3));
        }
        int r = o * nIn + i, r1 = r + nIn;
        finish(a0, d, d0, x, x0, T8, T, lanes, out, r, keepLanes);
        finish(a1, d, d0, x, x1, T8, T, lanes, out, r + 1, keepLanes);
        finish(a2, d, d0, x, x2, T8, T, lanes, out, r + 2, keepLanes);
        finish(a3, d, d0, x, x3, T8, T, lanes, out, r + 3, keepLanes);
        finish(b0, d, d1, x, x0, T8, T, lanes, out, r1, keepLanes);
        finish(b1, d, d1, x, x1, T8, T, lanes, out, r1 + 1, keepLanes);
        finish(b2, d, d1, x, x2, T8, T, lanes, out, r1 + 2, keepLanes);
        finish(b3, d, d1, x, x3, T8, T, lanes, out, r1 + 3, keepLanes);
    }

    /** The eight lane sums of d[dO + t]·x[xo + t] over t &lt; T8 (whole vectors only) as one 512-bit vector. */
    private static DoubleVector lanes512(double[] d, int dO, double[] x, int xo, int T8) {
        DoubleVector acc = DoubleVector.zero(S512);
        for (int t = 0; t < T8; t += 8) acc = acc.add(DoubleVector.fromArray(S512, d, dO + t).mul(DoubleVector.fromArray(S512, x, xo + t)));
        return acc;
    }

    /** One sum of a block: its tail added, then reduced into out[at], or its lanes added to out[at*LANES …]. */
    private static void finish(DoubleVector acc, double[] d, int dO, double[] x, int xo, int T8, int T, double[] lanes, double[] out, int at,
                               boolean keepLanes) {
        if (keepLanes && T8 == T) {       // no tail: the lanes go to memory as one vector
            DoubleVector.fromArray(S512, out, at * LANES).add(acc).intoArray(out, at * LANES);
            return;
        }
        acc.intoArray(lanes, 0);
        tail(d, dO, x, xo, T8, T, lanes);
        if (!keepLanes) {
            out[at] = reduce(lanes);
            return;
        }
        for (int j = 0; j < LANES; j++) out[at * LANES + j] += lanes[j];
    }

    /** One sum into {@code lanes} (eight lanes as one or two vectors), tail included. */
    private void single(double[] d, int dO, double[] x, int xo, int T, int T8, double[] lanes) {
        if (wide) {
            lanes512(d, dO, x, xo, T8).intoArray(lanes, 0);
        } else {
            DoubleVector lo = DoubleVector.zero(S256), hi = lo;
            for (int t = 0; t < T8; t += 8) {
                lo = lo.add(DoubleVector.fromArray(S256, d, dO + t).mul(DoubleVector.fromArray(S256, x, xo + t)));
                hi = hi.add(DoubleVector.fromArray(S256, d, dO + t + 4).mul(DoubleVector.fromArray(S256, x, xo + t + 4)));
            }
            lo.intoArray(lanes, 0);
            hi.intoArray(lanes, 4);
        }
        tail(d, dO, x, xo, T8, T, lanes);
    }

    /**
     * Each output's sum stays in a register across all inputs (four outputs at a time, so each load of x feeds four of
     * them); samples past the last whole vector go through the plain loop, which adds in the same order.
     */
    @Override
    public void affine(double[] W, int wOff, double[] p, int biasOffset, double[] x, int nIn, int nOut, int T, double[] y) {
        int L = S.length(), TV = T - T % L;
        int o = 0;
        for (; o + 3 < nOut; o += 4) {
            int w0 = o * nIn, w1 = w0 + nIn, w2 = w1 + nIn, w3 = w2 + nIn;
            double b0 = bias(p, biasOffset, o), b1 = bias(p, biasOffset, o + 1), b2 = bias(p, biasOffset, o + 2), b3 = bias(p, biasOffset, o + 3);
            for (int t = 0; t < TV; t += L) {
                DoubleVector a0 = DoubleVector.broadcast(S, b0), a1 = DoubleVector.broadcast(S, b1);
                DoubleVector a2 = DoubleVector.broadcast(S, b2), a3 = DoubleVector.broadcast(S, b3);
                for (int i = 0; i < nIn; i++) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, i * T + t);
                    a0 = a0.add(xv.mul(W[wOff + w0 + i]));
                    a1 = a1.add(xv.mul(W[wOff + w1 + i]));
                    a2 = a2.add(xv.mul(W[wOff + w2 + i]));
                    a3 = a3.add(xv.mul(W[wOff + w3 + i]));
                }
                a0.intoArray(y, o * T + t);
                a1.intoArray(y, (o + 1) * T + t);
                a2.intoArray(y, (o + 2) * T + t);
                a3.intoArray(y, (o + 3) * T + t);
            }
        }
        for (; o < nOut; o++) {
            int wo = o * nIn;
            double b = bias(p, biasOffset, o);
            for (int t = 0; t < TV; t += L) {
                DoubleVector a = DoubleVector.broadcast(S, b);
                for (int i = 0; i < nIn; i++) a = a.add(DoubleVector.fromArray(S, x, i * T + t).mul(W[wOff + wo + i]));
                a.intoArray(y, o * T + t);
            }
        }
        for (int t = TV; t < T; t++) affineSample(W, wOff, p, biasOffset, x, nIn, nOut, T, t, y);
    }


    @Override
    public void backpropInput(double[] W, int wOff, double[] d, int nOut, int nIn, int T, double[] dIn) {
        int L = S.length(), TV = T - T % L;
        int i = 0;
        for (; i + 3 < nIn; i += 4) {
            for (int t = 0; t < TV; t += L) {
                DoubleVector a0 = DoubleVector.fromArray(S, dIn, i * T + t), a1 = DoubleVector.fromArray(S, dIn, (i + 1) * T + t);
                DoubleVector a2 = DoubleVector.fromArray(S, dIn, (i + 2) * T + t), a3 = DoubleVector.fromArray(S, dIn, (i + 3) * T + t);
                for (int o = 0; o < nOut; o++) {
                    DoubleVector dv = DoubleVector.fromArray(S, d, o * T + t);
                    int w = o * nIn + i;
                    a0 = a0.add(dv.mul(W[wOff + w]));
                    a1 = a1.add(dv.mul(W[wOff + w + 1]));
                    a2 = a2.add(dv.mul(W[wOff + w + 2]));
                    a3 = a3.add(dv.mul(W[wOff + w + 3]));
                }
                a0.intoArray(dIn, i * T + t);
                a1.intoArray(dIn, (i + 1) * T + t);
                a2.intoArray(dIn, (i + 2) * T + t);
                a3.intoArray(dIn, (i + 3) * T + t);
            }
        }
        for (; i < nIn; i++) {
            for (int t = 0; t < TV; t += L) {
                DoubleVector a = DoubleVector.fromArray(S, dIn, i * T + t);
                for (int o = 0; o < nOut; o++) a = a.add(DoubleVector.fromArray(S, d, o * T + t).mul(W[wOff + o * nIn + i]));
                a.intoArray(dIn, i * T + t);
            }
        }
        for (i = 0; i < nIn; i++)
            for (int t = TV; t < T; t++) {
                double a = dIn[i * T + t];
                for (int o = 0; o < nOut; o++) a += W[wOff + o * nIn + i] * d[o * T + t];
                dIn[i * T + t] = a;
            }
    }

    /** 1.5·2⁵²: y + ROUNDER − ROUNDER is Math.rint(y) for |y| &lt; 2⁵¹, and the sum's low bits hold rint(y) as an integer. */
    private static final double ROUNDER = 6755399441055744.0;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);

    /**
     * {@link FastMath#sigmoid}, operation for operation on whole vectors: its branch on the sign becomes a blend, and
     * {@link FastMath#exp} of the non-positive argument it takes is the same reduction and polynomial, with rint by the
     * rounding constant (exact over exp's range) and 2^k built from the bits.
     */
    @Override
    public void sigmoid(double[] a, int from, int to) {
        int L = S.length(), end = from + (to - from) / L * L;
        double[] c = FastMath.EXP_TAYLOR;
        DoubleVector one = DoubleVector.broadcast(S, 1.0), zero = DoubleVector.zero(S);
        for (int k = from; k < end; k += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, k);
            VectorMask<Double> positive = x.compare(VectorOperators.GE, 0.0);
            DoubleVector z = x.blend(x.neg(), positive);                  // −|x|, NaN kept
            DoubleVector shifted = z.mul(FastMath.LOG2E).add(ROUNDER);
            DoubleVector kd = shifted.sub(ROUNDER);
            DoubleVector r = z.sub(kd.mul(FastMath.LN2_HI)).sub(kd.mul(FastMath.LN2_LO));
            DoubleVector p = DoubleVector.broadcast(S, c[0]);
            for (int q = 1; q < c.length; q++) p = p.mul(r).add(c[q]);
            LongVector exponent = ((LongVector) shifted.reinterpretAsLongs()).sub(ROUNDER_BITS).add(1023).lanewise(VectorOperators.LSHL, 52);
            DoubleVector e = p.mul((DoubleVector) exponent.reinterpretAsDoubles());
            DoubleVector small = zero.blend(z, z.test(VectorOperators.IS_NAN));  // exp below its range: 0, or NaN
            e = small.blend(e, z.compare(VectorOperators.GT, FastMath.EXP_UNDERFLOW));
            DoubleVector sum = e.add(1.0);
            e.blend(one, positive).div(sum).intoArray(a, k);
        }
        for (int k = end; k < to; k++) a[k] = FastMath.sigmoid(a[k]);
    }

    /** {@link FastMath#tanh}, operation for operation on whole vectors (its clamp is Math's min and max, lane by lane). */
    @Override
    public void tanh(double[] a, int from, int to) {
        int L = S.length(), end = from + (to - from) / L * L;
        double[] c = FastMath.EXP_TAYLOR;
        for (int k = from; k < end; k += L) {
            DoubleVector r = DoubleVector.fromArray(S, a, k).min(19.1).max(-19.1).mul(2.0 / 128.0);
            DoubleVector p = DoubleVector.broadcast(S, c[0]);
            for (int q = 1; q < c.length; q++) p = p.mul(r).add(c[q]);
            p = p.mul(p); p = p.mul(p); p = p.mul(p); p = p.mul(p); p = p.mul(p); p = p.mul(p); p = p.mul(p);
            p.sub(1.0).div(p.add(1.0)).intoArray(a, k);
        }
        for (int k = end; k < to; k++) a[k] = FastMath.tanh(a[k]);
    }

    @Override
    public void affineOne(double[] wT, int stride, double[] p, int biasOffset, double[] x, int nIn, int nOut, double[] y) {
        for (int o = 0; o < nOut; o++) y[o] = bias(p, biasOffset, o);
        // the width this instance was made with (both divide LANES, so they tile the padded outputs; tests take both)
        if (wide) sumsOne(S512, wT, stride, x, nIn, y);
        else sumsOne(S256, wT, stride, x, nIn, y);
    }

    /** y[o] += Σ_i wT[i*stride + o]·x[i] over whole vectors of outputs; two of them in flight where a layer fills two. */
    private static void sumsOne(VectorSpecies<Double> s, double[] wT, int stride, double[] x, int nIn, double[] y) {
        int L = s.length();
        if (stride == 2 * L) {
            DoubleVector a0 = DoubleVector.fromArray(s, y, 0), a1 = DoubleVector.fromArray(s, y, L);
            for (int i = 0; i < nIn; i++) {
                double xi = x[i];
                a0 = a0.add(DoubleVector.fromArray(s, wT, i * stride).mul(xi));
                a1 = a1.add(DoubleVector.fromArray(s, wT, i * stride + L).mul(xi));
            }
            a0.intoArray(y, 0);
            a1.intoArray(y, L);
            return;
        }
        for (int o = 0; o < stride; o += L) {
            DoubleVector a = DoubleVector.fromArray(s, y, o);
            for (int i = 0; i < nIn; i++) a = a.add(DoubleVector.fromArray(s, wT, i * stride + o).mul(x[i]));
            a.intoArray(y, o);
        }
    }

    @Override
    public void scaleShift(double[] x, int xo, double a, double b, double[] y, int yo, int n) {
        int L = S.length(), end = n / L * L;
        for (int t = 0; t < end; t += L) DoubleVector.fromArray(S, x, xo + t).mul(a).add(b).intoArray(y, yo + t);
        for (int t = end; t < n; t++) y[yo + t] = a * x[xo + t] + b;
    }

    @Override
    public void lowPass(double[] x, int xo, double p, double g, double[] v, int n) {
        int L = S.length(), end = n / L * L;
        for (int l = 0; l < end; l += L)
            DoubleVector.fromArray(S, x, xo + l).mul(p).add(DoubleVector.fromArray(S, v, l).mul(g)).intoArray(x, xo + l);
        for (int l = end; l < n; l++) x[xo + l] = p * x[xo + l] + g * v[l];
    }

    @Override
    public void allPassSection(double[] x, int xo, double p, double g, double[] u, int n) {
        int L = S.length(), end = n / L * L;
        for (int l = 0; l < end; l += L) {
            DoubleVector s = DoubleVector.fromArray(S, x, xo + l), ul = DoubleVector.fromArray(S, u, l);
            s.mul(g).sub(ul.mul(p)).intoArray(u, l);
            s.mul(p).add(ul.mul(g)).intoArray(x, xo + l);
        }
        for (int l = end; l < n; l++) {
            double s = x[xo + l], ul = u[l];
            u[l] = g * s - p * ul;
            x[xo + l] = p * s + g * ul;
        }
    }
}
