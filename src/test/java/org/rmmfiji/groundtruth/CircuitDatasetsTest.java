package org.rmmfiji.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rmmfiji.metrics.Bursts;
import org.rmmfiji.metrics.Spikes;
import org.rmmfiji.model.Presets;

/** The circuit datasets pyloric3 and hco: truth columns, stated connectivity and rhythm, on 16 s of each (scale 0.1). */
class CircuitDatasetsTest {
    static final double SCALE = 0.1;
    static NamedDatasets.Tables pyloric, hco;

    @BeforeAll
    static void simulate() {
        pyloric = NamedDatasets.simulate(NamedDatasets.PYLORIC3, SCALE);
        hco = NamedDatasets.simulate(NamedDatasets.HCO, SCALE);
    }

    static double[] column(NamedDatasets.Tables t, String name) {
        int i = t.names.indexOf(name);
        if (i >= 0) return t.segments.get(0).get(i);
        i = t.truthNames.indexOf(name);
        assertTrue(i >= 0, "no column " + name + " in " + t.names + " / " + t.truthNames);
        return t.truthSegments.get(0).get(i);
    }

    @Test
    void registeredWithChannelsSplitAndPreset() {
        assertEquals(List.of("V_PD_mV", "V_LP_mV", "V_PY_mV", "I_PD_nA", "I_LP_nA", "I_PY_nA"), pyloric.names);
        assertEquals(List.of("V_N1_mV", "V_N2_mV", "I_N1_nA", "I_N2_nA"), hco.names);
        for (NamedDataset d : List.of(NamedDatasets.PYLORIC3, NamedDatasets.HCO)) {
            assertEquals(d, NamedDatasets.get(d.name));
            assertEquals(Presets.CIRCUIT_SYNCOND, d.preset);
            assertTrue(d.inputs.isEmpty(), d.name);
            assertEquals(120.0 / 160, d.fractionSplit[0], 1e-12);
            assertEquals(20.0 / 160, d.fractionSplit[1], 1e-12);
        }
        assertEquals(List.of("PD", "LP", "PY"), NamedDatasets.PYLORIC3.neurons);
        assertEquals(List.of("I_PD", "I_LP", "I_PY"), NamedDatasets.PYLORIC3.currents);
        assertEquals(16_000 / 0.1, pyloric.segments.get(0).get(0).length, 0.5);
    }

    /** Ordered pairs "PRE_POST" the stated connectivity joins. */
    static Set<String> statedPairs(NamedDataset d) {
        Set<String> pairs = new LinkedHashSet<>();
        for (CircuitSynapse s : NamedDatasets.trueSynapses(d)) pairs.add(s.pre + "_" + s.post);
        return pairs;
    }

    @Test
    void connectivityTableMatchesTheTruthColumns() {
        for (var e : List.of(java.util.Map.entry(NamedDatasets.PYLORIC3, pyloric), java.util.Map.entry(NamedDatasets.HCO, hco))) {
            NamedDataset d = e.getKey();
            Set<String> pairs = statedPairs(d), iCols = new LinkedHashSet<>(), gCols = new LinkedHashSet<>(), posts = new LinkedHashSet<>();
            for (String n : e.getValue().truthNames) {
                String[] p = n.split("_");
                if (n.startsWith("I_syn_") && p.length == 5) iCols.add(p[2] + "_" + p[3]);
                else if (n.startsWith("I_syn_")) posts.add(p[2]);
                if (n.startsWith("g_syn_")) gCols.add(p[2] + "_" + p[3]);
            }
            assertEquals(pairs, iCols, d.name + " current columns");
            assertEquals(pairs, gCols, d.name + " conductance columns");
            Set<String> statedPosts = new LinkedHashSet<>();
            for (String n : d.neurons) for (CircuitSynapse s : NamedDatasets.trueSynapses(d)) if (s.post.equals(n)) statedPosts.add(n);
            assertEquals(statedPosts, posts, d.name + " postsynaptic totals");
        }
        // pyloric3: AB/PD's pairs, LP's inhibition of PD, LP's excitation of PY; nothing leaves PY
        assertEquals(Set.of("PD_LP", "PD_PY", "LP_PD", "LP_PY"), statedPairs(NamedDatasets.PYLORIC3));
        List<String> types = new ArrayList<>();
        for (CircuitSynapse s : NamedDatasets.trueSynapses(NamedDatasets.PYLORIC3))
            types.add(s.pre + "→" + s.post + " " + s.type + " " + s.gNs + " " + s.eMv);
        assertEquals(List.of("PD→LP glutamatergic 30.0 -70.0", "PD→LP cholinergic 30.0 -80.0", "PD→PY glutamatergic 10.0 -70.0",
                "PD→PY cholinergic 3.0 -80.0", "LP→PD glutamatergic 30.0 -70.0", "LP→PY excitatory 30.0 0.0"), types);
        assertEquals(Set.of("N1_N2", "N2_N1"), statedPairs(NamedDatasets.HCO));
        assertEquals(Set.of("PD_LP"), statedPairs(NamedDatasets.PD_LP));
        assertTrue(NamedDatasets.trueSynapses(NamedDatasets.HH).isEmpty());
    }

