package org.rmmfiji.groundtruth;

import java.util.List;

/**
 * A single-compartment model neuron driven by an injected current, as the one-neuron datasets use it: a
 * voltage an experimenter would record, one integration step, and the hidden truth (ionic currents and
 * conductances) a simulation alone knows.
 */
public interface SingleNeuron {
    /** Membrane voltage (mV). */
    double voltage();

    /** One exponential-Euler step of {@code dtMs} with the injected current {@code iNa} (nA) held. */
    void step(double iNa, double dtMs);

    /** Truth column names with their units ({@code I_Na_nA}, {@code g_Na_uS}, …), in {@link #truth} order. */
    List<String> truthNames();

    /** The truth at the present state, into {@code out} (length {@code truthNames().size()}). */
    void truth(double[] out);
}
