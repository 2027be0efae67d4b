package org.rmmfiji.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every implementation of {@link Kernels} gives the bits of the definition, written here as the plainest loops: the
 * vector kernels may not change a fit or a prediction, whatever the machine's vector width, the tile length or the
 * layer's shape.
 */
class KernelsTest {
    private static final int[] TILES = {1, 3, 8, 13, 64, 255, 256};
    private static final int[][] SHAPES = {{37, 10}, {10, 10}, {10, 1}, {1, 10}, {17, 3}, {5, 7}};
    /** Where the weights start in their array (a layer's block inside the parameter vector). */
    private static final int W_OFF = 5;

    @Test
    void theTestsRunTheVectorKernelsWhereTheJvmHasThem() {
        if (vectorBits() >= 256) assertTrue(Kernels.get().name().startsWith("vector"), "the build's tests run with the Vector API, got " + Kernels.get().name());
        else assertTrue(Kernels.get().name().equals("scalar"), "no usable vectors: the plain kernels, got " + Kernels.get().name());
    }

    /** The JVM's preferred vector width in bits, 0 without the Vector API (read by reflection: the test runs without it too). */
    static int vectorBits() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return 0;
        try {
            Object species = Class.forName("jdk.incubator.vector.DoubleVector").getField("SPECIES_PREFERRED").get(null);
            return (Integer) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize").invoke(species);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void affineAddsInputAfterInputWithRoundedProducts() {
        Rng rng = new Rng(3);
        for (int[] shape : SHAPES) for (int T : TILES) for (boolean bias : new boolean[] {true, false}) {
            int nIn = shape[0], nOut = shape[1];
            double[] W = random(rng, W_OFF + nIn * nOut), x = random(rng, nIn * T), p = random(rng, nOut + 2);
            double[] expected = new double[nOut * T];
            for (int o = 0; o < nOut; o++)
                for (int t = 0; t < T; t++) {
                    double a = bias ? p[2 + o] : 0.0;
                    for (int i = 0; i < nIn; i++) a += W[W_OFF + o * nIn + i] * x[i * T + t];
                    expected[o * T + t] = a;
                }
            for (Kernels k : implementations()) {
                double[] y = new double[nOut * T];
                k.affine(W, W_OFF, p, bias ? 2 : -1, x, nIn, nOut, T, y);
                assertArrayEquals(expected, y, 0.0, k.name() + " " + nIn + "→" + nOut + ", T " + T);
            }
        }
    }

    @Test
    void inputGradientAddsOutputAfterOutput() {
        Rng rng = new Rng(4);
        for (int[] shape : SHAPES) for (int T : TILES) {
            int nIn = shape[0], nOut = shape[1];
            double[] W = random(rng, W_OFF + nIn * nOut), d = random(rng, nOut * T), start = random(rng, nIn * T);
            double[] expected = start.clone();
            for (int i = 0; i < nIn; i++)
                for (int t = 0; t < T; t++) {
                    double a = expected[i * T + t];
                    for (int o = 0; o < nOut; o++) a += W[W_OFF + o * nIn + i] * d[o * T + t];
                    expected[i * T + t] = a;
                }
            for (Kernels k : implementations()) {
                double[] dIn = start.clone();
                k.backpropInput(W, W_OFF, d, nOut, nIn, T, dIn);
                assertArrayEquals(expected, dIn, 0.0, k.name() + " " + nIn + "→" + nOut + ", T " + T);
            }
        }
    }

    @Test
    void weightGradientSumsEightLanesThenAFixedTree() {
        Rng rng = new Rng(5);
        for (int[] shape : SHAPES) for (int T : TILES) {
            int nIn = shape[0], nOut = shape[1];
            double[] d = random(rng, nOut * T), x = random(rng, nIn * T);
            double[] expected = new double[nOut * nIn];
            for (int o = 0; o < nOut; o++)
                for (int i = 0; i < nIn; i++) {
                    double[] lane = new double[8];
                    for (int t = 0; t < T; t++) lane[t % 8] += d[o * T + t] * x[i * T + t];
                    expected[o * nIn + i] = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
                }
            for (Kernels k : implementations()) {
                double[] out = new double[nOut * nIn];
                k.weightGradient(d, x, nOut, nIn, T, out);
                assertArrayEquals(expected, out, 0.0, k.name() + " " + nIn + "→" + nOut + ", T " + T);
            }
        }
    }

