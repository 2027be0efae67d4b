package org.rmmfiji.train;

import org.rmmfiji.model.ParameterStore;

/** Adam (Kingma & Ba) with bias correction, ε = 1e-8 as in Flux; one moment pair per parameter. */
final class Adam {
    private final double lr, b1, b2, eps = 1e-8;
    private final double[] m, v;
    private final boolean[] trainable;
    private final double[] lrScale;
    private long t;

    Adam(ParameterStore store, double lr, double b1, double b2) {
        this.lr = lr;
        this.b1 = b1;
        this.b2 = b2;
        int n = store.size();
        m = new double[n];
        v = new double[n];
        trainable = store.trainableMask();
        lrScale = new double[n];
        for (ParameterStore.Block b : store.blocks())
            java.util.Arrays.fill(lrScale, b.offset(), b.offset() + b.size(), b.learningRateScale());
    }

    /** Adam over a plain vector of n trainable values (the per-shot initial states). */
    Adam(int n, double lr, double b1, double b2) {
        this.lr = lr;
        this.b1 = b1;
        this.b2 = b2;
        m = new double[n];
        v = new double[n];
        trainable = new boolean[n];
        java.util.Arrays.fill(trainable, true);
        lrScale = new double[n];
        java.util.Arrays.fill(lrScale, 1.0);
    }

    /**
     * One step on the slice [from, to) only, with bias correction for its own step count {@code steps}: the
     * initial states of a mini-batch's shots are updated once per epoch, when their mini-batch comes.
     */
    void stepSlice(double[] p, double[] g, int from, int to, long steps) {
        double c1 = 1 - Math.pow(b1, steps), c2 = 1 - Math.pow(b2, steps);
        for (int k = from; k < to; k++) {
            double gk = g[k];
            m[k] = b1 * m[k] + (1 - b1) * gk;
            v[k] = b2 * v[k] + (1 - b2) * gk * gk;
            p[k] -= lr * lrScale[k] * (m[k] / c1) / (Math.sqrt(v[k] / c2) + eps);
        }
    }

    void step(double[] p, double[] g) {
        t++;
        double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
        for (int k = 0; k < p.length; k++) {
            if (!trainable[k]) continue;
            double gk = g[k];
            m[k] = b1 * m[k] + (1 - b1) * gk;
            v[k] = b2 * v[k] + (1 - b2) * gk * gk;
            double mh = m[k] / c1, vh = v[k] / c2;
            p[k] -= lr * lrScale[k] * mh / (Math.sqrt(vh) + eps);
        }
    }
}
