package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.FastMath;
import org.rmmfiji.math.Rng;

/**
 * The authors' data-driven conductance-based current: I(v, x) = Σ_k ḡ_k · m_k(x_a) · h_k(x_h) · (v − E_k). x_a and
 * x_h are (usually different, faster and slower) subsets of the bank's states; the instantaneous voltage enters only
 * through the driving force. Each gate is a net of sign-definite layers, sigmoid hidden units and a linear readout
 * without bias:
 * <ul>
 * <li>activation m: layers (positive, positive), so m rises with every filtered voltage (opens on depolarisation);
 * with {@code activation_opens_on = "hyperpolarisation"} (the H current) layers (negative, positive), so it falls;</li>
 * <li>inactivation h: layers (negative, positive), so h falls as the filtered voltage rises.</li>
 * </ul>
 * A current has an activation, an inactivation or both (transient). The readout weights start summing to 1, so gates
 * start in [0, 1]; they stay ≥ 0 (positive weights on sigmoids) but are not bounded above, as the authors' are not.
 * ḡ_k = softplus(raw) starts at g0/K and is fixed or learned; E_k starts at E0 (+ σ·N(0,1) per component when
 * {@code reversal_spread_mV} is set) and is fixed or learned with an optional L2 prior toward E0.
 */
public final class GatedCurrent implements Current {
    public static final String OPENS_ON_DEPOLARISATION = "depolarisation";
    public static final String OPENS_ON_HYPERPOLARISATION = "hyperpolarisation";

    private final CurrentSpec spec;
    private final int components;
    private final Gate activation;     // null: no activation gate (m = 1)
    private final Gate inactivation;   // null: no inactivation gate (h = 1)
    private final ParameterStore.Block g;
    private final ParameterStore.Block e;
    private final ParameterStore store;
    private final double[] dcGains;

    /** One gate net on its states, with its own input normalisation. */
    private final class Gate {
        final int[] states;
        final Mlp net;
        final MinMaxNorm norm;
        final double[] limits;
        final String prefix;

        Gate(String prefix, int[] chosen, WeightSign firstSign, double[] limits, FilterBank bank, String who) {
            this.prefix = prefix;
            states = FilterBank.select(chosen, bank.size(), who);
            if (states.length == 0) throw new InvalidInputException(who + " has no filter states");
            if (limits != null && (limits.length != 2 || !(limits[1] > limits[0])))
                throw new InvalidInputException(who + ": its normalisation limits must be two voltages in mV, low then high; got " + java.util.Arrays.toString(limits));
            this.limits = limits;
            int L = spec.layers.length;
            int[] sizes = new int[L + 1];
            sizes[0] = states.length;
            System.arraycopy(spec.layers, 0, sizes, 1, L);
            Activation[] act = new Activation[L];
            boolean[] bias = new boolean[L];
            WeightSign[] signs = new WeightSign[L];
            double[] reg = new double[L];
            for (int l = 0; l < L; l++) {
                boolean out = l == L - 1;
                act[l] = out ? Activation.IDENTITY : Activation.SIGMOID;
                bias[l] = !out;    // no readout bias: a positive sum of sigmoids keeps the gate ≥ 0
                signs[l] = l == 0 ? firstSign : WeightSign.POSITIVE;
                reg[l] = spec.layer_reg_weights != null ? spec.layer_reg_weights[l] : 1.0;
            }
            net = new Mlp(store, prefix, sizes, act, bias, signs, reg);
            norm = new MinMaxNorm(states.length);
        }

        void initialise(double[] p, Rng rng) {
            int L = net.layers();
            for (int l = 0; l < L - 1; l++) net.initPositive(p, rng, l);
            // readout rows summing to 1 (the authors' maxOutput = 1): every gate starts in [0, 1]
            int nIn = net.sizes()[L - 1], nOut = net.outputs();
            ParameterStore.Block w = store.block(prefix + ".W" + L);
            for (int o = 0; o < nOut; o++) {
                double[] r = new double[nIn];
                double sum = 0;
                for (int i = 0; i < nIn; i++) { r[i] = 0.5 + rng.nextDouble(); sum += r[i]; }
                for (int i = 0; i < nIn; i++) p[w.offset() + o * nIn + i] = WeightSign.POSITIVE.raw(r[i] / sum);
            }
        }

