package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The frequency response (zI − A)⁻¹B of a mixed bank against the bank itself: at ω = 0 the DC gains, at other
 * frequencies the steady response of the stepped filters to a complex exponential input, and A, B as stepped.
 */
class FilterBankTransferTest {

    static FilterBank mixed() {
        return new FilterBank(new FilterBankSpec(List.of(new FilterBankSpec.BlockSpec("diagonal", new double[] {0.5, 2, 10}),
                new FilterBankSpec.BlockSpec("gobf", new double[] {1, 3, 5, 20}))), 0.1);
    }

    @Test
    void atZeroFrequencyTheTransferIsTheDcGain() {
        FilterBank bank = mixed();
        double[][] h = bank.transfer(0);
        double[] dc = bank.dcGains();
        for (int s = 0; s < dc.length; s++) {
            assertEquals(dc[s], h[0][s], 1e-12 * dc[s], "state " + s);
            assertEquals(0, h[1][s], 1e-12, "state " + s);
        }
    }

    @Test
    void theTransferIsTheSteadyResponseToAComplexExponential() {
        FilterBank bank = mixed();
        int n = bank.size();
        for (double omega : new double[] {0.01, 0.3, 2.0, 20.0}) {
            // real and imaginary parts of v[k] = e^{jωkδ} as two lanes; after ≫ 20 ms τ_max the transient is gone
            double[] x = new double[2 * n], v = new double[2];
            int steps = 20000;
            for (int k = 0; k < steps; k++) {
                v[0] = Math.cos(omega * k * bank.dt());
                v[1] = Math.sin(omega * k * bank.dt());
                bank.step(x, 2, v);
            }
            double[][] h = bank.transfer(omega);
            double cr = Math.cos(omega * steps * bank.dt()), ci = -Math.sin(omega * steps * bank.dt());   // e^{−jωKδ}
            for (int s = 0; s < n; s++) {
                double re = x[2 * s] * cr - x[2 * s + 1] * ci, im = x[2 * s] * ci + x[2 * s + 1] * cr;
                double scale = Math.hypot(h[0][s], h[1][s]);
                assertEquals(h[0][s], re, 1e-9 + 1e-9 * scale, "ω " + omega + ", state " + s + " (re)");
                assertEquals(h[1][s], im, 1e-9 + 1e-9 * scale, "ω " + omega + ", state " + s + " (im)");
            }
        }
    }

    @Test
    void theStateMatrixAndInputVectorStepAsTheBankDoes() {
        FilterBank bank = mixed();
        int n = bank.size();
        double[][] a = bank.stateMatrix();
        double[] b = bank.inputVector();
        double[] x = new double[n];
        for (int s = 0; s < n; s++) x[s] = Math.sin(1.7 * s) - 0.3;
        double v = -42.5;
        double[] expected = new double[n];
        for (int r = 0; r < n; r++) {
            expected[r] = b[r] * v;
            for (int c = 0; c < n; c++) expected[r] += a[r][c] * x[c];
        }
        bank.step(x, 1, new double[] {v});
        for (int r = 0; r < n; r++) assertEquals(expected[r], x[r], 1e-12 * (1 + Math.abs(expected[r])), "state " + r);
    }

    /** (zI − A)⁻¹B from the dense A and B, by complex Gaussian elimination, is the closed-form transfer. */
    @Test
    void theStateMatrixAndInputVectorGiveTheTransfer() {
        FilterBank bank = mixed();
        int n = bank.size();
        double[][] a = bank.stateMatrix();
        double[] b = bank.inputVector();
        for (double omega : new double[] {0.05, 1.0, 15.0}) {
            double zr = Math.cos(omega * bank.dt()), zi = Math.sin(omega * bank.dt());
            // M = zI − A (complex), right-hand side B
            double[][] mr = new double[n][n + 1], mi = new double[n][n + 1];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) mr[r][c] = -a[r][c];
                mr[r][r] += zr;
                mi[r][r] += zi;
                mr[r][n] = b[r];
            }
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    double d = mr[p][p] * mr[p][p] + mi[p][p] * mi[p][p];
                    double fr = (mr[r][p] * mr[p][p] + mi[r][p] * mi[p][p]) / d, fi = (mi[r][p] * mr[p][p] - mr[r][p] * mi[p][p]) / d;
                    for (int c = p; c <= n; c++) {
                        double xr = mr[p][c], xi = mi[p][c];
                        mr[r][c] -= fr * xr - fi * xi;
                        mi[r][c] -= fr * xi + fi * xr;
                    }
                }
            }
            double[] xr = new double[n], xi = new double[n];
            for (int r = n - 1; r >= 0; r--) {
                double sr = mr[r][n], si = mi[r][n];
                for (int c = r + 1; c < n; c++) { sr -= mr[r][c] * xr[c] - mi[r][c] * xi[c]; si -= mr[r][c] * xi[c] + mi[r][c] * xr[c]; }
                double d = mr[r][r] * mr[r][r] + mi[r][r] * mi[r][r];
                xr[r] = (sr * mr[r][r] + si * mi[r][r]) / d;
                xi[r] = (si * mr[r][r] - sr * mi[r][r]) / d;
            }
            double[][] h = bank.transfer(omega);
            for (int s = 0; s < n; s++) {
                double scale = 1e-9 * (1 + Math.hypot(h[0][s], h[1][s]));
                assertEquals(h[0][s], xr[s], scale, "ω " + omega + ", state " + s);
                assertEquals(h[1][s], xi[s], scale, "ω " + omega + ", state " + s);
            }
        }
    }
}
