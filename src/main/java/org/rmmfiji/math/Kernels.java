package org.rmmfiji.math;

/**
 * The loops that set the pace of training and simulation (each layer's affine map, its input and weight gradients, the
 * sigmoid of gated currents and synapses), with one arithmetic definition and two implementations: plain Java
 * ({@link ScalarKernels}, always there) and the JDK's Vector API ({@code VectorKernels}, used when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}, as the project's launcher and tests do; a stock Fiji runs the plain
 * one unchanged). Both give the same bits, so a fit does not depend on which one ran, on the machine's SIMD width or
 * on the number of threads.
 *
 * <p>The definition of a sum over samples t &lt; T: eight partial sums, lane j taking the samples t ≡ j (mod 8) in
 * increasing t, each product rounded before it is added (no fused multiply-add, which a CPU without it computes in
 * software, a thousand times slower); then {@code ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))}. A sum over
 * several tiles (the steps of a shot) keeps the lanes: each tile's lane sums are made as above and added to the lanes
 * in call order (for a shot: its last step first, as backpropagation runs), and the tree comes once at the end
 * ({@link #weightGradientLanes}).
 */
public abstract class Kernels {
    /** Lanes of the partial sums (the definition above; independent of the machine). */
    public static final int LANES = 8;

    private static final Kernels BEST = choose();
    private static volatile Kernels active = BEST;

    /** The implementation training runs on: the fastest this JVM offers, unless a benchmark chose another. */
    public static Kernels get() { return active; }

    /** The fastest implementation this JVM offers. */
    public static Kernels best() { return BEST; }

    /** Makes {@code k} the implementation {@link #get} returns: for benchmarks and tests that compare them, between runs. */
    public static void use(Kernels k) { active = k; }

    /** The plain-Java implementation (every JVM). */
    public static Kernels scalar() { return ScalarKernels.INSTANCE; }

    /** Which implementation runs, e.g. "vector (512-bit)" or "scalar", for provenance and benchmarks. */
    public abstract String name();

    /**
     * Weight gradient of a feature-major layer: {@code out[o*nIn + i] = Σ_t d[o*T + t]·x[i*T + t]} for o &lt; nOut,
     * i &lt; nIn, t &lt; T, summed as the class comment defines. {@code out} is overwritten.
     */
    public abstract void weightGradient(double[] d, double[] x, int nOut, int nIn, int T, double[] out);

    /**
     * {@link #weightGradient} kept as the definition's eight lane sums instead of reduced:
     * {@code lanes[(o*nIn + i)*LANES + j] += s_j} with s_j the sum of {@code d[o*T + t]·x[i*T + t]} over t ≡ j (mod 8)
     * in increasing t, made first and then added. Multiple shooting adds every step of a shot this way and reduces once
     * ({@link #reduce(double[], int)}): a step has only its lanes of shots as samples, and reducing every weight's sum
     * after each step cost as much as the products.
     */
    public abstract void weightGradientLanes(double[] d, double[] x, int nOut, int nIn, int T, double[] lanes);

    /** {@code lanes[at + j] += s_j}, s_j the sum of {@code a[ao + t]} over t ≡ j (mod 8), t &lt; T, in increasing t: a bias's lanes. */
    public void sumLanes(double[] a, int ao, int T, double[] lanes, int at) {
        double[] s = new double[LANES];
        laneSums(a, ao, T, s);
        for (int j = 0; j < LANES; j++) lanes[at + j] += s[j];
    }

    /**
     * A layer's affine map on a feature-major tile: {@code y[o*T + t] = b_o + Σ_i W[wOff + o*nIn + i]·x[i*T + t]} with
     * {@code b_o = p[biasOffset + o]} (0 when biasOffset &lt; 0), the terms added in increasing i, each product rounded
     * before it is added (no fma): the order in which every version of the model has predicted, so model files keep
     * their bits.
     */
    public abstract void affine(double[] W, int wOff, double[] p, int biasOffset, double[] x, int nIn, int nOut, int T, double[] y);

