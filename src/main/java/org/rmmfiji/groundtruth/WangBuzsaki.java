package org.rmmfiji.groundtruth;

import java.util.List;

import org.rmmfiji.math.FastMath;

/**
 * The fast-spiking hippocampal interneuron of Wang &amp; Buzsáki (1996, J. Neurosci. 16:6402–6413): transient Na
 * with instantaneous activation m∞(V), a delayed rectifier K, a leak, and temperature factor φ = 5 on h and n.
 * It fires narrow spikes at rates up to several hundred Hz and starts firing at an arbitrarily low rate (type I).
 * Units: with a membrane area of 10⁻³ cm² (as {@link HodgkinHuxley}) the published densities read as C = 1 nF,
 * g in µS and currents in nA. Exponential Euler: V relaxes towards V∞ with the old gates, then h and n relax
 * with the old V.
 */
public final class WangBuzsaki implements SingleNeuron {
    public static final double C = 1.0, G_NA = 35, G_K = 9, G_L = 0.1;
    public static final double E_NA = 55, E_K = -90, E_L = -65, PHI = 5;

    public double v = -65, h, n;

    public WangBuzsaki() {
        h = alphaH(v) / (alphaH(v) + betaH(v));
        n = alphaN(v) / (alphaN(v) + betaN(v));
    }

    static double alphaM(double v) {
        double x = v + 35;
        return Math.abs(x) < 1e-7 ? 1.0 : 0.1 * x / (1 - FastMath.exp(-x / 10));
    }

    static double betaM(double v) { return 4 * FastMath.exp(-(v + 60) / 18); }

    static double alphaH(double v) { return 0.07 * FastMath.exp(-(v + 58) / 20); }

    static double betaH(double v) { return 1 / (1 + FastMath.exp(-(v + 28) / 10)); }

    static double alphaN(double v) {
        double x = v + 34;
        return Math.abs(x) < 1e-7 ? 0.1 : 0.01 * x / (1 - FastMath.exp(-x / 10));
    }

    static double betaN(double v) { return 0.125 * FastMath.exp(-(v + 44) / 80); }

    static double mInf(double v) { double a = alphaM(v); return a / (a + betaM(v)); }

    public double gNa() { double m = mInf(v); return G_NA * m * m * m * h; }
    public double gK() { double n2 = n * n; return G_K * n2 * n2; }

    @Override public double voltage() { return v; }

    @Override
    public void step(double i, double dt) {
        double vOld = v;
        double gna = gNa(), gk = gK();
        double gTot = gna + gk + G_L;
        v = Gates.relax(vOld, (gna * E_NA + gk * E_K + G_L * E_L + i) / gTot, C / gTot, dt);
        double ah = alphaH(vOld), bh = betaH(vOld), an = alphaN(vOld), bn = betaN(vOld);
        h = Gates.relax(h, ah / (ah + bh), 1 / (PHI * (ah + bh)), dt);
        n = Gates.relax(n, an / (an + bn), 1 / (PHI * (an + bn)), dt);
    }

    @Override public List<String> truthNames() { return List.of("I_Na_nA", "I_K_nA", "I_L_nA", "g_Na_uS", "g_K_uS"); }

    @Override
    public void truth(double[] out) {
        double gna = gNa(), gk = gK();
        out[0] = gna * (v - E_NA);
        out[1] = gk * (v - E_K);
        out[2] = G_L * (v - E_L);
        out[3] = gna;
        out[4] = gk;
    }
}
