package org.rmmfiji.groundtruth;

import java.util.List;

import org.rmmfiji.math.FastMath;

/**
 * The regular-spiking pyramidal cell of Pospischil et al. (2008, Biol. Cybern. 99:427–441, "Minimal Hodgkin–Huxley
 * type models for different classes of cortical and thalamic neurons"): Traub–Miles Na and delayed-rectifier K with
 * threshold shift V_T, and a slow non-inactivating M-type K current (τ up to τ_max) that makes the firing rate adapt.
 * Parameters are those the paper fitted to an RS cell of rat somatosensory cortex in vitro (soma L = d = 61.4 µm,
 * g_leak 2.05·10⁻⁵ S/cm², E_leak −70.3 mV, g_Na 0.056, g_Kd 0.006, g_M 7.5·10⁻⁵ S/cm², τ_max 608 ms, V_T −56.2 mV),
 * with E_Na = 50 and E_K = −90 mV. Units: C in nF, g in µS, currents in nA (the cylinder's area converts the densities).
 * Exponential Euler: V relaxes towards V∞ with the old gates, then the gates relax with the old V.
 */
public final class PospischilRs implements SingleNeuron {
    public static final double AREA_CM2 = Math.PI * 61.4e-4 * 61.4e-4;       // cylinder side π·d·L
    static final double PER_MS_CM2 = AREA_CM2 * 1e3;                          // mS/cm² → µS
    public static final double C = 1.0 * PER_MS_CM2;                          // 1 µF/cm² → nF
    public static final double G_NA = 56 * PER_MS_CM2, G_KD = 6 * PER_MS_CM2, G_M = 0.075 * PER_MS_CM2, G_L = 0.0205 * PER_MS_CM2;
    public static final double E_NA = 50, E_K = -90, E_L = -70.3, V_T = -56.2, TAU_MAX = 608;

    public double v = -70.3, m, h, n, p;

    public PospischilRs() {
        m = alphaM(v) / (alphaM(v) + betaM(v));
        h = alphaH(v) / (alphaH(v) + betaH(v));
        n = alphaN(v) / (alphaN(v) + betaN(v));
        p = pInf(v);
    }

    /** x / (1 − exp(−x/s)) with its limit s at x = 0: the Traub–Miles rate shape. */
    private static double efun(double x, double s) {
        return Math.abs(x) < 1e-7 ? s : x / (1 - FastMath.exp(-x / s));
    }

    static double alphaM(double v) { return 0.32 * efun(v - V_T - 13, 4); }
    static double betaM(double v) { return 0.28 * efun(-(v - V_T - 40), 5); }
    static double alphaH(double v) { return 0.128 * FastMath.exp(-(v - V_T - 17) / 18); }
    static double betaH(double v) { return 4 / (1 + FastMath.exp(-(v - V_T - 40) / 5)); }
    static double alphaN(double v) { return 0.032 * efun(v - V_T - 15, 5); }
    static double betaN(double v) { return 0.5 * FastMath.exp(-(v - V_T - 10) / 40); }
    static double pInf(double v) { return 1 / (1 + FastMath.exp(-(v + 35) / 10)); }
    static double tauP(double v) { return TAU_MAX / (3.3 * FastMath.exp((v + 35) / 20) + FastMath.exp(-(v + 35) / 20)); }

    public double gNa() { return G_NA * m * m * m * h; }
    public double gKd() { double n2 = n * n; return G_KD * n2 * n2; }
    public double gM() { return G_M * p; }

    @Override public double voltage() { return v; }

    @Override
    public void step(double i, double dt) {
        double vOld = v;
        double gna = gNa(), gk = gKd(), gm = gM();
        double gTot = gna + gk + gm + G_L;
        v = Gates.relax(vOld, (gna * E_NA + (gk + gm) * E_K + G_L * E_L + i) / gTot, C / gTot, dt);
        double am = alphaM(vOld), bm = betaM(vOld), ah = alphaH(vOld), bh = betaH(vOld), an = alphaN(vOld), bn = betaN(vOld);
        m = Gates.relax(m, am / (am + bm), 1 / (am + bm), dt);
        h = Gates.relax(h, ah / (ah + bh), 1 / (ah + bh), dt);
        n = Gates.relax(n, an / (an + bn), 1 / (an + bn), dt);
        p = Gates.relax(p, pInf(vOld), tauP(vOld), dt);
    }

    @Override
    public List<String> truthNames() {
        return List.of("I_Na_nA", "I_Kd_nA", "I_M_nA", "I_L_nA", "g_Na_uS", "g_Kd_uS", "g_M_uS");
    }

    @Override
    public void truth(double[] out) {
        double gna = gNa(), gk = gKd(), gm = gM();
        out[0] = gna * (v - E_NA);
        out[1] = gk * (v - E_K);
        out[2] = gm * (v - E_K);
        out[3] = G_L * (v - E_L);
        out[4] = gna;
        out[5] = gk;
        out[6] = gm;
    }
}
