package org.rmmfiji.model;

import org.rmmfiji.math.Kernels;

/** A per-input affine map z = a·u + b that takes the training range [min, max] onto [−1, 1]. */
final class MinMaxNorm {
    final double[] scale;
    final double[] offset;

    MinMaxNorm(int n) {
        scale = new double[n];
        offset = new double[n];
        java.util.Arrays.fill(scale, 1.0);
    }

    void set(int i, double min, double max) {
        double span = max - min;
        if (!(span > 1e-12)) {           // a constant input: centre it, keep unit scale
            scale[i] = 1.0;
            offset[i] = -min;
            return;
        }
        scale[i] = 2.0 / span;
        offset[i] = -1.0 - 2.0 * min / span;
    }

    /** Input i of T samples normalised: {@code out[oo + t] = scale_i·x[xo + t] + offset_i}. */
    void apply(int i, double[] x, int xo, double[] out, int oo, int T) {
        if (T == 1) out[oo] = scale[i] * x[xo] + offset[i];       // a free run's single sample: no kernel call per input
        else Kernels.get().scaleShift(x, xo, scale[i], offset[i], out, oo, T);
    }

    double[] toArray() {
        double[] out = new double[2 * scale.length];
        System.arraycopy(scale, 0, out, 0, scale.length);
        System.arraycopy(offset, 0, out, scale.length, scale.length);
        return out;
    }

    void fromArray(double[] a) {
        if (a == null || a.length != 2 * scale.length)
            throw new IllegalArgumentException("normalisation needs " + 2 * scale.length + " numbers");
        System.arraycopy(a, 0, scale, 0, scale.length);
        System.arraycopy(a, scale.length, offset, 0, scale.length);
    }
}
