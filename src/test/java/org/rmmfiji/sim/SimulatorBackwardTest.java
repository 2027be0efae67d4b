package org.rmmfiji.sim;

import static org.rmmfiji.FiniteDifferences.assertClose;
import static org.rmmfiji.FiniteDifferences.central;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.CurrentSpec;
import org.rmmfiji.model.EdgeSpec;
import org.rmmfiji.model.FilterBankSpec;
import org.rmmfiji.model.ModelSpec;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.ParameterStore;

/**
 * Backpropagation through time against central differences (relative error ≤ 1e-6, double) on a small
 * two-neuron circuit with a measured input: every parameter, the initial voltages and the initial filter states,
 * for free run (γ = 0) and for GTF blending (γ = 0.3); plus the blending's limits. The difference step is 1e-3
 * (relative), not 1e-4 as for one edge: a shot's loss passes through many tanh evaluations, and a smaller step
 * lets their last-digit noise show (measured: 1e-4 gives relative errors up to 2e-6 scattered over unrelated
 * parameters, 1e-3 below 1e-7).
 */
class SimulatorBackwardTest {
    static final int LANES = 3, STEPS = 6;

    /**
     * A and B modelled, P a measured input; intrinsic lumped + leak on mixed banks (A also a gated current: sign-definite
     * gate nets), B→A a lumped synapse, P→A a lumped synapse plus a conductance-based one (a sign-definite activation net).
     */
    static Network circuit(long seed) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(List.of("A", "B"));
        s.inputs = new ArrayList<>(List.of("P"));
        FilterBankSpec mixed = new FilterBankSpec(List.of(new FilterBankSpec.BlockSpec("diagonal", new double[] {0.3, 2}),
                new FilterBankSpec.BlockSpec("gobf", new double[] {0.5, 1.5, 4})));
        String[] act = {"tanh", "tanh", "identity"};
        CurrentSpec gated = CurrentSpec.gated("K", new int[] {0, 2}, new double[] {-80, 20}, new int[] {1, 3}, new double[] {-80, 20},
                new int[] {3, 2}, 0.4, -80);
        gated.train_g = true;
        for (String n : List.of("A", "B"))
            s.edges.add(new EdgeSpec(n, n, mixed, n.equals("A") ? List.of(CurrentSpec.lumped("intrinsic", null, new int[] {4, 3, 1}, act),
                    CurrentSpec.leak(0.3, -50.0, true, true), gated) : List.of(CurrentSpec.lumped("intrinsic", null, new int[] {4, 3, 1}, act),
                    CurrentSpec.leak(0.3, -50.0, true, true))));
        s.edges.add(new EdgeSpec("B", "A", FilterBankSpec.gobf(new double[] {1, 3}), List.of(CurrentSpec.lumped("syn", null, new int[] {3, 1}, new String[] {"tanh", "identity"}))));
        s.edges.add(new EdgeSpec("A", "P", FilterBankSpec.diagonal(new double[] {1, 5}), List.of(CurrentSpec.lumped("syn", null, new int[] {3, 1}, new String[] {"tanh", "identity"}),
                CurrentSpec.synaptic("gsyn", null, 3, 0.05, new double[] {-70, -20}, true))));
        Network net = new Network(s, 0.1);
        net.initialise(new Rng(seed));
        for (var e : net.edges()) {
            int n = e.bank().size();
            double[] lo = new double[n], hi = new double[n];
            java.util.Arrays.fill(lo, -80);
            java.util.Arrays.fill(hi, 20);
            for (var c : e.currents()) c.setInputRanges(-80, 20, lo, hi);
        }
        return net;
    }

    /** Inputs of one shot: initial state, per-step currents, measured input voltage and data to blend toward. */
    static final class Shot {
        double[] v0, u[], vp[], data[], lossV[];
        double[][] x0, lossX;
    }

    static Shot shot(Network net, long seed) {
        Rng r = new Rng(seed);
        int m = net.modelledCount();
        Shot sh = new Shot();
        sh.v0 = new double[m * LANES];
        for (int q = 0; q < sh.v0.length; q++) sh.v0[q] = -50 + 10 * r.nextGaussian();
        sh.x0 = new double[net.edges().size()][];
        sh.lossX = new double[net.edges().size()][];
        for (int e = 0; e < sh.x0.length; e++) {
            int n = net.edges().get(e).bank().size() * LANES;
            sh.x0[e] = new double[n];
            sh.lossX[e] = new double[n];
            for (int q = 0; q < n; q++) { sh.x0[e][q] = -50 + 15 * r.nextGaussian(); sh.lossX[e][q] = r.nextGaussian(); }
        }
        sh.u = new double[STEPS][m * LANES];
        sh.vp = new double[STEPS][LANES];
        sh.data = new double[STEPS][m * LANES];
        sh.lossV = new double[STEPS + 1][m * LANES];
        for (int k = 0; k < STEPS; k++) {
            for (int q = 0; q < m * LANES; q++) { sh.u[k][q] = 2 * r.nextGaussian(); sh.data[k][q] = -50 + 10 * r.nextGaussian(); }
            for (int b = 0; b < LANES; b++) sh.vp[k][b] = -45 + 10 * r.nextGaussian();
        }
        for (double[] l : sh.lossV) for (int q = 0; q < l.length; q++) l[q] = r.nextGaussian();
        return sh;
    }

    /** L = Σ_k lossV[k]·(v̂[k] + 50) + lossX·(x[S] + 50) along the shot; records the tape when given. */
    static double loss(Network net, Simulator sim, Shot sh, double[] p, double gamma, Simulator.Tape tape) {
        int m = net.modelledCount();
        Simulator.State st = sim.newState();
        System.arraycopy(sh.v0, 0, st.v, 0, sh.v0.length);
        for (int e = 0; e < sh.x0.length; e++) System.arraycopy(sh.x0[e], 0, st.x[e], 0, sh.x0[e].length);
        if (tape != null) tape.clear();
        Simulator.Tape t = tape != null ? tape : sim.newTape(STEPS);
        double l = 0;
        for (int k = 0; k < STEPS; k++) {
            for (int q = 0; q < m * LANES; q++) l += sh.lossV[k][q] * (st.v[q] + 50);   // centred, so the sum stays small and differences keep their digits
            System.arraycopy(sh.vp[k], 0, st.v, m * LANES, LANES);
            sim.stepRecorded(st, p, sh.u[k], sh.data[k], gamma, t);
        }
        for (int q = 0; q < m * LANES; q++) l += sh.lossV[STEPS][q] * (st.v[q] + 50);
        for (int e = 0; e < sh.x0.length; e++) for (int q = 0; q < st.x[e].length; q++) l += sh.lossX[e][q] * (st.x[e][q] + 50);
        return l;
    }

    /** A copy of every row (backward overwrites the loss's derivatives it is given). */
    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) c[k] = a[k].clone();
        return c;
    }

    /** The circuit, its simulator, one shot and a tape, as the gradient tests use them. */
    static final class Fixture {
        final Network net = circuit(21);
        final Simulator sim = new Simulator(net, LANES);
        final Shot sh = shot(net, 22);
        final double[] p = net.parameters();
        final Simulator.Tape tape = sim.newTape(STEPS);

        /** Records the shot on the tape and backpropagates: the parameter gradient; dv and lam take the initial states'. */
        double[] gradient(double gamma, double[][] dv, double[][] lam) {
            loss(net, sim, sh, p, gamma, tape);
            double[] grad = new double[p.length];
            sim.backward(tape, p, dv, lam, grad);
            return grad;
        }
    }

    void check(double gamma) {
        Fixture f = new Fixture();
        Network net = f.net;
        Simulator sim = f.sim;
        Shot sh = f.sh;
        double[] p = f.p;
        double[][] dv = deepCopy(sh.lossV), lam = deepCopy(sh.lossX);
        double[] grad = f.gradient(gamma, dv, lam);
        for (ParameterStore.Block b : net.store().blocks())
            for (int k = b.offset(); k < b.offset() + b.size(); k++)
                assertClose(central(() -> loss(net, sim, sh, p, gamma, null), p, k, 1e-3), grad[k], b.name() + "[" + (k - b.offset()) + "]");
        for (int q = 0; q < sh.v0.length; q++)
            assertClose(central(() -> loss(net, sim, sh, p, gamma, null), sh.v0, q, 1e-3), dv[0][q], "v0[" + q + "]");
        for (int e = 0; e < sh.x0.length; e++)
            for (int q = 0; q < sh.x0[e].length; q++)
                assertClose(central(() -> loss(net, sim, sh, p, gamma, null), sh.x0[e], q, 1e-3), lam[e][q], "x0[" + e + "][" + q + "]");
    }

    /** The lane sums a tape keeps start from zero at every backward pass: the same shot twice gives the same gradient, bit for bit. */
    @Test
    void aSecondBackwardOnTheSameTapeGivesTheSameBits() {
        Fixture f = new Fixture();
        double[] first = f.gradient(0.3, deepCopy(f.sh.lossV), deepCopy(f.sh.lossX));
        double[] second = f.gradient(0.3, deepCopy(f.sh.lossV), deepCopy(f.sh.lossX));
        for (int k = 0; k < first.length; k++)
            assertEquals(Double.doubleToRawLongBits(first[k]), Double.doubleToRawLongBits(second[k]), "parameter " + k);
    }

    @Test void freeRunGradients() { check(0.0); }

    @Test void blendedGradients() { check(0.3); }

    @Test
    void gammaZeroIsFreeRunAndGammaOneFollowsTheData() {
        Network net = circuit(31);
        Simulator sim = new Simulator(net, LANES);
        Shot sh = shot(net, 32);
        double[] p = net.parameters();
        int m = net.modelledCount();
        Simulator.State a = sim.newState(), b = sim.newState(), c = sim.newState(), d = sim.newState();
        for (Simulator.State s : List.of(a, b, c, d)) {
            System.arraycopy(sh.v0, 0, s.v, 0, sh.v0.length);
            for (int e = 0; e < sh.x0.length; e++) System.arraycopy(sh.x0[e], 0, s.x[e], 0, sh.x0[e].length);
        }
        Simulator.Tape tape = sim.newTape(STEPS);
        for (int k = 0; k < STEPS; k++) {
            for (Simulator.State s : List.of(a, b, c, d)) System.arraycopy(sh.vp[k], 0, s.v, m * LANES, LANES);
            sim.step(a, p, sh.u[k], null);
            sim.stepRecorded(b, p, sh.u[k], sh.data[k], 0.0, tape);
            // γ = 1: the step starts from the data, whatever the state's voltage was
            System.arraycopy(sh.data[k], 0, d.v, 0, m * LANES);
            sim.stepRecorded(c, p, sh.u[k], sh.data[k], 1.0, sim.newTape(1));
            sim.step(d, p, sh.u[k], null);
        }
        assertArrayEquals(a.v, b.v, "γ = 0 is free run");
        for (int e = 0; e < a.x.length; e++) assertArrayEquals(a.x[e], b.x[e]);
        assertArrayEquals(d.v, c.v, "γ = 1 steps from the data");
        for (int e = 0; e < d.x.length; e++) assertArrayEquals(d.x[e], c.x[e]);
    }




}
