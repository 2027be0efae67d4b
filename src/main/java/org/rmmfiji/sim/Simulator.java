package org.rmmfiji.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Mlp;
import org.rmmfiji.model.Network;

/**
 * The single-step simulator every closed-loop use shares: free run, multiple shooting, generalized teacher
 * forcing and the real-time predictor. It advances {@code lanes} independent trajectories at once, takes the
 * parameter vector explicitly (as {@link Edge} and the currents do, so trainers can evaluate any vector), and
 * allocates nothing per step.
 *
 * <p>One step, with the voltages of modelled neurons first blended toward data by γ (γ = 0: free run):
 * <pre>ṽ_i = γ v̄_i + (1−γ) v̂_i,   v̂_i[k+1] = ṽ_i + δ c_i⁻¹ (u_i − Σ_j ψ_ij(ṽ_i, x_ij)),   x_ij[k+1] = A x_ij + B ṽ_j</pre>
 * Measured inputs (voltages j ≥ m) enter unblended.
 *
 * <p>Backpropagation through time ({@link #backward}) needs every step's inputs and the currents' forward
 * activations. They are <em>kept</em> per step in a {@link Tape} rather than recomputed: shots are short
 * (the authors' 30 steps), so the tape costs steps × lanes × units doubles (≈ 3 MB for a tile of 64 lanes of the
 * LP–PD model), while recomputing would add one more forward pass per step (≈ a third of the time).
 *
 * <p>Layout: voltage j of lane b at {@code v[j*lanes + b]} (modelled neurons first, then measured inputs);
 * filter state s of edge e, lane b at {@code x[e][s*lanes + b]}.
 */
public final class Simulator {
    private final Network net;
    private final int lanes;
    private final Edge.Workspace[] ws;
    private final double[] psi;
    private final double[] vPost;
    private final double[] vPre;
    private final double[][] pendingV;

    public Simulator(Network net, int lanes) {
        if (lanes < 1) throw new IllegalArgumentException("lanes must be at least 1, got " + lanes);
        this.net = net;
        this.lanes = lanes;
        ws = newWorkspaces();
        psi = new double[lanes];
        vPost = new double[lanes];
        vPre = new double[lanes];
        pendingV = new double[net.modelledCount()][lanes];
    }

    private Edge.Workspace[] newWorkspaces() {
        List<Edge> edges = net.edges();
        Edge.Workspace[] w = new Edge.Workspace[edges.size()];
        for (int e = 0; e < w.length; e++) w[e] = edges.get(e).newWorkspace(lanes);
        return w;
    }

    public Network network() { return net; }
    public int lanes() { return lanes; }

    /** The state of every lane. */
    public final class State {
        public final double[] v;
        public final double[][] x;

        State() {
            v = new double[net.voltageCount() * lanes];
            x = new double[net.edges().size()][];
            for (int e = 0; e < x.length; e++) x[e] = new double[net.edges().get(e).bank().size() * lanes];
        }

        public Simulator simulator() { return Simulator.this; }
    }

    public State newState() { return new State(); }

    /**
     * What one run of {@code capacity} steps recorded for {@link #backward}: per step the blended voltages,
     * the filter states, the drive u − ψ and the currents' activations.
     */
    public final class Tape {
        final double[][] v;
        final double[][][] x;
        final double[][] drive;
        final Edge.Workspace[][] ws;
        final double[] gamma;
        /**
         * The parameter gradients of every network of the model, kept as lane sums over the steps and reduced once by
         * {@link #backward}: each network's workspaces of all steps share one (a step has only the lanes as samples).
         */
        final List<Mlp.DeferredGradient> deferred = new ArrayList<>();
        int length;

