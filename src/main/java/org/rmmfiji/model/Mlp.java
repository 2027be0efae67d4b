package org.rmmfiji.model;

import org.rmmfiji.math.Kernels;
import org.rmmfiji.math.Rng;

/**
 * A small fully connected network evaluated on feature-major tiles: an input tile holds feature i of sample t
 * at {@code in[i*T + t]}. The layers' affine maps, input gradients and weight gradients (the reductions over
 * samples that set the pace) run in {@link Kernels}, on the Vector API where the JVM has it, with the same bits.
 * Parameters live in a {@link ParameterStore}: per layer a weight block (row-major out × in) and an optional
 * bias block.
 */
public final class Mlp {
    private final int[] sizes;               // n0 (inputs) .. nL (outputs)
    private final Activation[] activations;  // per layer (L of them)
    private final WeightSign[] signs;
    private final double[] regWeights;       // per layer, multiplies ||W_eff||^2
    private final ParameterStore.Block[] weights;
    private final ParameterStore.Block[] biases; // null entries where a layer has no bias

    public Mlp(ParameterStore store, String prefix, int[] sizes, Activation[] activations, boolean[] bias,
               WeightSign[] signs, double[] regWeights) {
        int layers = sizes.length - 1;
        if (activations.length != layers || bias.length != layers || signs.length != layers || regWeights.length != layers)
            throw new IllegalArgumentException("per-layer settings must have " + layers + " entries");
        this.sizes = sizes.clone();
        this.activations = activations.clone();
        this.signs = signs.clone();
        this.regWeights = regWeights.clone();
        this.weights = new ParameterStore.Block[layers];
        this.biases = new ParameterStore.Block[layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = store.add(prefix + ".W" + (l + 1), sizes[l + 1] * sizes[l], true);
            if (bias[l]) biases[l] = store.add(prefix + ".b" + (l + 1), sizes[l + 1], true);
        }
    }

    public int inputs() { return sizes[0]; }
    public int outputs() { return sizes[sizes.length - 1]; }
    public int layers() { return sizes.length - 1; }

    /** True when the output is linear in the last layer's weights and bias: an identity layer with free-sign weights. */
    public boolean canScaleOutput() {
        int l = layers() - 1;
        return activations[l] == Activation.IDENTITY && signs[l] == WeightSign.FREE;
    }

    /** Multiplies the last layer's weights and bias by {@code factor}: the output scales by it ({@link #canScaleOutput}). */
    public void scaleOutput(double[] p, double factor) {
        if (!canScaleOutput()) throw new IllegalStateException("the output layer is not an identity layer with free-sign weights");
        int l = layers() - 1;
        for (ParameterStore.Block b : new ParameterStore.Block[] {weights[l], biases[l]})
            if (b != null) for (int k = b.offset(); k < b.offset() + b.size(); k++) p[k] *= factor;
    }
    public int[] sizes() { return sizes.clone(); }
    public Activation activation(int l) { return activations[l]; }
    public WeightSign sign(int l) { return signs[l]; }
    public double regWeight(int l) { return regWeights[l]; }
    public boolean hasBias(int l) { return biases[l] != null; }
    /** Where layer {@code l}'s weights (row-major, output by input) start in the parameter vector. */
    public int weightOffset(int l) { return weights[l].offset(); }
    /** Where layer {@code l}'s biases start in the parameter vector; −1 when it has none. */
    public int biasOffset(int l) { return biases[l] != null ? biases[l].offset() : -1; }

