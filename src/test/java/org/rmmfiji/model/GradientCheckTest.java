package org.rmmfiji.model;

import static org.rmmfiji.FiniteDifferences.assertClose;
import static org.rmmfiji.FiniteDifferences.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.math.Rng;

/**
 * Hand-written gradients against central differences (relative error ≤ 1e-6 in double): every parameter
 * block, saturated units included, and the gradients with respect to voltage and filter states.
 */
class GradientCheckTest {
    static final int T = 7;

    /** A network with every kind of current: intrinsic lumped + leak, and a lumped synapse. */
    static Network lpPdNetwork(long seed) {
        ModelSpec spec = Presets.get(Presets.LP_PD).build(List.of("LP"), List.of("PD"));
        Network net = new Network(spec, 0.1);
        net.initialise(new Rng(seed));
        return net;
    }

    /** A scalar loss L = Σ_t w_t ψ(v_t, x_t) over one edge, with its analytic gradients. */
    static double loss(Edge edge, Edge.Workspace ws, double[] p, double[] v, double[] x, double[] w) {
        double[] psi = new double[T];
        edge.forward(ws, p, v, x, T, psi);
        double l = 0;
        for (int t = 0; t < T; t++) l += w[t] * psi[t];
        return l;
    }

    static void check(Network net, Edge edge, double[] v, double[] x) {
        Rng rng = new Rng(9);
        double[] p = net.parameters();
        double[] w = new double[T];
        for (int t = 0; t < T; t++) w[t] = rng.nextGaussian();
        Edge.Workspace ws = edge.newWorkspace(T);
        loss(edge, ws, p, v, x, w);
        double[] grad = new double[p.length], dv = new double[T], dx = new double[x.length];
        edge.backward(ws, p, v, x, T, w, grad, dv, dx);
        // every parameter this edge uses
        int checked = 0;
        for (ParameterStore.Block b : net.store().blocks()) {
            for (int k = b.offset(); k < b.offset() + b.size(); k++) {
                double numeric = central(() -> loss(edge, ws, p, v, x, w), p, k, 1e-4);
                assertClose(numeric, grad[k], "parameter " + b.name() + "[" + (k - b.offset()) + "]");
                checked++;
            }
        }
        assertTrue(checked > 0);
        for (int t = 0; t < T; t++) assertClose(central(() -> loss(edge, ws, p, v, x, w), v, t, 1e-4), dv[t], "dv[" + t + "]");
        for (int k = 0; k < x.length; k++) assertClose(central(() -> loss(edge, ws, p, v, x, w), x, k, 1e-4), dx[k], "dx[" + k + "]");
    }





