package org.rmmfiji.model;

import org.rmmfiji.math.FastMath;
import org.rmmfiji.math.Kernels;

/**
 * Activation functions of MLP layers, named as in the model file. A name stands for one numeric definition
 * ({@code tanh} is {@link FastMath#tanh}, {@code sigmoid} is {@link FastMath#sigmoid}): model files must predict
 * the same bits in every version, so a changed formula needs a new name. Derivatives are taken from the output.
 */
public enum Activation {
    TANH("tanh"), SIGMOID("sigmoid"), IDENTITY("identity");

    private final String id;

    Activation(String id) { this.id = id; }

    public String id() { return id; }

    public static Activation of(String id) {
        for (Activation a : values()) if (a.id.equals(id)) return a;
        throw new IllegalArgumentException("unknown activation '" + id + "' (expected tanh, sigmoid or identity)");
    }

    /** Applies the activation in place to a[from, to). */
    void apply(double[] a, int from, int to) {
        switch (this) {
            case TANH: Kernels.get().tanh(a, from, to); break;
            case SIGMOID: Kernels.get().sigmoid(a, from, to); break;
            default: break;
        }
    }

    /** Multiplies d[from,to) by the derivative, given the outputs y. */
    void backprop(double[] y, double[] d, int from, int to) {
        switch (this) {
            case TANH: for (int i = from; i < to; i++) { double v = y[i]; d[i] *= 1.0 - v * v; } break;
            case SIGMOID: for (int i = from; i < to; i++) { double v = y[i]; d[i] *= v * (1.0 - v); } break;
            default: break;
        }
    }

    /** The half-range the Nguyen–Widrow initialisation scales pre-activations into (authors' scalepars). */
    double initRange() {
        switch (this) {
            case TANH: return 2.0;
            case SIGMOID: return 4.0;
            default: return 1.0;
        }
    }
}