    /**
     * The input gradient of a layer: {@code dIn[i*T + t] += Σ_o W[wOff + o*nIn + i]·d[o*T + t]}, the terms added in
     * increasing o, each product rounded before it is added.
     */
    public abstract void backpropInput(double[] W, int wOff, double[] d, int nOut, int nIn, int T, double[] dIn);

    /**
     * {@link #affine} for one sample t (a free run's single trajectory, a tile's last samples): eight (then four) outputs
     * at a time, so that as many independent sums are in flight; each output still adds its inputs in increasing i.
     */
    static void affineSample(double[] W, int wOff, double[] p, int biasOffset, double[] x, int nIn, int nOut, int T, int t, double[] y) {
        int o = 0;
        for (; o + 7 < nOut; o += 8) {
            int w0 = wOff + o * nIn;
            double a0 = bias(p, biasOffset, o), a1 = bias(p, biasOffset, o + 1), a2 = bias(p, biasOffset, o + 2), a3 = bias(p, biasOffset, o + 3);
            double a4 = bias(p, biasOffset, o + 4), a5 = bias(p, biasOffset, o + 5), a6 = bias(p, biasOffset, o + 6), a7 = bias(p, biasOffset, o + 7);
            for (int i = 0; i < nIn; i++) {
                double xi = x[i * T + t];
                int w = w0 + i;
                a0 += W[w] * xi;
                a1 += W[w + nIn] * xi;
                a2 += W[w + 2 * nIn] * xi;
                a3 += W[w + 3 * nIn] * xi;
                a4 += W[w + 4 * nIn] * xi;
                a5 += W[w + 5 * nIn] * xi;
                a6 += W[w + 6 * nIn] * xi;
                a7 += W[w + 7 * nIn] * xi;
            }
            y[o * T + t] = a0; y[(o + 1) * T + t] = a1; y[(o + 2) * T + t] = a2; y[(o + 3) * T + t] = a3;
            y[(o + 4) * T + t] = a4; y[(o + 5) * T + t] = a5; y[(o + 6) * T + t] = a6; y[(o + 7) * T + t] = a7;
        }
        for (; o + 3 < nOut; o += 4) {
            int w0 = wOff + o * nIn;
            double a0 = bias(p, biasOffset, o), a1 = bias(p, biasOffset, o + 1), a2 = bias(p, biasOffset, o + 2), a3 = bias(p, biasOffset, o + 3);
            for (int i = 0; i < nIn; i++) {
                double xi = x[i * T + t];
                int w = w0 + i;
                a0 += W[w] * xi;
                a1 += W[w + nIn] * xi;
                a2 += W[w + 2 * nIn] * xi;
                a3 += W[w + 3 * nIn] * xi;
            }
            y[o * T + t] = a0; y[(o + 1) * T + t] = a1; y[(o + 2) * T + t] = a2; y[(o + 3) * T + t] = a3;
        }
        for (; o < nOut; o++) {
            double a = bias(p, biasOffset, o);
            for (int i = 0; i < nIn; i++) a += W[wOff + o * nIn + i] * x[i * T + t];
            y[o * T + t] = a;
        }
    }

    /** The bias of output o, or 0 when the layer has none (biasOffset &lt; 0). */
    static double bias(double[] p, int biasOffset, int o) { return biasOffset >= 0 ? p[biasOffset + o] : 0.0; }

    /** a[k] = {@link FastMath#sigmoid}(a[k]) for k in [from, to), with its bits. */
    public abstract void sigmoid(double[] a, int from, int to);

    /** a[k] = {@link FastMath#tanh}(a[k]) for k in [from, to), with its bits. */
    public abstract void tanh(double[] a, int from, int to);

    /** The width {@link #affineOne} pads a layer of {@code nOut} outputs to: a whole number of {@link #LANES}. */
    public static int paddedWidth(int nOut) { return (nOut + LANES - 1) / LANES * LANES; }

