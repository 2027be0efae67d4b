package org.rmmfiji.model;

import org.rmmfiji.math.Rng;

/**
 * A membrane current ψ(v, x) of one edge: v is the postsynaptic voltage, x the states of the edge's filter
 * bank. Every current (lumped, leak, and later gated and synaptic ones) implements this one contract:
 * batched forward on tiles, gradients with respect to its parameters, to v and to x, a regulariser, and
 * input normalisation fitted from training data.
 *
 * <p>Tiles are feature-major: x holds state s of sample t at {@code x[s*T + t]}, with every state of the bank
 * present (a current selects the ones it uses).
 */
public interface Current {

    /** Per-thread scratch space, made by {@link #newWorkspace}. */
    interface Workspace {}

    String name();

    CurrentSpec spec();

    /**
     * The quantities this current can report along a run, by name; "current" (nA) is always first. Gated and
     * synaptic currents add "conductance" and their gates.
     */
    default java.util.List<String> outputs() { return java.util.List.of("current"); }

    Workspace newWorkspace(int maxT);

    /**
     * The workspaces of this current's networks inside {@code ws}, always in the same order, so that a caller can
     * defer their parameter gradients ({@link Mlp.Workspace#defer}). Default: a current without networks has none.
     */
    default void forEachNetwork(Workspace ws, java.util.function.Consumer<Mlp.Workspace> action) {}

    /** out[t] = output {@code index} of {@link #outputs()} (0 is the current, as {@link #forward}). */
    default void output(Workspace ws, double[] p, double[] v, double[] x, int T, int index, double[] out) {
        if (index != 0) throw new IllegalArgumentException(name() + " has no output " + index + "; its outputs are " + outputs());
        forward(ws, p, v, x, T, out);
    }

    /** Random (or prior) initial values of this current's parameters. */
    void initialise(double[] p, Rng rng);

    /** out[t] = ψ(v[t], x[·,t]) for t < T. */
    void forward(Workspace ws, double[] p, double[] v, double[] x, int T, double[] out);

    /**
     * After {@link #forward} on the same tile: adds dL/dθ into grad and, when not null, dL/dv into dv and dL/dx
     * into dx (both feature-major like the inputs), given dOut[t] = dL/dψ[t].
     */
    void backward(Workspace ws, double[] p, double[] v, double[] x, int T, double[] dOut, double[] grad, double[] dv, double[] dx);

    /** The regulariser R(θ) of this current; adds scale·dR/dθ into grad when grad is not null. */
    double regularization(double[] p, double[] grad, double scale);

    /**
     * A penalty with its own weight, added to the loss as it is (not multiplied by the L2 weight ρ as the regulariser
     * is), e.g. a synapse's sparsity; adds its gradient into grad when grad is not null. Default: none.
     */
    default double penalty(double[] p, double[] grad) { return 0; }

    /** Fits input normalisation from the training ranges of v and of every bank state. */
    void setInputRanges(double vMin, double vMax, double[] xMin, double[] xMax);

    /**
     * Sets what this current takes from the training data besides input ranges (e.g. a leak's reversal left
     * unset in the spec), given the median training voltage of the postsynaptic neuron. Default: nothing.
     */
    default void initialiseFromData(double[] p, double medianVoltage) {}

    /**
     * Why this current's initial amount cannot be scaled ({@link #scaleInitialCurrent}), e.g. a conductance the spec
     * fixes; null when it can.
     */
    String whyNotScalable();

    /**
     * Multiplies the current this freshly initialised current passes by {@code factor} (its readout layer, or its
     * conductance): when a neuron's 1/C starts from the recording's estimate instead of the spec's value, its currents
     * are scaled by the ratio, so that the ionic part of the model's initial dv/dt stays as it was and only the
     * injected current's gain is measured.
     */
    void scaleInitialCurrent(double[] p, double factor);

    /** The normalisation as numbers for the model file (null when the current has none). */
    double[] normalisation();

    void setNormalisation(double[] values);
}
