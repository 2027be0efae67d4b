package org.rmmfiji.sim;

import java.util.List;

import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;

/**
 * The single-step simulator every closed-loop use shares (free run now; multiple shooting, generalized
 * teacher forcing and the real-time predictor later). It advances {@code lanes} independent trajectories at
 * once and allocates nothing per step.
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

    public Simulator(Network net, int lanes) {
        this.net = net;
        this.lanes = lanes;
        List<Edge> edges = net.edges();
        ws = new Edge.Workspace[edges.size()];
        for (int e = 0; e < ws.length; e++) ws[e] = edges.get(e).newWorkspace(lanes);
        psi = new double[lanes];
        vPost = new double[lanes];
        vPre = new double[lanes];
        pendingV = new double[net.modelledCount()][lanes];
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
     * One forward-Euler step of every lane. Measured inputs (voltages j ≥ m) must already be in {@code s.v}
     * for this step; {@code u[i*lanes + b]} is the injected current of neuron i (nA), or null for none.
     * When {@code psiOut} is not null, the total current of neuron i at this step is written to
     * {@code psiOut[i*lanes + b]}.
     */
    public void step(State s, double[] u, double[] psiOut) {
        double[] p = net.parameters();
        double dt = net.dt();
        int m = net.modelledCount();
        List<Edge> edges = net.edges();
        // 1. currents at the present state, and the new voltages of modelled neurons
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(psi, 0.0);
            System.arraycopy(s.v, i * lanes, vPost, 0, lanes);
            for (int e = 0; e < edges.size(); e++) {
                Edge edge = edges.get(e);
                if (edge.post() != i) continue;
                edge.forward(ws[e], p, vPost, s.x[e], lanes, psi);
            }
            if (psiOut != null) System.arraycopy(psi, 0, psiOut, i * lanes, lanes);
            double k = dt * net.inverseCapacitance(p, i);
            for (int b = 0; b < lanes; b++) {
                double ui = u == null ? 0.0 : u[i * lanes + b];
                psi[b] = vPost[b] + k * (ui - psi[b]);      // psi now holds v_i[k+1]
            }
            // keep v_i[k+1] aside until every filter has seen v[k]
            System.arraycopy(psi, 0, pending(i), 0, lanes);
        }
        // 2. filters advance with the voltages of step k
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            System.arraycopy(s.v, edge.pre() * lanes, vPre, 0, lanes);
            edge.bank().step(s.x[e], lanes, vPre);
        }
        // 3. commit the new modelled voltages
        for (int i = 0; i < m; i++) System.arraycopy(pending(i), 0, s.v, i * lanes, lanes);
    }

    private final double[][] pendingV;

    private double[] pending(int i) { return pendingV[i]; }

    /** Evaluates one current of one edge for every lane at the present state (no step taken). */
    public void current(State s, int edgeIndex, int currentIndex, double[] out) {
        Edge edge = net.edges().get(edgeIndex);
        System.arraycopy(s.v, edge.post() * lanes, vPost, 0, lanes);
        edge.forwardCurrent(ws[edgeIndex], currentIndex, net.parameters(), vPost, s.x[edgeIndex], lanes, out);
    }
}
