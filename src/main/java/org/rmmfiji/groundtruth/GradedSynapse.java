package org.rmmfiji.groundtruth;

import org.rmmfiji.math.FastMath;

/**
 * A Prinz et al. (2004) graded chemical synapse: I = g s (V_post − E_s), ds/dt = (s∞(V_pre) − s)/τ_s,
 * s∞ = 1/(1 + exp((V_th − V_pre)/Δ)), τ_s = (1 − s∞)/k₋, V_th = −35 mV, Δ = 5 mV. Exponential Euler
 * (exact for fixed V_pre; τ_s → 0 gives s = s∞, no division by zero).
 */
public final class GradedSynapse {
    /** Glutamatergic (AB, LP, PY): E = −70 mV, k₋ = 1/40 ms⁻¹. */
    public static GradedSynapse glutamatergic(double gNs) { return new GradedSynapse(gNs, -70, 1.0 / 40); }

    /** Cholinergic (PD): E = −80 mV, k₋ = 1/100 ms⁻¹. */
    public static GradedSynapse cholinergic(double gNs) { return new GradedSynapse(gNs, -80, 1.0 / 100); }

    public final double gUs;
    public final double e;
    private final double kMinus;
    public double s;

    public GradedSynapse(double gNs, double eMv, double kMinus) {
        this.gUs = gNs * 1e-3;
        this.e = eMv;
        this.kMinus = kMinus;
    }

    public double conductance() { return gUs * s; }

    public double current(double vPost) { return gUs * s * (vPost - e); }

    public void step(double vPre, double dt) {
        double sInf = 1.0 / (1.0 + FastMath.exp((-35 - vPre) / 5));
        double tau = (1 - sInf) / kMinus;
        s = tau <= 0 ? sInf : Gates.relax(s, sInf, tau, dt);
    }
}
