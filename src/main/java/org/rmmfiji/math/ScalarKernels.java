package org.rmmfiji.math;

/** {@link Kernels} in plain Java, which any JVM runs: loops the JIT vectorises where it can, eight independent chains per sum. */
final class ScalarKernels extends Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    @Override public String name() { return "scalar"; }

    @Override
    public void weightGradient(double[] d, double[] x, int nOut, int nIn, int T, double[] out) {
        int T8 = T & ~7;
        double[] lanes = new double[LANES];
        for (int o = 0; o < nOut; o++) {
            int dO = o * T;
            for (int i = 0; i < nIn; i++) {
                productLaneSums(d, dO, x, i * T, T8, T, lanes);
                out[o * nIn + i] = reduce(lanes);
            }
        }
    }

    @Override
    public void weightGradientLanes(double[] d, double[] x, int nOut, int nIn, int T, double[] lanes) {
        int T8 = T & ~7;
        double[] scratch = new double[LANES];
        for (int o = 0; o < nOut; o++)
            for (int i = 0; i < nIn; i++) {
                productLaneSums(d, o * T, x, i * T, T8, T, scratch);
                int at = (o * nIn + i) * LANES;
                for (int j = 0; j < LANES; j++) lanes[at + j] += scratch[j];
            }
    }

    /** The definition's eight lane sums of d[dO + t]·x[xo + t], t &lt; T, into {@code lanes}. */
    private static void productLaneSums(double[] d, int dO, double[] x, int xo, int T8, int T, double[] lanes) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int t = 0; t < T8; t += 8) {
            s0 += d[dO + t] * x[xo + t];
            s1 += d[dO + t + 1] * x[xo + t + 1];
            s2 += d[dO + t + 2] * x[xo + t + 2];
            s3 += d[dO + t + 3] * x[xo + t + 3];
            s4 += d[dO + t + 4] * x[xo + t + 4];
            s5 += d[dO + t + 5] * x[xo + t + 5];
            s6 += d[dO + t + 6] * x[xo + t + 6];
            s7 += d[dO + t + 7] * x[xo + t + 7];
        }
        lanes[0] = s0; lanes[1] = s1; lanes[2] = s2; lanes[3] = s3;
        lanes[4] = s4; lanes[5] = s5; lanes[6] = s6; lanes[7] = s7;
        tail(d, dO, x, xo, T8, T, lanes);
    }

    @Override
    public void affine(double[] W, int wOff, double[] p, int biasOffset, double[] x, int nIn, int nOut, int T, double[] y) {
        if (T < LANES) {       // too few samples for loops along them to pay
            for (int t = 0; t < T; t++) affineSample(W, wOff, p, biasOffset, x, nIn, nOut, T, t, y);
            return;
        }
        for (int o = 0; o < nOut; o++) {
            int yo = o * T, wo = o * nIn;
            double b = biasOffset >= 0 ? p[biasOffset + o] : 0.0;
            for (int t = 0; t < T; t++) y[yo + t] = b;
            int i = 0;
            for (; i + 3 < nIn; i += 4) {      // four inputs per pass: y is read and written once for four of them
                double w0 = W[wOff + wo + i], w1 = W[wOff + wo + i + 1], w2 = W[wOff + wo + i + 2], w3 = W[wOff + wo + i + 3];
                int x0 = i * T, x1 = x0 + T, x2 = x1 + T, x3 = x2 + T;
                for (int t = 0; t < T; t++) {
                    double a = y[yo + t];
                    a += w0 * x[x0 + t];
                    a += w1 * x[x1 + t];
                    a += w2 * x[x2 + t];
                    a += w3 * x[x3 + t];
                    y[yo + t] = a;
                }
            }
            for (; i < nIn; i++) {
                double w = W[wOff + wo + i];
                int xo = i * T;
                for (int t = 0; t < T; t++) y[yo + t] += w * x[xo + t];
            }
        }
    }

    @Override
    public void backpropInput(double[] W, int wOff, double[] d, int nOut, int nIn, int T, double[] dIn) {
        for (int i = 0; i < nIn; i++) {
            int po = i * T;
            int o = 0;
            for (; o + 3 < nOut; o += 4) {
                double w0 = W[wOff + o * nIn + i], w1 = W[wOff + (o + 1) * nIn + i], w2 = W[wOff + (o + 2) * nIn + i], w3 = W[wOff + (o + 3) * nIn + i];
                int d0 = o * T, d1 = d0 + T, d2 = d1 + T, d3 = d2 + T;
                for (int t = 0; t < T; t++) {
                    double a = dIn[po + t];
                    a += w0 * d[d0 + t];
                    a += w1 * d[d1 + t];
                    a += w2 * d[d2 + t];
                    a += w3 * d[d3 + t];
                    dIn[po + t] = a;
                }
            }
            for (; o < nOut; o++) {
                double w = W[wOff + o * nIn + i];
                int dO = o * T;
                for (int t = 0; t < T; t++) dIn[po + t] += w * d[dO + t];
            }
        }
    }

    @Override
    public void sigmoid(double[] a, int from, int to) {
        for (int k = from; k < to; k++) a[k] = FastMath.sigmoid(a[k]);
    }

    @Override
    public void tanh(double[] a, int from, int to) {
        for (int k = from; k < to; k++) a[k] = FastMath.tanh(a[k]);
    }

    @Override
    public void affineOne(double[] wT, int stride, double[] p, int biasOffset, double[] x, int nIn, int nOut, double[] y) {
        for (int o = 0; o < nOut; o++) y[o] = bias(p, biasOffset, o);
        for (int i = 0; i < nIn; i++) {
            double xi = x[i];
            int w = i * stride;
            for (int o = 0; o < nOut; o++) y[o] += wT[w + o] * xi;
        }
    }

    @Override
    public void scaleShift(double[] x, int xo, double a, double b, double[] y, int yo, int n) {
        for (int t = 0; t < n; t++) y[yo + t] = a * x[xo + t] + b;
    }

    @Override
    public void lowPass(double[] x, int xo, double p, double g, double[] v, int n) {
        for (int l = 0; l < n; l++) x[xo + l] = p * x[xo + l] + g * v[l];
    }

    @Override
    public void allPassSection(double[] x, int xo, double p, double g, double[] u, int n) {
        for (int l = 0; l < n; l++) {
            double s = x[xo + l], ul = u[l];
            u[l] = g * s - p * ul;
            x[xo + l] = p * s + g * ul;
        }
    }
}
