package org.rmmfiji.groundtruth;

import java.util.List;

import org.rmmfiji.math.FastMath;

/**
 * Hodgkin–Huxley 1952 in the modern convention (rest ≈ −65 mV), integrated by exponential Euler: gates relax
 * towards their steady state with the old voltage, then V relaxes towards V∞ = Σg·E/Σg with time constant
 * C/Σg. Units: with a membrane area of 10⁻³ cm² the published densities read directly as C = 1 nF,
 * g in µS and currents in nA (1 µA/cm² = 1 nA).
 */
public final class HodgkinHuxley implements SingleNeuron {
    public static final double C = 1.0, G_NA = 120, G_K = 36, G_L = 0.3;
    public static final double E_NA = 50, E_K = -77, E_L = -54.387;

    public double v = -65, m, h, n;

    public HodgkinHuxley() {
        m = steady(alphaM(v), betaM(v));
        h = steady(alphaH(v), betaH(v));
        n = steady(alphaN(v), betaN(v));
    }

    private static double steady(double a, double b) { return a / (a + b); }

    static double alphaM(double v) {
        double x = v + 40;
        return Math.abs(x) < 1e-7 ? 1.0 : 0.1 * x / (1 - FastMath.exp(-x / 10));
    }

    static double betaM(double v) { return 4 * FastMath.exp(-(v + 65) / 18); }

    static double alphaH(double v) { return 0.07 * FastMath.exp(-(v + 65) / 20); }

    static double betaH(double v) { return 1 / (1 + FastMath.exp(-(v + 35) / 10)); }

    static double alphaN(double v) {
        double x = v + 55;
        return Math.abs(x) < 1e-7 ? 0.1 : 0.01 * x / (1 - FastMath.exp(-x / 10));
    }

    static double betaN(double v) { return 0.125 * FastMath.exp(-(v + 65) / 80); }

    public double gNa() { return G_NA * m * m * m * h; }
    public double gK() { double n2 = n * n; return G_K * n2 * n2; }
    public double iNa() { return gNa() * (v - E_NA); }
    public double iK() { return gK() * (v - E_K); }
    public double iL() { return G_L * (v - E_L); }

    @Override public double voltage() { return v; }

    @Override public List<String> truthNames() { return List.of("I_Na_nA", "I_K_nA", "I_L_nA", "g_Na_uS", "g_K_uS"); }

    @Override
    public void truth(double[] out) {
        out[0] = iNa();
        out[1] = iK();
        out[2] = iL();
        out[3] = gNa();
        out[4] = gK();
    }

    /** One exponential-Euler step with injected current i (nA). */
    @Override
    public void step(double i, double dt) {
        double vOld = v;
        double gna = gNa(), gk = gK();
        double gTot = gna + gk + G_L;
        double vInf = (gna * E_NA + gk * E_K + G_L * E_L + i) / gTot;
        v = Gates.relax(vOld, vInf, C / gTot, dt);
        double am = alphaM(vOld), bm = betaM(vOld), ah = alphaH(vOld), bh = betaH(vOld), an = alphaN(vOld), bn = betaN(vOld);
        m = Gates.relax(m, am / (am + bm), 1 / (am + bm), dt);
        h = Gates.relax(h, ah / (ah + bh), 1 / (ah + bh), dt);
        n = Gates.relax(n, an / (an + bn), 1 / (an + bn), dt);
    }

    /** The steady-state currents at a held voltage (gates at m∞, h∞, n∞): {I_Na, I_K, I_L} in nA, the truth of an IV curve. */
    public static double[] steadyCurrents(double v) {
        double m = steady(alphaM(v), betaM(v)), h = steady(alphaH(v), betaH(v)), n = steady(alphaN(v), betaN(v));
        return new double[] {G_NA * m * m * m * h * (v - E_NA), G_K * n * n * n * n * (v - E_K), G_L * (v - E_L)};
    }

    /** The right-hand side of the ODE, d(v, m, h, n)/dt under injected current i (nA), for linear analysis of the truth. */
    public static double[] derivatives(double[] y, double i) {
        double v = y[0], m = y[1], h = y[2], n = y[3];
        double ion = G_NA * m * m * m * h * (v - E_NA) + G_K * n * n * n * n * (v - E_K) + G_L * (v - E_L);
        return new double[] {(i - ion) / C, alphaM(v) * (1 - m) - betaM(v) * m, alphaH(v) * (1 - h) - betaH(v) * h, alphaN(v) * (1 - n) - betaN(v) * n};
    }

    /** The state at rest at a held voltage: (v, m∞, h∞, n∞). */
    public static double[] steadyState(double v) {
        return new double[] {v, steady(alphaM(v), betaM(v)), steady(alphaH(v), betaH(v)), steady(alphaN(v), betaN(v))};
    }
}
