package org.rmmfiji.groundtruth;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.math.FastMath;

/**
 * A Prinz et al. (2003) single-compartment STG neuron: Na, CaT, CaS, A, KCa, Kd, H, leak, with intracellular
 * calcium and a Nernst E_Ca (γ = 12.2 mV, [Ca]out = 3 mM). Exponential Euler as Prinz: V relaxes towards
 * V∞ with the previous gates, gates and calcium are then advanced with the old V.
 * Units: area 0.628·10⁻³ cm², so C = 0.628 nF, conductances in µS, currents in nA.
 */
public final class PrinzNeuron implements SingleNeuron {
    public static final double AREA_CM2 = 0.628e-3;
    public static final double C_NF = 1.0 * AREA_CM2 * 1e3;          // 1 µF/cm² → nF
    public static final double E_NA = 50, E_K = -80, E_H = -20, E_LEAK = -50;
    static final double CA_TAU = 200, CA_F = 14.96, CA_0 = 0.05, CA_OUT = 3000, NERNST = 12.2;

    /** Current names in the order of {@link #currents}. */
    public static final String[] CURRENTS = {"Na", "CaT", "CaS", "A", "KCa", "Kd", "H", "leak"};

    private final double[] g;   // µS, in CURRENTS order
    public double v = -65, ca = CA_0;
    double mNa, hNa, mCaT, hCaT, mCaS, hCaS, mA, hA, mKCa, mKd, mH;

    /** Densities in mS/cm² in the table's column order: Na, CaT, CaS, A, KCa, Kd, H, leak. */
    public PrinzNeuron(double[] densitiesMsPerCm2) {
        if (densitiesMsPerCm2.length != 8) throw new IllegalArgumentException("8 conductances expected");
        g = new double[8];
        for (int k = 0; k < 8; k++) g[k] = densitiesMsPerCm2[k] * AREA_CM2 * 1e3;   // mS/cm² × cm² = mS → µS
        double vv = v;
        mNa = mNaInf(vv); hNa = hNaInf(vv); mCaT = mCaTInf(vv); hCaT = hCaTInf(vv); mCaS = mCaSInf(vv); hCaS = hCaSInf(vv);
        mA = mAInf(vv); hA = hAInf(vv); mKCa = mKCaInf(vv, ca); mKd = mKdInf(vv); mH = mHInf(vv);
    }

    static double mNaInf(double v) { return Gates.sig(v, 25.5, -5.29); }
    static double hNaInf(double v) { return Gates.sig(v, 48.9, 5.18); }
    static double tmNa(double v) { return 2.64 - 2.52 * Gates.sig(v, 120, -25); }
    static double thNa(double v) { return 1.34 * Gates.sig(v, 62.9, -10) * (1.5 + Gates.sig(v, 34.9, 3.6)); }
    static double mCaTInf(double v) { return Gates.sig(v, 27.1, -7.2); }
    static double hCaTInf(double v) { return Gates.sig(v, 32.1, 5.5); }
    static double tmCaT(double v) { return 43.4 - 42.6 * Gates.sig(v, 68.1, -20.5); }
    static double thCaT(double v) { return 210 - 179.6 * Gates.sig(v, 55, -16.9); }
    static double mCaSInf(double v) { return Gates.sig(v, 33, -8.1); }
    static double hCaSInf(double v) { return Gates.sig(v, 60, 6.2); }
    static double tmCaS(double v) { return 2.8 + 14 / (FastMath.exp((v + 27) / 10) + FastMath.exp((v + 70) / -13)); }
    static double thCaS(double v) { return 120 + 300 / (FastMath.exp((v + 55) / 9) + FastMath.exp((v + 65) / -16)); }
    static double mAInf(double v) { return Gates.sig(v, 27.2, -8.7); }
    static double hAInf(double v) { return Gates.sig(v, 56.9, 4.9); }
    static double tmA(double v) { return 23.2 - 20.8 * Gates.sig(v, 32.9, -15.2); }
    static double thA(double v) { return 77.2 - 58.4 * Gates.sig(v, 38.9, -26.5); }
    static double mKCaInf(double v, double ca) { return ca / (ca + 3) * Gates.sig(v, 28.3, -12.6); }
    static double tmKCa(double v) { return 180.6 - 150.2 * Gates.sig(v, 46, -22.7); }
    static double mKdInf(double v) { return Gates.sig(v, 12.3, -11.8); }
    static double tmKd(double v) { return 14.4 - 12.8 * Gates.sig(v, 28.3, -19.2); }
    static double mHInf(double v) { return Gates.sig(v, 75, 5.5); }
    static double tmH(double v) { return 2 / (FastMath.exp((v + 169.7) / -11.6) + FastMath.exp((v - 26.7) / 14.3)); }

