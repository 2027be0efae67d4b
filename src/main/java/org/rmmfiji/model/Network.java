package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.FastMath;
import org.rmmfiji.math.Rng;

/**
 * A built RMM: m modelled neurons plus measured inputs, one filter bank and a list of currents per edge,
 * and a positive inverse capacitance per neuron (learned through softplus, or fixed from a known C).
 * Forward Euler at the data step δ:
 * <pre>v_i[k+1] = v_i[k] + δ c_i⁻¹ (u_i[k] − Σ_j ψ_ij(v_i[k], x_ij[k])),   x_ij[k+1] = A_ij x_ij[k] + B_ij v_j[k]</pre>
 */
public final class Network {
    private final ModelSpec spec;
    private final double dt;
    private final ParameterStore store;
    private final List<Edge> edges;
    private final List<List<Edge>> edgesInto;
    private final ParameterStore.Block inverseCapacitance;   // null when C is fixed

    public Network(ModelSpec spec, double dt) {
        spec.validate();
        if (!(dt > 0)) throw new InvalidInputException("the model step δ must be positive, got " + dt + " ms");
        this.spec = spec;
        this.dt = dt;
        this.store = new ParameterStore();
        int m = spec.neurons.size();
        inverseCapacitance = spec.capacitance_nF == null ? store.add("inverse_capacitance", m, true) : null;
        List<Edge> es = new ArrayList<>();
        List<List<Edge>> into = new ArrayList<>();
        for (int i = 0; i < m; i++) into.add(new ArrayList<>());
        for (EdgeSpec e : spec.edges) {
            int post = spec.voltageIndex(e.post), pre = spec.voltageIndex(e.pre);
            FilterBank bank = new FilterBank(e.filter_bank, dt);
            List<Current> cs = new ArrayList<>();
            for (int c = 0; c < e.currents.size(); c++) {
                CurrentSpec cspec = e.currents.get(c);
                String prefix = e.post + "<-" + e.pre + "." + (cspec.name != null ? cspec.name : ("current" + c));
                cs.add(CurrentTypes.get(cspec.type).build(cspec, bank, store, prefix, e.post, e.pre));
            }
            double[] readout = e.readout != null ? e.readout.clone() : ones(cs.size());
            Edge edge = new Edge(post, pre, bank, cs, readout);
            es.add(edge);
            into.get(post).add(edge);
        }
        this.edges = Collections.unmodifiableList(es);
        List<List<Edge>> frozen = new ArrayList<>();
        for (List<Edge> l : into) frozen.add(Collections.unmodifiableList(l));
        this.edgesInto = Collections.unmodifiableList(frozen);
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    public ModelSpec spec() { return spec; }
    public double dt() { return dt; }
    public ParameterStore store() { return store; }
    public double[] parameters() { return store.values(); }
    public int modelledCount() { return spec.neurons.size(); }
    public int voltageCount() { return spec.neurons.size() + spec.inputs.size(); }
    public List<Edge> edges() { return edges; }
    public List<Edge> edgesInto(int neuron) { return edgesInto.get(neuron); }

    public String voltageName(int j) {
        int m = spec.neurons.size();
        return j < m ? spec.neurons.get(j) : spec.inputs.get(j - m);
    }

    public boolean capacitanceFixed() { return inverseCapacitance == null; }
    /** Where neuron {@code i}'s raw inverse capacitance (softplus⁻¹ of 1/C) sits in the parameter vector; −1 when C is fixed. */
    public int inverseCapacitanceOffset(int i) { return inverseCapacitance == null ? -1 : inverseCapacitance.offset() + i; }

    /** c_i⁻¹ in 1/nF. */
    public double inverseCapacitance(double[] p, int i) {
        if (inverseCapacitance == null) return 1.0 / spec.capacitance_nF;
        return FastMath.softplus(p[inverseCapacitance.offset() + i]);
    }

    /** Adds dL/d(raw c_i⁻¹) to grad given dL/dc_i⁻¹. */
    public void addInverseCapacitanceGradient(double[] p, double[] grad, int i, double dLdCinv) {
        if (inverseCapacitance == null) return;
        int k = inverseCapacitance.offset() + i;
        grad[k] += dLdCinv * FastMath.sigmoid(p[k]);
    }

    /**
     * Random initialisation of every current, and 1/C at its initial value: the spec's, or where the recording put it
     * ({@link ModelSpec#initial_inverse_capacitances}, with the neuron's currents scaled to match).
     */
    public void initialise(Rng rng) {
        double[] p = store.values();
        if (inverseCapacitance != null)
            for (int i = 0; i < modelledCount(); i++)
                p[inverseCapacitance.offset() + i] = FastMath.softplusInverse(spec.initial_inverse_capacitance);
        for (Edge e : edges) for (Current c : e.currents()) c.initialise(p, rng);
        // from the data: estimated anew before training (the values a spec may carry are another recording's)
        if (spec.initial_inverse_capacitances != null && !spec.inverse_capacitance_from_data) startInverseCapacitances(spec.initial_inverse_capacitances);
    }

    /** Why neuron i's 1/C cannot start elsewhere than the spec's value (a fixed capacitance, a current that cannot be scaled); null when it can. */
    public String whyInverseCapacitanceIsFixed(int i) {
        if (inverseCapacitance == null) return "its capacitance is fixed";
        for (Edge e : edgesInto.get(i))
            for (Current c : e.currents()) {
                String why = c.whyNotScalable();
                if (why != null) return why;
            }
        return null;
    }

    /**
     * Moves each modelled neuron's initial 1/C from the spec's value to {@code values[i]}, scaling the currents into the
     * neuron by the inverse ratio so that its initial dv/dt is unchanged; only for a freshly initialised network.
     */
    private void startInverseCapacitances(double[] values) {
        if (inverseCapacitance == null) return;
        double[] p = store.values();
        for (int i = 0; i < modelledCount(); i++) {
            if (values[i] == spec.initial_inverse_capacitance) continue;
            String why = whyInverseCapacitanceIsFixed(i);
            if (why != null) throw new InvalidInputException(voltageName(i) + ": 1/C cannot start at " + values[i] + " /nF: " + why);
            p[inverseCapacitance.offset() + i] = FastMath.softplusInverse(values[i]);
            double factor = spec.initial_inverse_capacitance / values[i];
            for (Edge e : edgesInto.get(i)) for (Current c : e.currents()) c.scaleInitialCurrent(p, factor);
        }
    }

    /**
     * Starts every modelled neuron's 1/C at the recording's estimate (NaN: keep the spec's value) and records the
     * values and their {@code origin} in the spec. Once, before training, on a network fresh from {@link #initialise}: a
     * second call would scale the currents again.
     */
    public void startInverseCapacitancesFromData(double[] estimates, String origin) {
        if (inverseCapacitance == null) return;
        double[] values = new double[modelledCount()];
        for (int i = 0; i < values.length; i++) values[i] = Double.isNaN(estimates[i]) ? spec.initial_inverse_capacitance : estimates[i];
        startInverseCapacitances(values);
        spec.initial_inverse_capacitances = values;
        spec.initial_inverse_capacitance_origin = origin;
    }

    /** Σ over currents of their regularisers; adds scale·dR/dθ into grad when not null. */
    public double regularization(double[] p, double[] grad, double scale) {
        double r = 0;
        for (Edge e : edges) for (Current c : e.currents()) r += c.regularization(p, grad, scale);
        return r;
    }

    /** Σ over currents of their penalties (not scaled by the L2 weight); adds their gradients into grad when not null. */
    public double penalty(double[] p, double[] grad) {
        double r = 0;
        for (Edge e : edges) for (Current c : e.currents()) r += c.penalty(p, grad);
        return r;
    }

    public int parameterCount() { return store.modelTrainableCount(); }

    /**
     * A copy of this network, parameters and normalisation included, with current {@code c} of edge {@code e}
     * weighted by {@code weight} in its readout (0 removes it): ablation that leaves this network as it is.
     */
    public Network withReadout(int e, int c, double weight) {
        ModelSpec copy = new ModelSpec();
        copy.format_version = spec.format_version;
        copy.preset = spec.preset;
        copy.neurons = new ArrayList<>(spec.neurons);
        copy.inputs = new ArrayList<>(spec.inputs);
        copy.capacitance_nF = spec.capacitance_nF;
        copy.initial_inverse_capacitance = spec.initial_inverse_capacitance;
        copy.inverse_capacitance_from_data = spec.inverse_capacitance_from_data;
        copy.initial_inverse_capacitances = spec.initial_inverse_capacitances == null ? null : spec.initial_inverse_capacitances.clone();
        copy.initial_inverse_capacitance_origin = spec.initial_inverse_capacitance_origin;
        for (int k = 0; k < edges.size(); k++) {
            EdgeSpec es = spec.edges.get(k);
            EdgeSpec ce = new EdgeSpec(es.post, es.pre, es.filter_bank, es.currents);
            ce.readout = edges.get(k).readout().clone();
            if (k == e) ce.readout[c] = weight;
            copy.edges.add(ce);
        }
        Network n = new Network(copy, dt);
        System.arraycopy(store.values(), 0, n.store.values(), 0, store.size());
        for (int k = 0; k < edges.size(); k++) {
            List<Current> from = edges.get(k).currents(), to = n.edges.get(k).currents();
            for (int j = 0; j < from.size(); j++) if (from.get(j).normalisation() != null) to.get(j).setNormalisation(from.get(j).normalisation());
        }
        if (normalised) n.markNormalised();
        return n;
    }

    private boolean normalised;

    /** True once input normalisation has been fitted (or loaded from a model file). */
    public boolean normalised() { return normalised; }

    public void markNormalised() { normalised = true; }
}
