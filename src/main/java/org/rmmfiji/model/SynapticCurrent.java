package org.rmmfiji.model;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.FastMath;
import org.rmmfiji.math.Rng;

/**
 * A conductance-based synapse, I(v, x) = Σ_k ḡ_k · s_k(x) · (v − E_k): v is the postsynaptic voltage, x the
 * filtered presynaptic voltage, s_k in (0, 1) the activation of component k. The activation net has
 * positive-weight layers (softplus), sigmoid hidden units and a sigmoid output, so every s_k rises with the
 * filtered presynaptic voltage (diagonal banks: with its recent history) and is bounded by 1; the bound is what
 * pins the scale: without it any factor could move between ḡ_k and s_k. ḡ_k = softplus(raw) > 0 starts at
 * g0/K. E_k is fixed, or learned from its start with an optional L2 prior ‖E − E0‖². The regulariser adds
 * L2 of the gate weights and of ḡ; {@link #penalty} adds {@code sparsity}·Σḡ_k at its own weight, so that synapses the data
 * do not need shrink to zero.
 */
public final class SynapticCurrent implements Current {
    private final CurrentSpec spec;
    private final int[] states;
    private final int components;
    private final Mlp gates;
    private final MinMaxNorm norm;
    private final double[] dcGains;
    private final ParameterStore.Block g;
    private final ParameterStore.Block e;
    private final ParameterStore store;
    private final String prefix;

    public SynapticCurrent(CurrentSpec spec, FilterBank bank, ParameterStore store, String prefix) {
        this.spec = spec;
        this.store = store;
        this.prefix = prefix;
        String who = "synapse '" + spec.name + "'";
        states = FilterBank.select(spec.states, bank.size(), who);
        if (states.length == 0) throw new InvalidInputException(who + " has no inputs");
        if (spec.layers == null || spec.layers.length == 0)
            throw new InvalidInputException(who + ": layers must give the gate-net units, the last being the number of components");
        components = spec.layers[spec.layers.length - 1];
        if (components < 1) throw new InvalidInputException(who + ": the last layer (the number of components) must be at least 1, got " + components);
        for (FilterBank.Block b : bank.blocks())
            if (b.isGobf()) throw new InvalidInputException(who + ": a conductance-based synapse needs diagonal filters (GOBF states can fall as the voltage rises, "
                    + "so its gates would no longer rise with the presynaptic voltage history)");
        int L0 = spec.layers.length;
        if (spec.activations != null && spec.activations.length != L0)
            throw new InvalidInputException(who + ": activations has " + spec.activations.length + " entries for " + L0 + " layers");
        if (spec.layer_reg_weights != null && spec.layer_reg_weights.length != L0)
            throw new InvalidInputException(who + ": layer_reg_weights has " + spec.layer_reg_weights.length + " entries for " + L0 + " layers");
        if (spec.reversals_mV == null || spec.reversals_mV.length != components)
            throw new InvalidInputException(who + ": reversals_mV needs one reversal per component (" + components + "), got "
                    + (spec.reversals_mV == null ? "none" : String.valueOf(spec.reversals_mV.length)));
        for (double r : spec.reversals_mV)
            if (!Double.isFinite(r)) throw new InvalidInputException(who + ": a reversal potential is " + r);
        if (!(spec.g0_uS > 0)) throw new InvalidInputException(who + ": g0_uS must be positive, got " + spec.g0_uS);
        if (!(spec.sparsity >= 0)) throw new InvalidInputException(who + ": sparsity must be ≥ 0, got " + spec.sparsity);
        if (spec.norm_limits_mV != null && (spec.norm_limits_mV.length != 2 || !(spec.norm_limits_mV[1] > spec.norm_limits_mV[0])))
            throw new InvalidInputException(who + ": norm_limits_mV must be two voltages, low then high");
        int L = spec.layers.length;
        int[] sizes = new int[L + 1];
        sizes[0] = states.length;
        System.arraycopy(spec.layers, 0, sizes, 1, L);
        Activation[] act = new Activation[L];
        boolean[] bias = new boolean[L];
        WeightSign[] signs = new WeightSign[L];
        double[] reg = new double[L];
        for (int l = 0; l < L; l++) {
            act[l] = Activation.SIGMOID;
            if (spec.activations != null && !spec.activations[l].equals("sigmoid"))
                throw new InvalidInputException(who + ": gate layers are sigmoid (bounded, monotone), got '" + spec.activations[l] + "'");
            bias[l] = true;    // the output bias is what lets a gate close: positive weights alone keep s above ½
            signs[l] = WeightSign.POSITIVE;
            reg[l] = spec.layer_reg_weights != null ? spec.layer_reg_weights[l] : 1.0;
        }
        gates = new Mlp(store, prefix + ".gate", sizes, act, bias, signs, reg);
        norm = new MinMaxNorm(states.length);
        dcGains = bank.dcGains();
        g = store.add(prefix + ".g", components, spec.train_g);
        e = store.add(prefix + ".E", components, spec.train_e);
        e.setLearningRateScale(REVERSAL_LEARNING_RATE_SCALE);
    }

