package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.FilterBank;
import org.rmmfiji.model.Network;

/**
 * One modelled neuron of a fitted network with its intrinsic currents only (its own edges: gated, lumped, leak),
 * cut from its synapses, as the authors analyse a single cell: steady states (every filter state at its DC value for
 * a held voltage), local derivatives, and simulation under an injected current. The IV curves, the admittance, the
 * bifurcation finder and ablation are all built on it.
 */
public final class IsolatedCell {
    private final Network net;
    private final int neuron;
    /** Indices (in the network) of the neuron's intrinsic edges. */
    private final int[] edges;

    private IsolatedCell(Network net, int neuron, int[] edges) {
        this.net = net;
        this.neuron = neuron;
        this.edges = edges;
    }

    /** The modelled neuron {@code name} of {@code net}; a name it does not have is refused with the names it has. */
    public static IsolatedCell of(Network net, String name) {
        int i = net.spec().neurons.indexOf(name);
        if (i < 0) throw new InvalidInputException("the model has no modelled neuron '" + name + "'; its neurons are " + net.spec().neurons);
        return of(net, i);
    }

    public static IsolatedCell of(Network net, int neuron) {
        if (neuron < 0 || neuron >= net.modelledCount())
            throw new InvalidInputException("neuron " + neuron + " does not exist: the model has " + net.modelledCount() + " modelled neuron(s) " + net.spec().neurons);
        List<Integer> es = new ArrayList<>();
        for (int e = 0; e < net.edges().size(); e++) {
            Edge edge = net.edges().get(e);
            if (edge.intrinsic() && edge.post() == neuron) es.add(e);
        }
        if (es.isEmpty()) throw new InvalidInputException("neuron " + net.voltageName(neuron) + " has no intrinsic current to analyse");
        return new IsolatedCell(net, neuron, es.stream().mapToInt(Integer::intValue).toArray());
    }

    public Network network() { return net; }
    public String name() { return net.voltageName(neuron); }
    public int neuron() { return neuron; }
    public double dt() { return net.dt(); }
    public double inverseCapacitance() { return net.inverseCapacitance(net.parameters(), neuron); }

    /** One intrinsic current: where it is in the network and its name. */
    public static final class Ref {
        public final int edge;
        /** Which of the cell's intrinsic edges (0 … {@link #edgeCount()}−1) it is on. */
        public final int local;
        public final int current;
        public final String name;
        public final Current model;

        Ref(int edge, int local, int current, Current model) {
            this.edge = edge;
            this.local = local;
            this.current = current;
            this.name = model.name();
            this.model = model;
        }
    }

    /** Every intrinsic current, edge by edge. */
    public List<Ref> currents() {
        List<Ref> out = new ArrayList<>();
        for (int k = 0; k < edges.length; k++) {
            List<Current> cs = net.edges().get(edges[k]).currents();
            for (int c = 0; c < cs.size(); c++) out.add(new Ref(edges[k], k, c, cs.get(c)));
        }
        return out;
    }

    /** The current called {@code name}; an unknown name is refused with the names the cell has. */
    public Ref current(String name) {
        List<String> names = new ArrayList<>();
        Ref found = null;
        for (Ref r : currents()) {
            if (r.name.equals(name)) {
                if (found != null) throw new InvalidInputException("neuron " + name() + " has two currents named '" + name + "'; rename one in the spec to choose it");
                found = r;
            }
            names.add(r.name);
        }
        if (found == null) throw new InvalidInputException("neuron " + name() + " has no current '" + name + "'; its currents are " + names);
        return found;
    }