        void setInputRanges(double[] xMin, double[] xMax, double[] dcGains) {
            for (int i = 0; i < states.length; i++) {
                int st = states[i];
                if (limits != null) norm.set(i, limits[0] * dcGains[st], limits[1] * dcGains[st]);
                else norm.set(i, xMin[st], xMax[st]);
            }
        }

        /** The gate values (components × T), left in the workspace's net output. */
        void forward(Mlp.Workspace ws, double[] in, double[] p, double[] x, int T) {
            for (int s = 0; s < states.length; s++) norm.apply(s, x, states[s] * T, in, s * T, T);
            net.forward(ws, p, in, T);
        }

        void backward(Mlp.Workspace ws, double[] in, double[] dIn, double[] p, int T, double[] dGate, double[] grad, double[] dx) {
            double[] d = dx != null ? dIn : null;
            if (d != null) java.util.Arrays.fill(d, 0, states.length * T, 0.0);
            net.backward(ws, p, in, T, dGate, grad, d);
            if (d == null) return;
            for (int s = 0; s < states.length; s++) {
                double a = norm.scale[s];
                int xo = states[s] * T, io = s * T;
                for (int t = 0; t < T; t++) dx[xo + t] += a * d[io + t];
            }
        }
    }

    public GatedCurrent(CurrentSpec spec, FilterBank bank, ParameterStore store, String prefix) {
        this.spec = spec;
        this.store = store;
        String who = "gated current '" + spec.name + "'";
        boolean hasAct = spec.activation_states != null, hasInact = spec.inactivation_states != null;
        if (!hasAct && !hasInact)
            throw new InvalidInputException(who + " has no filter states: give activation_states, inactivation_states or both (indices into the edge's bank of "
                    + bank.size() + " states)");
        if (spec.layers == null || spec.layers.length < 2)
            throw new InvalidInputException(who + ": layers must give the gate nets' hidden units and, last, the number of sub-conductances K, e.g. [20, 1]");
        for (int u : spec.layers) if (u < 1) throw new InvalidInputException(who + ": every layer needs at least one unit, got " + java.util.Arrays.toString(spec.layers));
        if (spec.layer_reg_weights != null && spec.layer_reg_weights.length != spec.layers.length)
            throw new InvalidInputException(who + ": layer_reg_weights has " + spec.layer_reg_weights.length + " entries for " + spec.layers.length + " layers");
        components = spec.layers[spec.layers.length - 1];
        if (!(spec.g0_uS > 0)) throw new InvalidInputException(who + ": its conductance g0_uS must be positive, got " + spec.g0_uS + " µS");
        if (spec.e0_mV == null || !Double.isFinite(spec.e0_mV)) throw new InvalidInputException(who + " needs a reversal potential e0_mV, got " + spec.e0_mV);
        if (!(spec.reversal_spread_mV >= 0)) throw new InvalidInputException(who + ": reversal_spread_mV must be ≥ 0, got " + spec.reversal_spread_mV);
        String opensOn = spec.activation_opens_on == null ? OPENS_ON_DEPOLARISATION : spec.activation_opens_on;
        if (!opensOn.equals(OPENS_ON_DEPOLARISATION) && !opensOn.equals(OPENS_ON_HYPERPOLARISATION))
            throw new InvalidInputException(who + ": activation_opens_on must be '" + OPENS_ON_DEPOLARISATION + "' or '" + OPENS_ON_HYPERPOLARISATION + "', got '" + opensOn + "'");
        WeightSign actSign = opensOn.equals(OPENS_ON_DEPOLARISATION) ? WeightSign.POSITIVE : WeightSign.NEGATIVE;
        activation = hasAct ? new Gate(prefix + ".act", spec.activation_states, actSign, spec.activation_norm_mV, bank, who + "'s activation") : null;
        inactivation = hasInact ? new Gate(prefix + ".inact", spec.inactivation_states, WeightSign.NEGATIVE, spec.inactivation_norm_mV, bank, who + "'s inactivation") : null;
        dcGains = bank.dcGains();
        g = store.add(prefix + ".g", components, spec.train_g);
        e = store.add(prefix + ".E", components, spec.train_e);
        e.setLearningRateScale(SynapticCurrent.REVERSAL_LEARNING_RATE_SCALE);
    }

    @Override public String name() { return spec.name; }
    @Override public CurrentSpec spec() { return spec; }
    public int components() { return components; }
    public boolean hasActivation() { return activation != null; }
    public boolean hasInactivation() { return inactivation != null; }

    /** ḡ_k in µS. */
    public double conductance(double[] p, int k) { return FastMath.softplus(p[g.offset() + k]); }