    /**
     * I_syn = Σ g s (V_post − E) per pair: with one component the current is the conductance column times the
     * driving force; with AB/PD's two (E −70 and −80 mV) it lies between g (V + 70) and g (V + 80); the
     * postsynaptic total is the sum over its pairs.
     */
    @Test
    void synapticCurrentsAreConductanceTimesDrivingForce() {
        for (var e : List.of(java.util.Map.entry(NamedDatasets.PYLORIC3, pyloric), java.util.Map.entry(NamedDatasets.HCO, hco))) {
            NamedDataset d = e.getKey();
            NamedDatasets.Tables t = e.getValue();
            List<CircuitSynapse> syn = NamedDatasets.trueSynapses(d);
            for (String post : d.neurons) {
                double[] v = column(t, "V_" + post + "_mV"), total = null, sum = new double[v.length];
                for (String pair : statedPairs(d)) {
                    if (!pair.endsWith("_" + post)) continue;
                    double[] i = column(t, "I_syn_" + pair + "_nA"), g = column(t, "g_syn_" + pair + "_uS");
                    double eMin = Double.POSITIVE_INFINITY, eMax = Double.NEGATIVE_INFINITY, gMax = 0;
                    for (CircuitSynapse s : syn)
                        if ((s.pre + "_" + s.post).equals(pair)) { eMin = Math.min(eMin, s.eMv); eMax = Math.max(eMax, s.eMv); gMax += s.gNs * 1e-3; }
                    double gSeen = 0;
                    for (int k = 0; k < v.length; k++) {
                        assertTrue(g[k] >= 0 && g[k] <= gMax * (1 + 1e-12), pair + " g " + g[k]);
                        double lo = g[k] * (v[k] - eMax), hi = g[k] * (v[k] - eMin), tol = 1e-12 * (1 + Math.abs(i[k]));
                        assertTrue(i[k] >= lo - tol && i[k] <= hi + tol, d.name + " " + pair + " at " + k + ": " + i[k] + " not in [" + lo + ", " + hi + "]");
                        sum[k] += i[k];
                        gSeen = Math.max(gSeen, g[k]);
                    }
                    assertTrue(gSeen > 0.5 * gMax, pair + " is active: max g " + gSeen + " of " + gMax);
                }
                if (!t.truthNames.contains("I_syn_" + post + "_nA")) continue;
                total = column(t, "I_syn_" + post + "_nA");
                for (int k = 0; k < v.length; k++) assertEquals(sum[k], total[k], 1e-12 * (1 + Math.abs(sum[k])), post + " total at " + k);
            }
        }
    }

