package org.rmmfiji.metrics;

/** A radix-2 complex FFT and an overlap-add convolution built on it, for long smoothing kernels. */
final class Fft {
    private Fft() {}

    /** In-place FFT of (re, im), length a power of two; inverse when {@code inverse} (scaled by 1/n). */
    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(ang), wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1, ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k, b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci, xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
        if (inverse) for (int i = 0; i < n; i++) { re[i] /= n; im[i] /= n; }
    }

    /** The "valid" part of y ∗ kernel (length y.length − kernel.length + 1), by overlap-add. */
    static double[] convolveValid(double[] y, double[] kernel) {
        int K = kernel.length, n = y.length - K + 1;
        int size = Integer.highestOneBit(4 * K - 1) << 1;     // FFT length ≥ 4K
        int block = size - K + 1;
        double[] kr = new double[size], ki = new double[size];
        for (int i = 0; i < K; i++) kr[i] = kernel[K - 1 - i];   // correlation form: out[k] = Σ kernel[i] y[k+i]
        transform(kr, ki, false);
        double[] full = new double[y.length + size];
        double[] re = new double[size], im = new double[size];
        for (int start = 0; start < y.length; start += block) {
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            int len = Math.min(block, y.length - start);
            System.arraycopy(y, start, re, 0, len);
            transform(re, im, false);
            for (int i = 0; i < size; i++) {
                double r = re[i] * kr[i] - im[i] * ki[i];
                im[i] = re[i] * ki[i] + im[i] * kr[i];
                re[i] = r;
            }
            transform(re, im, true);
            for (int i = 0; i < size && start + i < full.length; i++) full[start + i] += re[i];
        }
        double[] out = new double[n];
        System.arraycopy(full, K - 1, out, 0, n);
        return out;
    }
}