    /**
     * Nguyen–Widrow initialisation as the authors do it: rows of uniform(-1,1) weights normalised to unit
     * length, biases evenly spaced in [-1,1], both scaled by 0.7·n_out^(1/n_in) and into the activation's
     * range; a single-output layer gets a zero bias.
     */
    public void initNguyenWidrow(double[] p, Rng rng) {
        for (int l = 0; l < layers(); l++) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            double m = 0.7 * Math.pow(nOut, 1.0 / nIn);
            double range = activations[l].initRange();
            for (int o = 0; o < nOut; o++) {
                double[] row = new double[nIn];
                double norm = 0;
                for (int i = 0; i < nIn; i++) { row[i] = 2 * rng.nextDouble() - 1; norm += row[i] * row[i]; }
                norm = Math.sqrt(norm);
                for (int i = 0; i < nIn; i++) {
                    double w = range * m * row[i] / norm;
                    p[weights[l].offset() + o * nIn + i] = rawFor(l, w);
                }
                if (biases[l] != null) {
                    double b = nOut > 1 ? -1.0 + 2.0 * o / (nOut - 1) : 0.0;
                    p[biases[l].offset() + o] = range * m * b;
                }
            }
        }
    }

    /** The authors' positive-layer initialisation: 4/n_in · U(0.25, 0.75), biases spread over [-1, 1]. */
    public void initPositive(double[] p, Rng rng, int layer) {
        int nIn = sizes[layer], nOut = sizes[layer + 1];
        double range = activations[layer].initRange();
        for (int o = 0; o < nOut; o++) {
            for (int i = 0; i < nIn; i++) {
                double r = 0.5 + (rng.nextDouble() - 0.5) / 2;
                double w = (nOut > 1 || nIn > 1) ? 4.0 / nIn * r : r;
                p[weights[layer].offset() + o * nIn + i] = rawFor(layer, range * Math.abs(w) * (signs[layer] == WeightSign.NEGATIVE ? -1 : 1));
            }
            if (biases[layer] != null) {
                double b = nOut > 1 ? -1.0 + 2.0 * o / (nOut - 1) : 0.0;
                p[biases[layer].offset() + o] = range * b;
            }
        }
    }

    private double rawFor(int l, double effective) {
        if (signs[l] == WeightSign.FREE) return effective;
        double e = signs[l] == WeightSign.POSITIVE ? Math.max(effective, 1e-6) : Math.min(effective, -1e-6);
        return signs[l].raw(e);
    }

    /** Scratch space for one thread: activations per layer, deltas, effective weights. */
    public final class Workspace {
        final int maxT;
        final double[][] act;      // act[0] unused (the caller's input); act[l] = output of layer l
        final double[][] delta;
        /** Effective weights of sign-definite layers (null for free layers, whose raw weights are read in place). */
        final double[][] effW;
        /** The raw weights effW was made from (sign-definite layers): softplus costs more than the step it feeds. */
        final double[][] rawOfEffW;
        final boolean[] valid;
        /** How many times each sign-definite layer's effW was made: a transposed copy knows when it is out of date. */
        final int[] effVersion;
        /** Each layer's weight gradient of one tile, before the sign-constraint derivative. */
        final double[][] weightGrad;
        /**
         * For one sample at a time (a free run), made on first use: each layer's effective weights transposed and padded
         * ({@link Kernels#affineOne}); what they were made from: the raw weights of a free layer, the effW version of a
         * sign-definite one (0: not made yet).
         */
        double[][] transposed, rawOfTransposed;
        int[] transposedFrom;

        Workspace(int maxT) {
            this.maxT = maxT;
            int L = layers();
            act = new double[L + 1][];
            delta = new double[L + 1][];
            effW = new double[L][];
            for (int l = 1; l <= L; l++) {
                act[l] = new double[Math.max(sizes[l] * maxT, Kernels.paddedWidth(sizes[l]))];   // room for affineOne's padding
                delta[l] = new double[sizes[l] * maxT];
            }
            for (int l = 0; l < L; l++) if (signs[l] != WeightSign.FREE) effW[l] = new double[sizes[l + 1] * sizes[l]];
            rawOfEffW = new double[L][];
            for (int l = 0; l < L; l++) if (signs[l] != WeightSign.FREE) rawOfEffW[l] = new double[sizes[l + 1] * sizes[l]];
            valid = new boolean[L];
            effVersion = new int[L];
            weightGrad = new double[L][];       // made on first use: a deferring workspace (a shot's step) never needs them
        }

        /** Where {@link #backward} puts this workspace's parameter gradients instead of adding them up (null: add them up). */
        DeferredGradient deferred;

        /** The output tile (outputs × T) of the last forward pass. */
        public double[] output() { return act[layers()]; }

        /** The network this workspace belongs to. */
        public Mlp network() { return Mlp.this; }

        /**
         * From now on {@link #backward} on this workspace adds its parameter gradients as lane sums into {@code g}
         * (made by this network's {@link Mlp#newDeferredGradient}, and possibly shared with other workspaces of it), and
         * {@link DeferredGradient#flush} adds them into the gradient.
         */
        public void defer(DeferredGradient g) {
            if (g.network() != Mlp.this) throw new IllegalArgumentException("a deferred gradient of another network");
            deferred = g;
        }
    }

    /**
     * A network's parameter gradients kept as the eight lane sums of {@link Kernels#weightGradientLanes}, over many calls
     * of {@link #backward}, before the sign-constraint derivative: multiple shooting adds every step of a shot into one
     * and reduces it once ({@link #flush}), instead of reducing a step's few lanes per weight.
     */
    public final class DeferredGradient {
        final double[][] weightLanes = new double[layers()][], biasLanes = new double[layers()][];

        DeferredGradient() {
            for (int l = 0; l < layers(); l++) {
                weightLanes[l] = new double[sizes[l + 1] * sizes[l] * Kernels.LANES];
                if (biases[l] != null) biasLanes[l] = new double[sizes[l + 1] * Kernels.LANES];
            }
        }

        /** The network whose gradients these are. */
        Mlp network() { return Mlp.this; }

        /** Adds what was kept into {@code grad} (reduced, times the sign constraint's derivative at p) and starts again from zero. */
        public void flush(double[] p, double[] grad) {
            for (int l = 0; l < layers(); l++) {
                int wo = weights[l].offset();
                boolean free = signs[l] == WeightSign.FREE;
                double[] w = weightLanes[l];
                for (int k = 0; k < w.length / Kernels.LANES; k++) {
                    double g = Kernels.reduce(w, k * Kernels.LANES);
                    grad[wo + k] += free ? g : g * signs[l].derivative(p[wo + k]);
                }
                if (biasLanes[l] == null) continue;
                for (int o = 0; o < sizes[l + 1]; o++) grad[biases[l].offset() + o] += Kernels.reduce(biasLanes[l], o * Kernels.LANES);
            }
            clear();
        }

        /** Forgets what was kept without adding it anywhere. */
        public void clear() {
            for (int l = 0; l < layers(); l++) {
                java.util.Arrays.fill(weightLanes[l], 0.0);
                if (biasLanes[l] != null) java.util.Arrays.fill(biasLanes[l], 0.0);
            }
        }
    }

    public DeferredGradient newDeferredGradient() { return new DeferredGradient(); }

    public Workspace newWorkspace(int maxT) { return new Workspace(maxT); }

    /** Forward pass on a tile of T samples; the result is in {@code ws.output()}. */
    public void forward(Workspace ws, double[] p, double[] in, int T) {
        if (T == 1) {
            forwardOne(ws, p, in);
            return;
        }
        int L = layers();
        for (int l = 0; l < L; l++) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            double[] W = ws.effW[l];
            int wo = weights[l].offset(), wOff = 0;
            if (signs[l] == WeightSign.FREE) {
                W = p;        // the raw weights are the weights: read them in place (a free run calls this every step)
                wOff = wo;
            } else {
                refreshEffective(ws, p, l);
            }
            double[] x = l == 0 ? in : ws.act[l];
            double[] y = ws.act[l + 1];
            Kernels.get().affine(W, wOff, p, biases[l] != null ? biases[l].offset() : -1, x, nIn, nOut, T, y);
            activations[l].apply(y, 0, nOut * T);
        }
    }

    /** A sign-definite layer's effective weights, recomputed only when its raw weights changed (a free run calls every step). */
    private void refreshEffective(Workspace ws, double[] p, int l) {
        int wo = weights[l].offset(), n = sizes[l] * sizes[l + 1];
        if (ws.valid[l] && sameRaw(ws.rawOfEffW[l], p, wo)) return;
        for (int k = 0; k < n; k++) ws.effW[l][k] = signs[l].effective(p[wo + k]);
        System.arraycopy(p, wo, ws.rawOfEffW[l], 0, n);
        ws.valid[l] = true;
        ws.effVersion[l]++;
    }

    private static boolean sameRaw(double[] cached, double[] p, int offset) {
        return java.util.Arrays.equals(cached, 0, cached.length, p, offset, offset + cached.length);
    }

    /**
     * The forward pass of one sample, with the same bits as a tile's: a free run calls it every step, where the
     * outputs of a layer side by side in vector lanes pay and a tile's loops along samples do not.
     */
    private void forwardOne(Workspace ws, double[] p, double[] in) {
        int L = layers();
        if (ws.transposed == null) {
            ws.transposed = new double[L][];
            ws.rawOfTransposed = new double[L][];
            ws.transposedFrom = new int[L];
            for (int l = 0; l < L; l++) {
                ws.transposed[l] = new double[sizes[l] * Kernels.paddedWidth(sizes[l + 1])];
                if (signs[l] == WeightSign.FREE) ws.rawOfTransposed[l] = new double[sizes[l] * sizes[l + 1]];
            }
        }
        for (int l = 0; l < L; l++) {
            int nIn = sizes[l], nOut = sizes[l + 1], stride = Kernels.paddedWidth(nOut);
            int wo = weights[l].offset();
            double[] wT = ws.transposed[l];
            if (signs[l] == WeightSign.FREE) {
                double[] raw = ws.rawOfTransposed[l];
                if (ws.transposedFrom[l] == 0 || !sameRaw(raw, p, wo)) {      // the parameters changed since the last step
                    transpose(p, wo, nIn, nOut, stride, wT);
                    System.arraycopy(p, wo, raw, 0, nIn * nOut);
                    ws.transposedFrom[l] = 1;
                }
            } else {
                refreshEffective(ws, p, l);                                     // backward reads effW too
                if (ws.transposedFrom[l] != ws.effVersion[l]) {
                    transpose(ws.effW[l], 0, nIn, nOut, stride, wT);
                    ws.transposedFrom[l] = ws.effVersion[l];
                }
            }
            double[] x = l == 0 ? in : ws.act[l];
            double[] y = ws.act[l + 1];
            Kernels.get().affineOne(wT, stride, p, biases[l] != null ? biases[l].offset() : -1, x, nIn, nOut, y);
            activations[l].apply(y, 0, nOut);
        }
    }

    /** w (row-major nOut × nIn from {@code off}) into wT[i*stride + o], stride = {@link Kernels#paddedWidth}(nOut). */
    private static void transpose(double[] w, int off, int nIn, int nOut, int stride, double[] wT) {
        for (int o = 0; o < nOut; o++)
            for (int i = 0; i < nIn; i++) wT[i * stride + o] = w[off + o * nIn + i];
    }

    /**
     * Backward pass after {@link #forward}: {@code dOut} (outputs × T) is dLoss/dOutput. Adds dLoss/dparams into
     * {@code grad} (same layout as the store), or, on a workspace that {@link Workspace#defer defers}, into its lane
     * sums (grad untouched); and, when {@code dIn} is not null, dLoss/dInput into dIn (inputs × T).
     */
    public void backward(Workspace ws, double[] p, double[] in, int T, double[] dOut, double[] grad, double[] dIn) {
        int L = layers();
        double[] d = ws.delta[L];
        System.arraycopy(dOut, 0, d, 0, sizes[L] * T);
        for (int l = L - 1; l >= 0; l--) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            d = ws.delta[l + 1];
            activations[l].backprop(ws.act[l + 1], d, 0, nOut * T);
            double[] x = l == 0 ? in : ws.act[l];
            int wo = weights[l].offset();
            boolean free = signs[l] == WeightSign.FREE;
            double[] W = free ? p : ws.effW[l];
            if (ws.deferred != null) {
                Kernels.get().weightGradientLanes(d, x, nOut, nIn, T, ws.deferred.weightLanes[l]);
                if (biases[l] != null) for (int o = 0; o < nOut; o++) Kernels.get().sumLanes(d, o * T, T, ws.deferred.biasLanes[l], o * Kernels.LANES);
            } else {
                if (ws.weightGrad[l] == null) ws.weightGrad[l] = new double[nOut * nIn];
                double[] g = ws.weightGrad[l];
                Kernels.get().weightGradient(d, x, nOut, nIn, T, g);
                for (int o = 0; o < nOut; o++) {
                    if (biases[l] != null) grad[biases[l].offset() + o] += Kernels.sum(d, o * T, T);
                    for (int i = 0; i < nIn; i++) {
                        int k = o * nIn + i;
                        grad[wo + k] += free ? g[k] : g[k] * signs[l].derivative(p[wo + k]);
                    }
                }
            }
            double[] dPrev = l == 0 ? dIn : ws.delta[l];
            if (dPrev == null) continue;
            if (l > 0) java.util.Arrays.fill(dPrev, 0, nIn * T, 0.0);
            Kernels.get().backpropInput(W, free ? wo : 0, d, nOut, nIn, T, dPrev);
        }
    }

    /** Sum over layers of regWeight·||W_eff||²; adds scale·d/dparam into grad when grad is not null. */
    public double regularization(double[] p, double[] grad, double scale) {
        double r = 0;
        for (int l = 0; l < layers(); l++) {
            double rw = regWeights[l];
            if (rw == 0) continue;
            int wo = weights[l].offset(), n = weights[l].size();
            double s = 0;
            for (int k = 0; k < n; k++) {
                double raw = p[wo + k];
                double w = signs[l].effective(raw);
                s += w * w;
                if (grad != null) grad[wo + k] += scale * rw * 2 * w * signs[l].derivative(raw);
            }
            r += rw * s;
        }
        return r;
    }
}