    /**
     * Adam moves a parameter by about one learning rate per step (3e-3), whatever its unit: for a reversal in mV that is
     * 30 mV in 10,000 steps, while the gate nets' weights (order 1) move as far in a few hundred. 300× the rate moves a
     * reversal ≈ 1 mV per step. Measured on pd-lp, multiple shooting from −50 mV: E −88.7 and −69.7 mV after 10 epochs
     * (truth −80 and −70); at 1× both stayed within 0.01 mV of −50 while the synapse shrank.
     */
    static final double REVERSAL_LEARNING_RATE_SCALE = 300;

    @Override public String name() { return spec.name; }
    @Override public CurrentSpec spec() { return spec; }
    public int components() { return components; }

    /** ḡ_k in µS. */
    public double conductance(double[] p, int k) { return FastMath.softplus(p[g.offset() + k]); }

    /** E_k in mV. */
    public double reversal(double[] p, int k) { return p[e.offset() + k]; }

    @Override
    public java.util.List<String> outputs() {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("current", "conductance"));
        for (int k = 1; k <= components; k++) out.add("activation_" + k);
        return out;
    }

    private final class Ws implements Workspace {
        final Mlp.Workspace mlpWs;
        final double[] in;
        final double[] dIn;
        final double[] dS;

        Ws(int maxT) {
            mlpWs = gates.newWorkspace(maxT);
            in = new double[states.length * maxT];
            dIn = new double[states.length * maxT];
            dS = new double[components * maxT];
        }
    }

    @Override public Workspace newWorkspace(int maxT) { return new Ws(maxT); }

    @Override
    public void forEachNetwork(Workspace ws, java.util.function.Consumer<Mlp.Workspace> action) { action.accept(((Ws) ws).mlpWs); }

    @Override public String whyNotScalable() { return spec.train_g ? null : "the conductance of '" + spec.name + "' is fixed"; }

    @Override
    public void scaleInitialCurrent(double[] p, double factor) { FastMath.scaleSoftplus(p, g.offset(), components, factor); }

    @Override
    public void initialise(double[] p, Rng rng) {
        for (int l = 0; l < gates.layers(); l++) gates.initPositive(p, rng, l);
        centreOutputs(p);
        for (int k = 0; k < components; k++) {
            p[g.offset() + k] = FastMath.softplusInverse(spec.g0_uS / components);
            p[e.offset() + k] = spec.reversals_mV[k];
        }
    }

    /**
     * Shifts each output bias so that a gate starts half open when its hidden units are: positive weights alone
     * would start every gate above ½ and make closing it the first thing training has to learn.
     */
    private void centreOutputs(double[] p) {
        int L = gates.layers();
        if (L < 2) return;
        int nIn = gates.sizes()[L - 1];
        ParameterStore.Block w = blockOf(".W" + L), b = blockOf(".b" + L);
        for (int k = 0; k < components; k++) {
            double sum = 0;
            for (int i = 0; i < nIn; i++) sum += FastMath.softplus(p[w.offset() + k * nIn + i]);
            p[b.offset() + k] = -0.5 * sum;
        }
    }

    private ParameterStore.Block blockOf(String suffix) { return store.block(prefix + ".gate" + suffix); }

    /** Evaluates the activations s (components × T) of the tile into the workspace's gate output. */
    private double[] activations(Ws ws, double[] p, double[] x, int T) {
        for (int s = 0; s < states.length; s++) norm.apply(s, x, states[s] * T, ws.in, s * T, T);
        gates.forward(ws.mlpWs, p, ws.in, T);
        return ws.mlpWs.output();
    }

    @Override
    public void forward(Workspace w, double[] p, double[] v, double[] x, int T, double[] out) {
        double[] s = activations((Ws) w, p, x, T);
        java.util.Arrays.fill(out, 0, T, 0.0);
        for (int k = 0; k < components; k++) {
            double gk = conductance(p, k), ek = reversal(p, k);
            int so = k * T;
            for (int t = 0; t < T; t++) out[t] += gk * s[so + t] * (v[t] - ek);
        }
    }

    /** Output {@code index} of {@link #outputs()}: 0 current (nA), 1 conductance Σḡ_k s_k (µS), 2+k activation s_k. */
    @Override
    public void output(Workspace w, double[] p, double[] v, double[] x, int T, int index, double[] out) {
        if (index == 0) { forward(w, p, v, x, T, out); return; }
        double[] s = activations((Ws) w, p, x, T);
        if (index >= 2) {
            System.arraycopy(s, (index - 2) * T, out, 0, T);
            return;
        }
        java.util.Arrays.fill(out, 0, T, 0.0);
        for (int k = 0; k < components; k++) {
            double gk = conductance(p, k);
            for (int t = 0; t < T; t++) out[t] += gk * s[k * T + t];
        }
    }

    @Override
    public void backward(Workspace w, double[] p, double[] v, double[] x, int T, double[] dOut, double[] grad, double[] dv, double[] dx) {
        Ws ws = (Ws) w;
        double[] s = ws.mlpWs.output();
        for (int k = 0; k < components; k++) {
            double raw = p[g.offset() + k], gk = FastMath.softplus(raw), ek = p[e.offset() + k];
            int so = k * T;
            double sg = 0, se = 0;
            for (int t = 0; t < T; t++) {
                double drive = v[t] - ek, d = dOut[t];
                sg += d * s[so + t] * drive;
                se += d * s[so + t];
                ws.dS[so + t] = d * gk * drive;
            }
            grad[g.offset() + k] += sg * FastMath.sigmoid(raw);
            grad[e.offset() + k] -= se * gk;
            if (dv != null) for (int t = 0; t < T; t++) dv[t] += dOut[t] * gk * s[so + t];
        }
        double[] dIn = dx != null ? ws.dIn : null;
        if (dIn != null) java.util.Arrays.fill(dIn, 0, states.length * T, 0.0);
        gates.backward(ws.mlpWs, p, ws.in, T, ws.dS, grad, dIn);
        if (dIn == null) return;
        for (int st = 0; st < states.length; st++) {
            double a = norm.scale[st];
            int xo = states[st] * T, io = st * T;
            for (int t = 0; t < T; t++) dx[xo + t] += a * dIn[io + t];
        }
    }

    @Override
    public double regularization(double[] p, double[] grad, double scale) {
        double wgt = spec.reg_weight;
        double r = gates.regularization(p, grad, scale * wgt);
        for (int k = 0; k < components; k++) {
            int o = g.offset() + k;
            double raw = p[o], gk = FastMath.softplus(raw);
            if (g.trainable()) {
                r += gk * gk;
                if (grad != null) grad[o] += scale * wgt * 2 * gk * FastMath.sigmoid(raw);
            }
            if (spec.reg_e && e.trainable()) {
                int oe = e.offset() + k;
                double d = p[oe] - spec.reversals_mV[k];
                r += d * d;
                if (grad != null) grad[oe] += scale * wgt * 2 * d;
            }
        }
        return wgt * r;
    }

    /** sparsity · Σḡ_k (µS), as the loss sees it: the weight is the user's, not scaled by the L2 weight. */
    @Override
    public double penalty(double[] p, double[] grad) {
        if (spec.sparsity == 0 || !g.trainable()) return 0;
        double r = 0;
        for (int k = 0; k < components; k++) {
            int o = g.offset() + k;
            r += spec.sparsity * FastMath.softplus(p[o]);
            if (grad != null) grad[o] += spec.sparsity * FastMath.sigmoid(p[o]);
        }
        return r;
    }

    @Override
    public void setInputRanges(double vMin, double vMax, double[] xMin, double[] xMax) {
        double[] lim = spec.norm_limits_mV;
        for (int i = 0; i < states.length; i++) {
            int st = states[i];
            if (lim != null) norm.set(i, lim[0] * dcGains[st], lim[1] * dcGains[st]);
            else norm.set(i, xMin[st], xMax[st]);
        }
    }

    @Override public double[] normalisation() { return norm.toArray(); }

    @Override public void setNormalisation(double[] values) { norm.fromArray(values); }
}