    static double[] inputs(Rng rng, int n, double scale, double offset) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = offset + scale * rng.nextGaussian();
        return a;
    }

    @Test
    void intrinsicEdgeLumpedAndLeak() {
        Network net = lpPdNetwork(3);
        Edge e = net.edges().get(0);
        Rng rng = new Rng(4);
        e.currents().get(0).setInputRanges(-70, 30, inputs(rng, 36, 0, -80), inputs(rng, 36, 0, 40));
        check(net, e, inputs(rng, T, 20, -50), inputs(rng, 36 * T, 30, -40));
    }

    @Test
    void synapticEdge() {
        Network net = lpPdNetwork(5);
        Edge e = net.edges().get(1);
        Rng rng = new Rng(6);
        e.currents().get(0).setInputRanges(-70, 30, inputs(rng, 16, 0, -100), inputs(rng, 16, 0, 60));
        check(net, e, inputs(rng, T, 20, -50), inputs(rng, 16 * T, 30, -40));
    }

    /** The two-component conductance-based PD → LP synapse of lp-pd-syncond: ḡ, E, gate net, v and x. */
    @Test
    void conductanceBasedSynapse() {
        Network net = new Network(Presets.get(Presets.LP_PD_SYNCOND).build(List.of("LP"), List.of("PD")), 0.1);
        net.initialise(new Rng(21));
        Edge e = net.edges().get(1);
        assertTrue(e.currents().get(0) instanceof SynapticCurrent);
        int n = e.bank().size();
        Rng rng = new Rng(22);
        e.currents().get(0).setInputRanges(-70, 30, inputs(rng, n, 0, -70), inputs(rng, n, 0, 20));
        // move E away from its prior so the prior's gradient is not zero
        double[] p = net.parameters();
        ParameterStore.Block eb = net.store().block("LP<-PD.synapse.E");
        p[eb.offset()] = -66;
        p[eb.offset() + 1] = -81;
        check(net, e, inputs(rng, T, 20, -50), inputs(rng, n * T, 30, -30));
        // the regulariser with every term active, E near its priors (large terms would drown the differences in rounding)
        net.edges().get(1).currents().get(0).spec().sparsity = 0.7;
        net.edges().get(0).currents().get(1).initialiseFromData(p, -58);   // the leak's E0 from "the recording"
        p[net.store().block("LP<-LP.leak.E").offset()] = -57.5;
        p[eb.offset()] = -50.5;
        p[eb.offset() + 1] = -49.7;
        regularizerMatchesDifferences(net);
        double[] grad = new double[p.length];
        double pen = net.penalty(p, grad);
        assertTrue(pen > 0, "the sparsity penalty is on");
        for (int k = 0; k < p.length; k++) {
            final int kk = k;
            assertClose(central(() -> net.penalty(p, null), p, kk, 1e-4), grad[kk], "penalty d/dp[" + kk + "]");
        }
    }

    static void regularizerMatchesDifferences(Network net) {
        double[] p = net.parameters();
        double[] grad = new double[p.length];
        net.regularization(p, grad, 1.0);
        for (int k = 0; k < p.length; k++) {
            final int kk = k;
            assertClose(central(() -> net.regularization(p, null, 1.0), p, kk, 1e-4), grad[kk], "regularizer d/dp[" + kk + "]");
        }
    }

    @Test
    void saturatedUnitsStillHaveCorrectGradients() {
        Network net = lpPdNetwork(7);
        Edge e = net.edges().get(0);
        double[] p = net.parameters();
        // blow up the first-layer weights so many tanh units sit far in saturation
        ParameterStore.Block w1 = net.store().block("LP<-LP.intrinsic.W1");
        for (int k = w1.offset(); k < w1.offset() + w1.size(); k++) p[k] *= 8;
        Rng rng = new Rng(8);
        e.currents().get(0).setInputRanges(-70, 30, inputs(rng, 36, 0, -80), inputs(rng, 36, 0, 40));
        double[] v = inputs(rng, T, 40, -40), x = inputs(rng, 36 * T, 60, -40);
        check(net, e, v, x);
        // and confirm that saturation really happened in that tile
        LumpedCurrent lc = (LumpedCurrent) e.currents().get(0);
        Mlp.Workspace mws = lc.mlp().newWorkspace(T);
        double[] in = new double[lc.mlp().inputs() * T];
        for (int t = 0; t < T; t++) in[t] = 4 * (t - 3);
        for (int k = T; k < in.length; k++) in[k] = 3;
        lc.mlp().forward(mws, p, in, T);
        int saturated = 0;
        for (double a : mws.act[1]) if (Math.abs(a) > 0.999999) saturated++;
        assertTrue(saturated > 0, "no saturated unit");
    }

    @Test
    void signDefiniteLayersAndSigmoid() {
        ParameterStore store = new ParameterStore();
        Mlp mlp = new Mlp(store, "gate", new int[] {3, 5, 2}, new Activation[] {Activation.SIGMOID, Activation.IDENTITY},
                new boolean[] {true, false}, new WeightSign[] {WeightSign.NEGATIVE, WeightSign.POSITIVE}, new double[] {1.0, 0.5});
        double[] p = store.values();
        Rng rng = new Rng(11);
        mlp.initPositive(p, rng, 0);
        mlp.initPositive(p, rng, 1);
        double[] in = inputs(rng, 3 * T, 1, 0), w = inputs(rng, 2 * T, 1, 0);
        Mlp.Workspace ws = mlp.newWorkspace(T);
        org.rmmfiji.FiniteDifferences.Fn f = () -> {
            mlp.forward(ws, p, in, T);
            double l = 0;
            for (int k = 0; k < 2 * T; k++) l += w[k] * ws.output()[k];
            return l + 0.3 * mlp.regularization(p, null, 1);
        };
        f.eval();
        double[] grad = new double[p.length], dIn = new double[3 * T];
        mlp.backward(ws, p, in, T, w, grad, dIn);
        mlp.regularization(p, grad, 0.3);
        for (int k = 0; k < p.length; k++) assertClose(central(f, p, k, 1e-4), grad[k], "gate parameter " + k);
        for (int k = 0; k < in.length; k++) assertClose(central(f, in, k, 1e-4), dIn[k], "gate input " + k);
        // monotone: a negative first layer and positive readout make outputs fall as inputs rise
        double[] lo = new double[3 * T], hi = new double[3 * T];
        java.util.Arrays.fill(hi, 1.0);
        mlp.forward(ws, p, lo, T);
        double a = ws.output()[0];
        mlp.forward(ws, p, hi, T);
        assertTrue(ws.output()[0] < a, "inactivation-style gate must decrease");
    }

    @Test
    void regularizerGradient() {
        regularizerMatchesDifferences(lpPdNetwork(13));
    }
}
