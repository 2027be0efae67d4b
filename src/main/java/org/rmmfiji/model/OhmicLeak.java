package org.rmmfiji.model;

import org.rmmfiji.math.FastMath;
import org.rmmfiji.math.Rng;

/**
 * Ohmic leak I = g_L (v − E_L), g_L = softplus(raw) > 0 (µS, mV → nA). E_L starts at the spec's e0_mV; when that
 * is unset it starts at the median training voltage ({@link #initialiseFromData}), a robust stand-in for the
 * cell's subthreshold operating level that spikes (a few per cent of the samples) do not move.
 */
public final class OhmicLeak implements Current {
    private final CurrentSpec spec;
    private final ParameterStore.Block g;
    private final ParameterStore.Block e;

    public OhmicLeak(CurrentSpec spec, ParameterStore store, String prefix) {
        this.spec = spec;
        g = store.add(prefix + ".g", 1, spec.train_g);
        e = store.add(prefix + ".E", 1, spec.train_e);
    }

    @Override public String name() { return spec.name; }
    @Override public CurrentSpec spec() { return spec; }

    private static final Workspace NONE = new Workspace() {};

    @Override public Workspace newWorkspace(int maxT) { return NONE; }

    @Override
    public void initialise(double[] p, Rng rng) {
        p[g.offset()] = FastMath.softplusInverse(spec.g0_uS);
        p[e.offset()] = spec.e0_mV != null ? spec.e0_mV : 0.0;   // from data: set by initialiseFromData before training
    }

    @Override public String whyNotScalable() { return spec.train_g ? null : "the conductance of '" + spec.name + "' is fixed"; }

    @Override
    public void scaleInitialCurrent(double[] p, double factor) { FastMath.scaleSoftplus(p, g.offset(), 1, factor); }

    /** Description written into the spec when E0 comes from the data. */
    public static final String FROM_MEDIAN = "median of the training voltage";

    @Override
    public void initialiseFromData(double[] p, double medianVoltage) {
        if (spec.e0_mV != null) return;
        if (!Double.isFinite(medianVoltage)) throw new IllegalArgumentException("the median training voltage is " + medianVoltage);
        spec.e0_mV = medianVoltage;
        spec.e0_origin = FROM_MEDIAN;
        p[e.offset()] = medianVoltage;
    }

    public double conductance(double[] p) { return FastMath.softplus(p[g.offset()]); }
    public double reversal(double[] p) { return p[e.offset()]; }
    /** Where the raw conductance (softplus⁻¹ of g) and the reversal sit in the parameter vector. */
    public int conductanceOffset() { return g.offset(); }
    public int reversalOffset() { return e.offset(); }

    @Override
    public void forward(Workspace ws, double[] p, double[] v, double[] x, int T, double[] out) {
        double gl = conductance(p), el = p[e.offset()];
        for (int t = 0; t < T; t++) out[t] = gl * (v[t] - el);
    }

    @Override
    public void backward(Workspace ws, double[] p, double[] v, double[] x, int T, double[] dOut, double[] grad, double[] dv, double[] dx) {
        double raw = p[g.offset()];
        double gl = FastMath.softplus(raw), el = p[e.offset()];
        double sg = 0, se = 0;
        for (int t = 0; t < T; t++) {
            sg += dOut[t] * (v[t] - el);
            se += dOut[t];
        }
        grad[g.offset()] += sg * FastMath.sigmoid(raw);
        grad[e.offset()] -= se * gl;
        if (dv != null) for (int t = 0; t < T; t++) dv[t] += dOut[t] * gl;
    }

    @Override
    public double regularization(double[] p, double[] grad, double scale) {
        double r = 0;
        double w = spec.reg_weight;
        if (g.trainable()) {
            double raw = p[g.offset()], gl = FastMath.softplus(raw);
            r += gl * gl;
            if (grad != null) grad[g.offset()] += scale * w * 2 * gl * FastMath.sigmoid(raw);
        }
        if (spec.reg_e && e.trainable()) {
            if (spec.e0_mV == null) throw new IllegalStateException(spec.name + ": E0 is to come from the training data, but the network was not normalised on it");
            double d = p[e.offset()] - spec.e0_mV;
            r += d * d;
            if (grad != null) grad[e.offset()] += scale * w * 2 * d;
        }
        return w * r;
    }

    @Override public void setInputRanges(double vMin, double vMax, double[] xMin, double[] xMax) {}

    @Override public double[] normalisation() { return null; }

    @Override public void setNormalisation(double[] values) {}
}
