package org.rmmfiji.groundtruth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prinz model neurons coupled by graded synapses (Prinz, Bucher &amp; Marder 2004), integrated as Prinz did:
 * within one exponential-Euler step every cell sees the synaptic conductances of the previous step, and every
 * synapse is then advanced with its presynaptic cell's old voltage, so the update order of the cells does not
 * matter.
 */
public final class PrinzCircuit {
    private final List<String> names = new ArrayList<>();
    private PrinzNeuron[] cells = new PrinzNeuron[0];
    private GradedSynapse[] synapses = new GradedSynapse[0];
    private int[] pre = new int[0], post = new int[0];
    private double[] vOld = new double[0], gSyn = new double[0], gE = new double[0];

    /** Adds a cell with Prinz 2004 densities (mS/cm², {@link PrinzTable} order); returns its index. */
    public int cell(String name, double[] densities) {
        if (names.contains(name)) throw new IllegalArgumentException("cell " + name + " twice");
        names.add(name);
        int n = names.size();
        cells = Arrays.copyOf(cells, n);
        cells[n - 1] = new PrinzNeuron(densities);
        vOld = new double[n];
        gSyn = new double[n];
        gE = new double[n];
        return n - 1;
    }

    /** Adds a synapse between two cells already added; returns its index. */
    public int synapse(CircuitSynapse s) {
        int n = synapses.length + 1;
        synapses = Arrays.copyOf(synapses, n);
        pre = Arrays.copyOf(pre, n);
        post = Arrays.copyOf(post, n);
        synapses[n - 1] = s.build();
        pre[n - 1] = index(s.pre);
        post[n - 1] = index(s.post);
        return n - 1;
    }

    public int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no cell " + name + " in " + names);
        return i;
    }

    public List<String> names() { return List.copyOf(names); }

    public int cellCount() { return cells.length; }

    public int synapseCount() { return synapses.length; }

    public PrinzNeuron cell(int i) { return cells[i]; }

    public GradedSynapse synapseAt(int s) { return synapses[s]; }

    public int preOf(int s) { return pre[s]; }

    public int postOf(int s) { return post[s]; }

    /** One step of {@code dt} ms with current {@code iExt[i]} (nA) injected into cell i. */
    public void step(double[] iExt, double dt) {
        for (int i = 0; i < cells.length; i++) {
            vOld[i] = cells[i].v;
            gSyn[i] = 0;
            gE[i] = 0;
        }
        for (int s = 0; s < synapses.length; s++) {
            double g = synapses[s].conductance();
            gSyn[post[s]] += g;
            gE[post[s]] += g * synapses[s].e;
        }
        for (int i = 0; i < cells.length; i++) cells[i].step(iExt[i], gSyn[i], gE[i], dt);
        for (int s = 0; s < synapses.length; s++) synapses[s].step(vOld[pre[s]], dt);
    }

    /** Total synaptic current (nA, outward positive) into cell i at the present state. */
    public double synapticCurrent(int i) {
        double sum = 0;
        for (int s = 0; s < synapses.length; s++) if (post[s] == i) sum += synapses[s].current(cells[i].v);
        return sum;
    }
}