    /** The lanes kept instead of reduced: each lane's sum made from zero in increasing t, then added to what the lane held. */
    @Test
    void weightGradientLanesAddsEachLanesOwnSum() {
        Rng rng = new Rng(9);
        for (int[] shape : SHAPES) for (int T : TILES) {
            int nIn = shape[0], nOut = shape[1];
            double[] d = random(rng, nOut * T), x = random(rng, nIn * T), held = random(rng, nOut * nIn * 8);
            double[] expected = held.clone();
            for (int o = 0; o < nOut; o++)
                for (int i = 0; i < nIn; i++) {
                    double[] lane = new double[8];
                    for (int t = 0; t < T; t++) lane[t % 8] += d[o * T + t] * x[i * T + t];
                    for (int j = 0; j < 8; j++) expected[(o * nIn + i) * 8 + j] += lane[j];
                }
            for (Kernels k : implementations()) {
                double[] sums = held.clone();
                k.weightGradientLanes(d, x, nOut, nIn, T, sums);
                assertSameBits(expected, sums, k.name() + " " + nIn + "→" + nOut + ", T " + T);
            }
            int n = T * (nOut - 1);      // a bias's lanes: n values from offset T into lanes 8 … 15
            double[] expectedBias = held.clone(), lane = new double[8];
            for (int u = 0; u < n; u++) lane[u % 8] += d[T + u];
            for (int j = 0; j < 8; j++) expectedBias[8 + j] += lane[j];
            for (Kernels k : implementations()) {
                double[] bias = held.clone();
                k.sumLanes(d, T, n, bias, 8);
                assertSameBits(expectedBias, bias, k.name() + " sumLanes, " + n + " values");
            }
            double[] reduced = new double[nOut * nIn], fromZero = new double[nOut * nIn * 8];
            Kernels.get().weightGradient(d, x, nOut, nIn, T, reduced);
            Kernels.get().weightGradientLanes(d, x, nOut, nIn, T, fromZero);
            for (int k = 0; k < reduced.length; k++)
                assertEquals(Double.doubleToRawLongBits(reduced[k]), Double.doubleToRawLongBits(Kernels.reduce(fromZero, 8 * k)), "one tile's lanes reduce to its weight gradient");
        }
    }

    @Test
    void sumIsTheWeightGradientsDefinitionWithUnitInputs() {
        Rng rng = new Rng(7);
        for (int T : TILES) {
            double[] a = random(rng, T + 3), ones = new double[T];
            java.util.Arrays.fill(ones, 1.0);
            double[] expected = new double[1];
            Kernels.scalar().weightGradient(java.util.Arrays.copyOfRange(a, 3, T + 3), ones, 1, 1, T, expected);
            assertEquals(Double.doubleToRawLongBits(expected[0]), Double.doubleToRawLongBits(Kernels.sum(a, 3, T)), "T " + T);
        }
    }

    @Test
    void sigmoidHasTheBitsOfFastMath() {
        double[] special = {0.0, -0.0, 708, -708, 707.9999, -707.9999, 708.0001, -708.0001, 745, -745, 1e-300, -1e-300,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, 0.5, -0.5,
            0.34657359027997264, -0.34657359027997264, 1e6, -1e6, Double.MAX_VALUE, -Double.MAX_VALUE};
        elementwiseHasTheBitsOf("sigmoid", FastMath::sigmoid, Kernels::sigmoid, special, 1500, 40, new Rng(6));
    }

    @Test
    void tanhHasTheBitsOfFastMath() {
        double[] special = {0.0, -0.0, 19.1, -19.1, 19.09, 19.11, 1e-300, -1e-300, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e6, -1e6, Double.MAX_VALUE, -Double.MAX_VALUE};
        elementwiseHasTheBitsOf("tanh", FastMath::tanh, Kernels::tanh, special, 60, 6, new Rng(8));
    }