    /** E_k in mV. */
    public double reversal(double[] p, int k) { return p[e.offset() + k]; }

    /**
     * "current" (nA), "conductance" Σ_k ḡ_k m_k h_k (µS), then "activation" and "inactivation" where the current has
     * them: the ḡ-weighted mean over the K sub-conductances (the gate itself when K = 1).
     */
    @Override
    public List<String> outputs() {
        List<String> out = new ArrayList<>(List.of("current", "conductance"));
        if (activation != null) out.add("activation");
        if (inactivation != null) out.add("inactivation");
        return out;
    }

    private final class Ws implements Workspace {
        final Mlp.Workspace actWs, inactWs;
        final double[] actIn, actDIn, inactIn, inactDIn;
        final double[] dGate;

        Ws(int maxT) {
            actWs = activation != null ? activation.net.newWorkspace(maxT) : null;
            actIn = activation != null ? new double[activation.states.length * maxT] : null;
            actDIn = activation != null ? new double[activation.states.length * maxT] : null;
            inactWs = inactivation != null ? inactivation.net.newWorkspace(maxT) : null;
            inactIn = inactivation != null ? new double[inactivation.states.length * maxT] : null;
            inactDIn = inactivation != null ? new double[inactivation.states.length * maxT] : null;
            dGate = new double[components * maxT];
        }
    }

    @Override public Workspace newWorkspace(int maxT) { return new Ws(maxT); }

    @Override
    public void forEachNetwork(Workspace ws, java.util.function.Consumer<Mlp.Workspace> action) {
        Ws w = (Ws) ws;
        if (w.actWs != null) action.accept(w.actWs);
        if (w.inactWs != null) action.accept(w.inactWs);
    }

    @Override public String whyNotScalable() { return spec.train_g ? null : "the conductance of '" + spec.name + "' is fixed"; }

    @Override
    public void scaleInitialCurrent(double[] p, double factor) { FastMath.scaleSoftplus(p, g.offset(), components, factor); }

    @Override
    public void initialise(double[] p, Rng rng) {
        if (activation != null) activation.initialise(p, rng);
        if (inactivation != null) inactivation.initialise(p, rng);
        for (int k = 0; k < components; k++) {
            p[g.offset() + k] = FastMath.softplusInverse(spec.g0_uS / components);
            p[e.offset() + k] = spec.e0_mV + (spec.reversal_spread_mV > 0 ? spec.reversal_spread_mV * rng.nextGaussian() : 0);
        }
    }

    /** Evaluates both gates of the tile into the workspace (read them with {@link #m} and {@link #h}). */
    private void gates(Ws ws, double[] p, double[] x, int T) {
        if (activation != null) activation.forward(ws.actWs, ws.actIn, p, x, T);
        if (inactivation != null) inactivation.forward(ws.inactWs, ws.inactIn, p, x, T);
    }

    /** The activations of the last tile (components × T), null when the current has no activation gate. */
    private double[] m(Ws ws) { return activation != null ? ws.actWs.output() : null; }

    /** The inactivations of the last tile, null when the current has no inactivation gate. */
    private double[] h(Ws ws) { return inactivation != null ? ws.inactWs.output() : null; }

    @Override
    public void forward(Workspace w, double[] p, double[] v, double[] x, int T, double[] out) {
        Ws ws = (Ws) w;
        gates(ws, p, x, T);
        double[] m = m(ws), h = h(ws);
        java.util.Arrays.fill(out, 0, T, 0.0);
        for (int k = 0; k < components; k++) {
            double gk = conductance(p, k), ek = reversal(p, k);
            int o = k * T;
            for (int t = 0; t < T; t++) {
                double open = (m != null ? m[o + t] : 1) * (h != null ? h[o + t] : 1);
                out[t] += gk * open * (v[t] - ek);
            }
        }
    }

    @Override
    public void output(Workspace w, double[] p, double[] v, double[] x, int T, int index, double[] out) {
        String what = outputs().get(index);
        if (what.equals("current")) { forward(w, p, v, x, T, out); return; }
        Ws ws = (Ws) w;
        gates(ws, p, x, T);
        // conductance: Σ ḡ_k m_k h_k; a gate: Σ (ḡ_k / Σḡ) · gate_k, the ḡ-weighted mean
        double[] m = what.equals("inactivation") ? null : m(ws), h = what.equals("activation") ? null : h(ws);
        double gSum = 0;
        for (int k = 0; k < components; k++) gSum += conductance(p, k);
        java.util.Arrays.fill(out, 0, T, 0.0);
        for (int k = 0; k < components; k++) {
            double wk = what.equals("conductance") ? conductance(p, k) : conductance(p, k) / gSum;
            int o = k * T;
            for (int t = 0; t < T; t++) out[t] += wk * (m != null ? m[o + t] : 1) * (h != null ? h[o + t] : 1);
        }
    }

