package org.rmmfiji.model;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.Rng;

/**
 * The authors' lumped current: I(v, x) = MLP(N([v; S x])) with tanh hidden layers, a linear readout without
 * bias by default, min–max input normalisation and Nguyen–Widrow initialisation.
 */
public final class LumpedCurrent implements Current {
    private final CurrentSpec spec;
    private final int[] states;
    private final boolean voltageInput;
    private final Mlp mlp;
    private final MinMaxNorm norm;

    public LumpedCurrent(CurrentSpec spec, int bankSize, ParameterStore store, String prefix) {
        this.spec = spec;
        states = FilterBank.select(spec.states, bankSize, "current '" + spec.name + "'");
        voltageInput = spec.voltage_input;
        int nIn = states.length + (voltageInput ? 1 : 0);
        if (nIn == 0) throw new InvalidInputException("current '" + spec.name + "' has no inputs");
        if (spec.layers == null || spec.layers.length == 0 || spec.layers[spec.layers.length - 1] != 1)
            throw new InvalidInputException("current '" + spec.name + "': layers must end with a single output unit");
        int L = spec.layers.length;
        int[] sizes = new int[L + 1];
        sizes[0] = nIn;
        System.arraycopy(spec.layers, 0, sizes, 1, L);
        Activation[] act = new Activation[L];
        boolean[] bias = new boolean[L];
        WeightSign[] signs = new WeightSign[L];
        double[] reg = new double[L];
        for (int l = 0; l < L; l++) {
            act[l] = spec.activations != null ? Activation.of(spec.activations[l]) : (l == L - 1 ? Activation.IDENTITY : Activation.TANH);
            bias[l] = l < L - 1 || spec.output_bias;
            signs[l] = WeightSign.FREE;
            reg[l] = spec.layer_reg_weights != null ? spec.layer_reg_weights[l] : 1.0;
        }
        mlp = new Mlp(store, prefix, sizes, act, bias, signs, reg);
        norm = new MinMaxNorm(nIn);
    }

    public Mlp mlp() { return mlp; }
    public int[] states() { return states.clone(); }
    public boolean voltageInput() { return voltageInput; }

    @Override public String name() { return spec.name; }
    @Override public CurrentSpec spec() { return spec; }

    private final class Ws implements Workspace {
        final Mlp.Workspace mlpWs;
        final double[] in;
        final double[] dIn;
        Ws(int maxT) {
            mlpWs = mlp.newWorkspace(maxT);
            in = new double[mlp.inputs() * maxT];
            dIn = new double[mlp.inputs() * maxT];
        }
    }

    @Override public Workspace newWorkspace(int maxT) { return new Ws(maxT); }

    @Override
    public void forEachNetwork(Workspace ws, java.util.function.Consumer<Mlp.Workspace> action) { action.accept(((Ws) ws).mlpWs); }

    @Override public void initialise(double[] p, Rng rng) { mlp.initNguyenWidrow(p, rng); }

    @Override public String whyNotScalable() { return mlp.canScaleOutput() ? null : "the output layer of '" + spec.name + "' is not linear"; }

    @Override public void scaleInitialCurrent(double[] p, double factor) { mlp.scaleOutput(p, factor); }

    @Override
    public void forward(Workspace w, double[] p, double[] v, double[] x, int T, double[] out) {
        Ws ws = (Ws) w;
        double[] in = ws.in;
        int k = 0;
        if (voltageInput) norm.apply(k++, v, 0, in, 0, T);
        for (int s = 0; s < states.length; s++, k++) norm.apply(k, x, states[s] * T, in, k * T, T);
        mlp.forward(ws.mlpWs, p, in, T);
        System.arraycopy(ws.mlpWs.output(), 0, out, 0, T);
    }

    @Override
    public void backward(Workspace w, double[] p, double[] v, double[] x, int T, double[] dOut, double[] grad, double[] dv, double[] dx) {
        Ws ws = (Ws) w;
        boolean needInput = dv != null || dx != null;
        double[] dIn = needInput ? ws.dIn : null;
        if (needInput) java.util.Arrays.fill(dIn, 0, mlp.inputs() * T, 0.0);
        mlp.backward(ws.mlpWs, p, ws.in, T, dOut, grad, dIn);
        if (!needInput) return;
        int k = 0;
        if (voltageInput) {
            if (dv != null) {
                double a = norm.scale[0];
                for (int t = 0; t < T; t++) dv[t] += a * dIn[t];
            }
            k = 1;
        }
        if (dx != null) {
            for (int s = 0; s < states.length; s++, k++) {
                double a = norm.scale[k];
                int xo = states[s] * T, io = k * T;
                for (int t = 0; t < T; t++) dx[xo + t] += a * dIn[io + t];
            }
        }
    }

    @Override
    public double regularization(double[] p, double[] grad, double scale) {
        return spec.reg_weight * mlp.regularization(p, grad, scale * spec.reg_weight);
    }

    @Override
    public void setInputRanges(double vMin, double vMax, double[] xMin, double[] xMax) {
        int k = 0;
        if (voltageInput) norm.set(k++, vMin, vMax);
        for (int s : states) norm.set(k++, xMin[s], xMax[s]);
    }

    @Override public double[] normalisation() { return norm.toArray(); }

    @Override public void setNormalisation(double[] values) { norm.fromArray(values); }
}
