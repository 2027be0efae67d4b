package org.rmmfiji.groundtruth;

/**
 * One graded synapse of a circuit, as the truth states it: presynaptic and postsynaptic cell, kind, maximal
 * conductance, reversal potential and k₋ (Prinz et al. 2004 synapse, {@link GradedSynapse}). Two cells may be
 * joined by several components (AB/PD's glutamatergic and cholinergic pair); an absent connection has none.
 */
public final class CircuitSynapse {
    public static final String GLUTAMATERGIC = "glutamatergic", CHOLINERGIC = "cholinergic", EXCITATORY = "excitatory";

    public final String pre, post, type;
    public final double gNs, eMv, kMinusPerMs;

    public CircuitSynapse(String pre, String post, String type, double gNs, double eMv, double kMinusPerMs) {
        this.pre = pre;
        this.post = post;
        this.type = type;
        this.gNs = gNs;
        this.eMv = eMv;
        this.kMinusPerMs = kMinusPerMs;
    }

    /** Prinz's fast inhibitory synapse (AB, LP, PY): E −70 mV, k₋ 1/40 ms⁻¹. */
    public static CircuitSynapse glutamatergic(String pre, String post, double gNs) {
        return new CircuitSynapse(pre, post, GLUTAMATERGIC, gNs, -70, 1.0 / 40);
    }

    /** Prinz's slow inhibitory synapse (PD): E −80 mV, k₋ 1/100 ms⁻¹. */
    public static CircuitSynapse cholinergic(String pre, String post, double gNs) {
        return new CircuitSynapse(pre, post, CHOLINERGIC, gNs, -80, 1.0 / 100);
    }

    /** Not in Prinz's network: glutamatergic kinetics (k₋ 1/40 ms⁻¹) with an excitatory reversal of 0 mV. */
    public static CircuitSynapse excitatory(String pre, String post, double gNs) {
        return new CircuitSynapse(pre, post, EXCITATORY, gNs, 0, 1.0 / 40);
    }

    GradedSynapse build() { return new GradedSynapse(gNs, eMv, kMinusPerMs); }

    @Override public String toString() { return String.format(java.util.Locale.ROOT, "%s→%s %s %s nS, E %s mV", pre, post, type, gNs, eMv); }
}