    @Override
    public void backward(Workspace w, double[] p, double[] v, double[] x, int T, double[] dOut, double[] grad, double[] dv, double[] dx) {
        Ws ws = (Ws) w;
        double[] m = m(ws), h = h(ws);
        for (int k = 0; k < components; k++) {
            double raw = p[g.offset() + k], gk = FastMath.softplus(raw), ek = p[e.offset() + k];
            int o = k * T;
            double sg = 0, se = 0;
            for (int t = 0; t < T; t++) {
                double open = (m != null ? m[o + t] : 1) * (h != null ? h[o + t] : 1);
                double d = dOut[t], drive = v[t] - ek;
                sg += d * open * drive;
                se += d * open;
                if (dv != null) dv[t] += d * gk * open;
            }
            grad[g.offset() + k] += sg * FastMath.sigmoid(raw);
            grad[e.offset() + k] -= se * gk;
        }
        if (activation != null) {
            for (int k = 0; k < components; k++) {
                double gk = conductance(p, k), ek = reversal(p, k);
                int o = k * T;
                for (int t = 0; t < T; t++) ws.dGate[o + t] = dOut[t] * gk * (h != null ? h[o + t] : 1) * (v[t] - ek);
            }
            activation.backward(ws.actWs, ws.actIn, ws.actDIn, p, T, ws.dGate, grad, dx);
        }
        if (inactivation != null) {
            for (int k = 0; k < components; k++) {
                double gk = conductance(p, k), ek = reversal(p, k);
                int o = k * T;
                for (int t = 0; t < T; t++) ws.dGate[o + t] = dOut[t] * gk * (m != null ? m[o + t] : 1) * (v[t] - ek);
            }
            inactivation.backward(ws.inactWs, ws.inactIn, ws.inactDIn, p, T, ws.dGate, grad, dx);
        }
    }

    /** L2 of both gate nets (per-layer weights), of a learned ḡ, and the prior ‖E − E0‖² when asked for. */
    @Override
    public double regularization(double[] p, double[] grad, double scale) {
        double wgt = spec.reg_weight, r = 0;
        if (activation != null) r += activation.net.regularization(p, grad, scale * wgt);
        if (inactivation != null) r += inactivation.net.regularization(p, grad, scale * wgt);
        for (int k = 0; k < components; k++) {
            if (g.trainable()) {
                int o = g.offset() + k;
                double gk = FastMath.softplus(p[o]);
                r += gk * gk;
                if (grad != null) grad[o] += scale * wgt * 2 * gk * FastMath.sigmoid(p[o]);
            }
            if (spec.reg_e && e.trainable()) {
                int o = e.offset() + k;
                double d = p[o] - spec.e0_mV;
                r += d * d;
                if (grad != null) grad[o] += scale * wgt * 2 * d;
            }
        }
        return wgt * r;
    }

    @Override
    public void setInputRanges(double vMin, double vMax, double[] xMin, double[] xMax) {
        if (activation != null) activation.setInputRanges(xMin, xMax, dcGains);
        if (inactivation != null) inactivation.setInputRanges(xMin, xMax, dcGains);
    }

    /** Activation's normalisation, then inactivation's. */
    @Override
    public double[] normalisation() {
        double[] a = activation != null ? activation.norm.toArray() : new double[0];
        double[] b = inactivation != null ? inactivation.norm.toArray() : new double[0];
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void setNormalisation(double[] values) {
        int na = activation != null ? 2 * activation.states.length : 0;
        int nb = inactivation != null ? 2 * inactivation.states.length : 0;
        if (values.length != na + nb)
            throw new InvalidInputException("gated current '" + spec.name + "': the model file has " + values.length + " normalisation numbers, expected " + (na + nb));
        if (activation != null) activation.norm.fromArray(java.util.Arrays.copyOfRange(values, 0, na));
        if (inactivation != null) inactivation.norm.fromArray(java.util.Arrays.copyOfRange(values, na, na + nb));
    }
}