        Tape(int capacity) {
            int m = net.modelledCount(), n = net.voltageCount(), edges = net.edges().size();
            v = new double[capacity][n * lanes];
            x = new double[capacity][edges][];
            drive = new double[capacity][m * lanes];
            ws = new Edge.Workspace[capacity][];
            gamma = new double[capacity];
            for (int k = 0; k < capacity; k++) {
                for (int e = 0; e < edges; e++) x[k][e] = new double[net.edges().get(e).bank().size() * lanes];
                ws[k] = newWorkspaces();
            }
            for (Mlp.Workspace w : networks(ws[0])) deferred.add(w.network().newDeferredGradient());
            for (int k = 0; k < capacity; k++) {      // the networks come in the same order at every step
                List<Mlp.Workspace> step = networks(ws[k]);
                for (int j = 0; j < step.size(); j++) step.get(j).defer(deferred.get(j));
            }
        }

        /** Forget the recorded steps (the storage is reused), and any gradient a {@link #backward} that did not finish left. */
        public void clear() {
            length = 0;
            for (Mlp.DeferredGradient g : deferred) g.clear();
        }
    }

    public Tape newTape(int steps) { return new Tape(steps); }

    /** The workspaces of every network of the model in one step's edge workspaces, edge after edge. */
    private List<Mlp.Workspace> networks(Edge.Workspace[] w) {
        List<Mlp.Workspace> out = new ArrayList<>();
        for (int e = 0; e < w.length; e++) net.edges().get(e).forEachNetwork(w[e], out::add);
        return out;
    }

    /**
     * One free-run step of every lane. Measured inputs (voltages j ≥ m) must already be in {@code s.v} for this
     * step; {@code u[i*lanes + b]} is the injected current of neuron i (nA), or null for none. When
     * {@code psiOut} is not null, the total current of neuron i at this step is written to
     * {@code psiOut[i*lanes + b]}.
     */
    public void step(State s, double[] p, double[] u, double[] psiOut) {
        advance(s, p, u, ws, psiOut, null);
    }

    /**
     * One step for training, with the modelled voltages first pulled toward {@code vData} (same layout as the modelled part
     * of {@code s.v}; unused when γ = 0), recorded on {@code tape} for {@link #backward}. After the call
     * {@code s.v} holds v̂[k+1].
     */
    public void stepRecorded(State s, double[] p, double[] u, double[] vData, double gamma, Tape tape) {
        int m = net.modelledCount();
        if (gamma != 0) {
            for (int q = 0; q < m * lanes; q++) s.v[q] = gamma * vData[q] + (1 - gamma) * s.v[q];
        }
        int k = tape.length++;
        tape.gamma[k] = gamma;
        System.arraycopy(s.v, 0, tape.v[k], 0, s.v.length);
        for (int e = 0; e < s.x.length; e++) System.arraycopy(s.x[e], 0, tape.x[k][e], 0, s.x[e].length);
        advance(s, p, u, tape.ws[k], null, tape.drive[k]);
    }