    /** Bit for bit: 0.0 and −0.0 differ, NaN equals NaN of the same bits. */
    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int q = 0; q < expected.length; q++)
            assertEquals(Double.doubleToRawLongBits(expected[q]), Double.doubleToRawLongBits(actual[q]), what + ", element " + q + ": " + expected[q] + " against " + actual[q]);
    }

    /** An in-place kernel a[from, to) of every implementation against its scalar definition, bit for bit, the rest of a untouched. */
    private interface InPlace { void apply(Kernels k, double[] a, int from, int to); }

    private static void elementwiseHasTheBitsOf(String name, java.util.function.DoubleUnaryOperator definition, InPlace kernel,
                                                double[] special, double wide, double narrow, Rng rng) {
        for (int n : new int[] {1, 7, 8, 10, 15, 16, 17, 100, 1001}) {
            double[] a = new double[n + 3];
            for (int k = 0; k < a.length; k++) {
                double u = rng.nextDouble();
                a[k] = k >= 2 && k - 2 < special.length && n > 30 ? special[k - 2] : k % 3 == 0 ? wide * (u - 0.5) : narrow * (u - 0.5);
            }
            double[] expected = a.clone();
            for (int k = 2; k < n + 2; k++) expected[k] = definition.applyAsDouble(a[k]);
            for (Kernels k : implementations()) {
                double[] got = a.clone();
                kernel.apply(k, got, 2, n + 2);
                for (int q = 0; q < a.length; q++)
                    assertEquals(Double.doubleToRawLongBits(expected[q]), Double.doubleToRawLongBits(got[q]),
                            k.name() + ", " + n + " values: " + name + "(" + a[q] + ") = " + expected[q] + ", got " + got[q]);
            }
        }
    }

    @Test
    void oneSampleFromTransposedWeightsHasTheAffineMapsBits() {
        Rng rng = new Rng(9);
        for (int[] shape : SHAPES) for (boolean bias : new boolean[] {true, false}) {
            int nIn = shape[0], nOut = shape[1], stride = Kernels.paddedWidth(nOut);
            double[] W = random(rng, W_OFF + nIn * nOut), x = random(rng, nIn), p = random(rng, nOut + 2);
            double[] wT = new double[nIn * stride];
            for (int o = 0; o < nOut; o++) for (int i = 0; i < nIn; i++) wT[i * stride + o] = W[W_OFF + o * nIn + i];
            double[] expected = new double[nOut];
            Kernels.scalar().affine(W, W_OFF, p, bias ? 2 : -1, x, nIn, nOut, 1, expected);
            for (Kernels k : implementations()) {
                double[] y = random(rng, stride);      // the padding holds anything
                k.affineOne(wT, stride, p, bias ? 2 : -1, x, nIn, nOut, y);
                assertSameBits(expected, java.util.Arrays.copyOf(y, nOut), k.name() + " " + nIn + "→" + nOut);
            }
        }
    }

    @Test
    void elementwiseKernelsRoundEachProduct() {
        Rng rng = new Rng(10);
        for (int n : TILES) {
            double[] x = random(rng, n + 5), v = random(rng, n), u = random(rng, n);
            double a = rng.nextDouble() - 0.5, b = rng.nextDouble() - 0.5;
            double[] scaled = new double[n + 1], low = x.clone(), allX = x.clone(), allU = u.clone();
            for (int t = 0; t < n; t++) {
                scaled[1 + t] = a * x[5 + t] + b;
                low[5 + t] = a * x[5 + t] + b * v[t];
                allU[t] = b * x[5 + t] - a * u[t];
                allX[5 + t] = a * x[5 + t] + b * u[t];
            }
            for (Kernels k : implementations()) {
                double[] y = new double[n + 1], lx = x.clone(), ax = x.clone(), au = u.clone();
                k.scaleShift(x, 5, a, b, y, 1, n);
                k.lowPass(lx, 5, a, b, v, n);
                k.allPassSection(ax, 5, a, b, au, n);
                assertSameBits(scaled, y, k.name() + " scaleShift, n " + n);
                assertSameBits(low, lx, k.name() + " lowPass, n " + n);
                assertSameBits(allX, ax, k.name() + " allPassSection state, n " + n);
                assertSameBits(allU, au, k.name() + " allPassSection output, n " + n);
            }
        }
    }

    /** The plain kernels, and where the JVM has usable vectors, the vector kernels with 256- and 512-bit sums. */
    private static Kernels[] implementations() {
        if (vectorBits() < 256) return new Kernels[] {Kernels.scalar()};
        try {
            var c = Class.forName("org.rmmfiji.math.VectorKernels").getDeclaredConstructor(int.class);
            return new Kernels[] {Kernels.scalar(), (Kernels) c.newInstance(256), (Kernels) c.newInstance(512)};
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static double[] random(Rng rng, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) a[k] = 2 * rng.nextDouble() - 1;
        return a;
    }
}