    /**
     * {@link #affine} for a single sample (a free run's one trajectory), from the weights transposed:
     * {@code y[o] = b_o + Σ_i wT[i*stride + o]·x[i]}, added in increasing i with rounded products as {@link #affine}
     * adds them, so the bits are the same; the outputs then run side by side in vector lanes. {@code stride} is
     * {@link #paddedWidth}(nOut), the padding of {@code wT} holds zeros and {@code y} has room for {@code stride} values
     * (the padding's values are left undefined).
     */
    public abstract void affineOne(double[] wT, int stride, double[] p, int biasOffset, double[] x, int nIn, int nOut, double[] y);

    /** {@code y[yo + t] = a·x[xo + t] + b} for t &lt; n, the product rounded before the sum: an input normalisation. */
    public abstract void scaleShift(double[] x, int xo, double a, double b, double[] y, int yo, int n);

    /** One first-order filter along n lanes: {@code x[xo + l] = p·x[xo + l] + g·v[l]}, each product rounded, then added. */
    public abstract void lowPass(double[] x, int xo, double p, double g, double[] v, int n);

    /**
     * One all-pass (GOBF) section along n lanes, with {@code u} its input and, on return, its output:
     * {@code (x, u) ← (p·x + g·u, g·x − p·u)}, lane by lane from the old values, each product rounded. The adjoint of a
     * section has the same form.
     */
    public abstract void allPassSection(double[] x, int xo, double p, double g, double[] u, int n);

    /** The lane sums of {@code a[ao + t]·b[bo + t]} for t in [from, T) added into {@code lanes} (lane = t mod 8). */
    static void tail(double[] a, int ao, double[] b, int bo, int from, int T, double[] lanes) {
        for (int t = from; t < T; t++) lanes[t & 7] += a[ao + t] * b[bo + t];
    }

    /** Σ_t a[ao + t] for t &lt; T by the definition's lanes and tree (a bias gradient: the weight gradient with x = 1). */
    public static double sum(double[] a, int ao, int T) {
        double[] s = new double[LANES];
        laneSums(a, ao, T, s);
        return reduce(s, 0);
    }

    /** The definition's eight lane sums of {@code a[ao + t]}, t &lt; T, into {@code s}. */
    private static void laneSums(double[] a, int ao, int T, double[] s) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int T8 = T & ~7;
        for (int t = 0; t < T8; t += 8) {
            s0 += a[ao + t]; s1 += a[ao + t + 1]; s2 += a[ao + t + 2]; s3 += a[ao + t + 3];
            s4 += a[ao + t + 4]; s5 += a[ao + t + 5]; s6 += a[ao + t + 6]; s7 += a[ao + t + 7];
        }
        if (T8 < T) s0 += a[ao + T8];
        if (T8 + 1 < T) s1 += a[ao + T8 + 1];
        if (T8 + 2 < T) s2 += a[ao + T8 + 2];
        if (T8 + 3 < T) s3 += a[ao + T8 + 3];
        if (T8 + 4 < T) s4 += a[ao + T8 + 4];
        if (T8 + 5 < T) s5 += a[ao + T8 + 5];
        if (T8 + 6 < T) s6 += a[ao + T8 + 6];
        s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3; s[4] = s4; s[5] = s5; s[6] = s6; s[7] = s7;
    }

    /** The lanes summed in the fixed order of the definition. */
    static double reduce(double[] l) { return reduce(l, 0); }

    /** The eight lanes {@code l[at … at+7]} summed in the fixed order of the definition. */
    public static double reduce(double[] l, int at) {
        return ((l[at] + l[at + 1]) + (l[at + 2] + l[at + 3])) + ((l[at + 4] + l[at + 5]) + (l[at + 6] + l[at + 7]));
    }

    private static Kernels choose() {
        if ("scalar".equals(System.getProperty("rmm.kernels"))) return ScalarKernels.INSTANCE;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return ScalarKernels.INSTANCE;
        try {
            return (Kernels) Class.forName("org.rmmfiji.math.VectorKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return ScalarKernels.INSTANCE;     // vectors narrower than 256 bits, or an API this JVM lacks: the plain loops
        }
    }
}