    /** C dV/dt = I_ext − Σ I_ion − I_syn for every cell of the circuit, with the truth's synaptic current. */
    @Test
    void synapticCurrentEntersTheMembraneEquation() {
        PrinzCircuit c = NamedDatasets.CIRCUITS.get(NamedDatasets.PYLORIC3).circuit();
        double[] u = {0.3, -0.5, 0.2};
        for (int k = 0; k < 2000 / NamedDatasets.DT_SIM; k++) c.step(u, NamedDatasets.DT_SIM);
        double[] gs = new double[8], es = new double[8], cur = new double[8], v0 = new double[3], expected = new double[3];
        double synaptic = 0;
        for (int i = 0; i < 3; i++) {
            PrinzNeuron n = c.cell(i);
            n.currents(gs, es, cur);
            double ion = 0;
            for (double x : cur) ion += x;
            v0[i] = n.v;
            expected[i] = (u[i] - ion - c.synapticCurrent(i)) / PrinzNeuron.C_NF;
            synaptic = Math.max(synaptic, Math.abs(c.synapticCurrent(i)) / PrinzNeuron.C_NF);
        }
        assertTrue(synaptic > 0.1, "a synaptic current that moves dV/dt (" + synaptic + " mV/ms), so the check means something");
        double dt = 1e-5;
        c.step(u, dt);
        for (int i = 0; i < 3; i++) assertEquals(expected[i], (c.cell(i).v - v0[i]) / dt, 1e-3 * (1 + Math.abs(expected[i])), "cell " + i);
    }

    /** Onsets of bursts of at least three spikes (ISI ≤ 100 ms): a lone noise-driven spike is no burst. */
    static double[] burstOnsets(double[] v) { return Bursts.detect(v, 0.1, -20, 100).onsets(3); }

    static double phase(double[] reference, double[] times) { return Bursts.phase(reference, times); }

    static double median(double[] onsets) {
        double[] d = new double[onsets.length - 1];
        for (int i = 1; i < onsets.length; i++) d[i - 1] = onsets[i] - onsets[i - 1];
        java.util.Arrays.sort(d);
        return d[d.length / 2];
    }

    @Test
    void pyloric3KeepsItsRhythm() {
        double[] pd = burstOnsets(column(pyloric, "V_PD_mV"));
        assertTrue(pd.length >= 6, "PD bursts in 16 s: " + pd.length);
        double period = median(pd);
        assertTrue(period > 800 && period < 3000, "PD period " + period + " ms");
        for (String cell : List.of("LP", "PY")) {
            double[] spikes = Spikes.detect(column(pyloric, "V_" + cell + "_mV"), 0.1, -20);
            assertTrue(spikes.length / 16.0 > 3, cell + " rate " + spikes.length / 16.0 + " Hz");
            double[] first = burstOnsets(column(pyloric, "V_" + cell + "_mV"));
            double ph = phase(pd, first);
            assertTrue(ph > 0.3 && ph < 0.8, cell + " burst onset phase " + ph);
        }
    }

    @Test
    void hcoAlternatesInAntiPhase() {
        double[] n1 = burstOnsets(column(hco, "V_N1_mV")), n2 = burstOnsets(column(hco, "V_N2_mV"));
        assertTrue(n1.length >= 8 && n2.length >= 8, "bursts " + n1.length + ", " + n2.length);
        double p1 = median(n1), p2 = median(n2);
        assertEquals(p1, p2, 0.1 * p1, "both cells at one period");
        assertTrue(p1 > 800 && p1 < 2500, "period " + p1);
        assertEquals(0.5, phase(n1, n2), 0.1, "N2 in N1's cycle");
        assertEquals(0.5, phase(n2, n1), 0.1, "N1 in N2's cycle");
    }

    /** The half-centre's cells do not burst alone: the rhythm is the coupling's. */
    @Test
    void hcoCellsAloneFireSingleSpikes() {
        for (String model : List.of("LP 1", "LP 2")) {
            PrinzNeuron n = new PrinzNeuron(PrinzTable.densities(model));
            int steps = (int) Math.round(8000 / NamedDatasets.DT_SIM), every = (int) Math.round(0.1 / NamedDatasets.DT_SIM);
            double[] v = new double[steps / every];
            for (int k = 0; k < steps; k++) {
                if (k % every == 0) v[k / every] = n.v;
                n.step(0, NamedDatasets.DT_SIM);
            }
            double[] late = java.util.Arrays.copyOfRange(v, 30_000, v.length);
            Bursts b = Bursts.detect(late, 0.1, -20, 100);
            assertTrue(b.count() >= 10 && b.spikesPerBurst() == 1, model + ": " + b.count() + " groups, " + b.spikesPerBurst() + " spikes each");
        }
    }
}