    private void advance(State s, double[] p, double[] u, Edge.Workspace[] w, double[] psiOut, double[] driveOut) {
        double dt = net.dt();
        int m = net.modelledCount();
        List<Edge> edges = net.edges();
        // 1. currents at the present state, and the new voltages of modelled neurons
        for (int i = 0; i < m; i++) {
            Arrays.fill(psi, 0.0);
            System.arraycopy(s.v, i * lanes, vPost, 0, lanes);
            for (int e = 0; e < edges.size(); e++) {
                Edge edge = edges.get(e);
                if (edge.post() != i) continue;
                edge.forward(w[e], p, vPost, s.x[e], lanes, psi);
            }
            if (psiOut != null) System.arraycopy(psi, 0, psiOut, i * lanes, lanes);
            double k = dt * net.inverseCapacitance(p, i);
            double[] next = pendingV[i];
            for (int b = 0; b < lanes; b++) {
                double drive = (u == null ? 0.0 : u[i * lanes + b]) - psi[b];
                if (driveOut != null) driveOut[i * lanes + b] = drive;
                next[b] = vPost[b] + k * drive;     // kept aside until every filter has seen v[k]
            }
        }
        // 2. filters advance with the voltages of step k
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            System.arraycopy(s.v, edge.pre() * lanes, vPre, 0, lanes);
            edge.bank().step(s.x[e], lanes, vPre);
        }
        // 3. commit the new modelled voltages
        for (int i = 0; i < m; i++) System.arraycopy(pendingV[i], 0, s.v, i * lanes, lanes);
    }

    /**
     * Backpropagation through the steps on the tape, last to first.
     *
     * @param dvHat in: dvHat[k][i*lanes + b] = ∂L/∂v̂_i[k] of the loss's direct dependence on the predicted
     *              voltage at step k, for k = 0 … tape length (the last entry is the voltage after the final step);
     *              out: the total derivatives, so that dvHat[0] is dL/dv̂[0] (the initial voltages)
     * @param lamX  in: lamX[e] = ∂L/∂x_e after the final step; out: dL/dx_e[0] (the initial filter states)
     * @param grad  dL/dθ is added into it
     */
    public void backward(Tape tape, double[] p, double[][] dvHat, double[][] lamX, double[] grad) {
        int m = net.modelledCount(), n = net.voltageCount();
        double dt = net.dt();
        List<Edge> edges = net.edges();
        double[] lamV = new double[n * lanes];        // dL/dṽ[k] (inputs: discarded)
        double[][] dx = new double[edges.size()][];
        for (int e = 0; e < dx.length; e++) dx[e] = new double[lamX[e].length];
        double[] dPsi = new double[lanes];
        double[] dvPost = new double[lanes];
        double[] dvPre = new double[lanes];
        for (int k = tape.length - 1; k >= 0; k--) {
            Arrays.fill(lamV, 0.0);
            double[] a = dvHat[k + 1];
            double[] vk = tape.v[k];
            // membrane equation: v̂[k+1] = ṽ[k] + δ c⁻¹ drive, drive = u − ψ(ṽ[k], x[k])
            for (int i = 0; i < m; i++) {
                double cinv = net.inverseCapacitance(p, i);
                double dCinv = 0;
                for (int b = 0; b < lanes; b++) {
                    double ab = a[i * lanes + b];
                    lamV[i * lanes + b] = ab;
                    dPsi[b] = -dt * cinv * ab;
                    dCinv += dt * ab * tape.drive[k][i * lanes + b];
                }
                net.addInverseCapacitanceGradient(p, grad, i, dCinv);
                System.arraycopy(vk, i * lanes, vPost, 0, lanes);
                Arrays.fill(dvPost, 0.0);
                for (int e = 0; e < edges.size(); e++) {
                    Edge edge = edges.get(e);
                    if (edge.post() != i) continue;
                    Arrays.fill(dx[e], 0.0);
                    edge.backward(tape.ws[k][e], p, vPost, tape.x[k][e], lanes, dPsi, grad, dvPost, dx[e]);
                }
                for (int b = 0; b < lanes; b++) lamV[i * lanes + b] += dvPost[b];
            }
            // filters: x[k+1] = A x[k] + B ṽ_pre[k]; then the currents' dependence on x[k]
            for (int e = 0; e < edges.size(); e++) {
                Edge edge = edges.get(e);
                Arrays.fill(dvPre, 0.0);
                edge.bank().stepAdjoint(lamX[e], lanes, dvPre);
                double[] d = dx[e], l = lamX[e];
                for (int q = 0; q < l.length; q++) l[q] += d[q];
                int j = edge.pre();
                if (j < m) for (int b = 0; b < lanes; b++) lamV[j * lanes + b] += dvPre[b];
            }
            // blending: ṽ = γ v̄ + (1−γ) v̂
            double keep = 1 - tape.gamma[k];
            double[] out = dvHat[k];
            for (int q = 0; q < m * lanes; q++) out[q] += keep * lamV[q];
        }
        for (Mlp.DeferredGradient g : tape.deferred) g.flush(p, grad);
    }

    /** Evaluates output {@code outputIndex} (see {@code Current.outputs()}) of one current for every lane at the present state. */
    public void output(State s, double[] p, int edgeIndex, int currentIndex, int outputIndex, double[] out) {
        Edge edge = net.edges().get(edgeIndex);
        System.arraycopy(s.v, edge.post() * lanes, vPost, 0, lanes);
        edge.forwardOutput(ws[edgeIndex], currentIndex, outputIndex, p, vPost, s.x[edgeIndex], lanes, out);
    }
}