    public double eCa() { return NERNST * StrictMath.log(CA_OUT / Math.max(ca, 1e-6)); }

    private static double cube(double x) { return x * x * x; }

    /** Conductances (µS) at the present state, in CURRENTS order. */
    public void conductances(double[] out) {
        out[0] = g[0] * cube(mNa) * hNa;
        out[1] = g[1] * cube(mCaT) * hCaT;
        out[2] = g[2] * cube(mCaS) * hCaS;
        out[3] = g[3] * cube(mA) * hA;
        double m4 = mKCa * mKCa;
        out[4] = g[4] * m4 * m4;
        double d4 = mKd * mKd;
        out[5] = g[5] * d4 * d4;
        out[6] = g[6] * mH;
        out[7] = g[7];
    }

    /** Reversal potentials (mV) at the present state, in CURRENTS order. */
    public void reversals(double[] out) {
        double eca = eCa();
        out[0] = E_NA; out[1] = eca; out[2] = eca; out[3] = E_K; out[4] = E_K; out[5] = E_K; out[6] = E_H; out[7] = E_LEAK;
    }

    /** Ionic currents (nA, outward positive) at the present state, in CURRENTS order. */
    public void currents(double[] gScratch, double[] eScratch, double[] out) {
        conductances(gScratch);
        reversals(eScratch);
        for (int k = 0; k < 8; k++) out[k] = gScratch[k] * (v - eScratch[k]);
    }

    private final double[] gs = new double[8], es = new double[8], cur = new double[8];

    @Override public double voltage() { return v; }

    /** Alone (no synapses): the eight ionic currents, then the seven voltage-gated conductances (leak is constant). */
    @Override
    public List<String> truthNames() {
        List<String> names = new ArrayList<>();
        for (String c : CURRENTS) names.add("I_" + c + "_nA");
        for (int k = 0; k < 7; k++) names.add("g_" + CURRENTS[k] + "_uS");
        return names;
    }

    @Override
    public void truth(double[] out) {
        currents(gs, es, cur);
        System.arraycopy(cur, 0, out, 0, 8);
        System.arraycopy(gs, 0, out, 8, 7);
    }

    /** One step of the neuron alone, with {@code iExt} injected (nA). */
    @Override
    public void step(double iExt, double dt) { step(iExt, 0, 0, dt); }

    /**
     * One step: {@code iExt} injected (nA), plus synaptic input given as total conductance gSyn (µS) and
     * Σ g·E (µS·mV) of the synapses onto this cell, evaluated by the caller at the old voltages.
     */
    public void step(double iExt, double gSyn, double gESyn, double dt) {
        conductances(gs);
        reversals(es);
        double gTot = gSyn, gE = gESyn;
        for (int k = 0; k < 8; k++) { gTot += gs[k]; gE += gs[k] * es[k]; }
        double vOld = v;
        double vInf = (gE + iExt) / gTot;
        v = Gates.relax(vOld, vInf, C_NF / gTot, dt);
        double iCa = gs[1] * (vOld - es[1]) + gs[2] * (vOld - es[2]);
        double caInf = CA_0 - CA_F * iCa;
        double caOld = ca;
        ca = Gates.relax(ca, caInf, CA_TAU, dt);
        double vv = vOld;
        mNa = Gates.relax(mNa, mNaInf(vv), tmNa(vv), dt);
        hNa = Gates.relax(hNa, hNaInf(vv), thNa(vv), dt);
        mCaT = Gates.relax(mCaT, mCaTInf(vv), tmCaT(vv), dt);
        hCaT = Gates.relax(hCaT, hCaTInf(vv), thCaT(vv), dt);
        mCaS = Gates.relax(mCaS, mCaSInf(vv), tmCaS(vv), dt);
        hCaS = Gates.relax(hCaS, hCaSInf(vv), thCaS(vv), dt);
        mA = Gates.relax(mA, mAInf(vv), tmA(vv), dt);
        hA = Gates.relax(hA, hAInf(vv), thA(vv), dt);
        mKCa = Gates.relax(mKCa, mKCaInf(vv, caOld), tmKCa(vv), dt);
        mKd = Gates.relax(mKd, mKdInf(vv), tmKd(vv), dt);
        mH = Gates.relax(mH, mHInf(vv), tmH(vv), dt);
    }
}