    /**
     * This cell in a copy of the network with the named currents' readout weights replaced (0 removes a current, 0.5
     * halves it): ablation that leaves the fitted model as it is.
     */
    public IsolatedCell scaled(Map<String, Double> weights) {
        Network n = net;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            Ref r = current(w.getKey());
            if (!Double.isFinite(w.getValue()))
                throw new InvalidInputException("the weight of current '" + w.getKey() + "' must be a finite number, got " + w.getValue());
            n = n.withReadout(r.edge, r.current, w.getValue());
        }
        return new IsolatedCell(n, neuron, edges);
    }

    /** The filter states of the k-th intrinsic edge for voltages held at v[t]: the tile x[s*T + t] = DC_s·v[t]. */
    double[] steadyStates(int k, double[] v) {
        double[] dc = bank(k).dcGains();
        int T = v.length;
        double[] x = new double[dc.length * T];
        for (int s = 0; s < dc.length; s++) for (int t = 0; t < T; t++) x[s * T + t] = dc[s] * v[t];
        return x;
    }

    /** Output {@code index} of one current at voltages v with the filter tile x (readout weight not applied). */
    double[] output(Ref r, double[] v, double[] x, int index) {
        Edge edge = net.edges().get(r.edge);
        double[] out = new double[v.length];
        edge.forwardOutput(edge.newWorkspace(v.length), r.current, index, net.parameters(), v, x, v.length, out);
        return out;
    }

    /** The total intrinsic current Σ r_c·I_c (nA) at steady state for each voltage: the DC current that holds the cell there. */
    public double[] steadyCurrent(double[] v) {
        double[] psi = new double[v.length];
        for (int k = 0; k < edges.length; k++) {
            Edge edge = net.edges().get(edges[k]);
            edge.forward(edge.newWorkspace(v.length), net.parameters(), v, steadyStates(k, v), v.length, psi);
        }
        return psi;
    }

    /** The total current and its derivatives at a steady state: ∂ψ/∂v (µS) and ∂ψ/∂x of every intrinsic edge's states. */
    public static final class Slopes {
        public final double voltage_mV;
        public final double current_nA;
        public final double dPsiDv;
        /** dPsiDx[k][s]: the k-th intrinsic edge, state s. */
        public final double[][] dPsiDx;

        Slopes(double v, double psi, double dv, double[][] dx) {
            voltage_mV = v;
            current_nA = psi;
            dPsiDv = dv;
            dPsiDx = dx;
        }
    }

    public Slopes slopes(double v) {
        double[] p = net.parameters();
        double[] vv = {v}, psi = new double[1], dv = new double[1], one = {1};
        double[] grad = new double[p.length];   // parameter gradients are not wanted; the contract adds them somewhere
        double[][] dx = new double[edges.length][];
        for (int k = 0; k < edges.length; k++) {
            Edge edge = net.edges().get(edges[k]);
            double[] x = steadyStates(k, vv);
            Edge.Workspace ws = edge.newWorkspace(1);
            edge.forward(ws, p, vv, x, 1, psi);
            dx[k] = new double[x.length];
            edge.backward(ws, p, vv, x, 1, one, grad, dv, dx[k]);
        }
        return new Slopes(v, psi[0], dv[0], dx);
    }

    /** The filter bank of the k-th intrinsic edge. */
    public FilterBank bank(int k) { return net.edges().get(edges[k]).bank(); }

    public int edgeCount() { return edges.length; }

    /**
     * The cell stepped one sample at a time, from every filter at its DC state for {@code v0}: {@link #step} returns the
     * total current at the present state and voltage, then advances the filters with that voltage (the simulator's order).
     */
    private final class Stepper {
        final double[] p = net.parameters();
        final double[][] x = new double[edges.length][];
        final Edge.Workspace[] ws = new Edge.Workspace[edges.length];
        final double[] vk = new double[1], psi = new double[1];

        Stepper(double v0) {
            for (int k = 0; k < edges.length; k++) {
                x[k] = steadyStates(k, new double[] {v0});
                ws[k] = net.edges().get(edges[k]).newWorkspace(1);
            }
        }

        double step(double v) {
            vk[0] = v;
            psi[0] = 0;
            for (int k = 0; k < edges.length; k++) net.edges().get(edges[k]).forward(ws[k], p, vk, x[k], 1, psi);
            for (int k = 0; k < edges.length; k++) bank(k).step(x[k], 1, vk);
            return psi[0];
        }
    }

    /**
     * A simulated voltage clamp: the total intrinsic current (nA) at every step of the command voltage v, the filters
     * starting at their DC state for v[0]; what an amplifier would record holding the model cell at v.
     */
    public double[] clamp(double[] v) {
        Stepper cell = new Stepper(v[0]);
        double[] out = new double[v.length];
        for (int t = 0; t < v.length; t++) out[t] = cell.step(v[t]);
        return out;
    }

    /**
     * Free run of the isolated cell from rest at {@code v0} (every filter at its DC state) under the injected current
     * {@code injected[k]} (nA): the voltage at every step, v[0] = v0. A run that leaves ±1000 mV is cut there (NaN after).
     */
    public double[] simulate(double v0, double[] injected) {
        int K = injected.length;
        double[] v = new double[K + 1];
        v[0] = v0;
        Stepper cell = new Stepper(v0);
        double step = net.dt() * inverseCapacitance();
        for (int t = 0; t < K; t++) {
            v[t + 1] = v[t] + step * (injected[t] - cell.step(v[t]));
            if (!(Math.abs(v[t + 1]) <= 1000)) {
                Arrays.fill(v, t + 1, K + 1, Double.NaN);
                break;
            }
        }
        return v;
    }
}
