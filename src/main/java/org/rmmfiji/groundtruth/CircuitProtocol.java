package org.rmmfiji.groundtruth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmmfiji.math.Rng;

/**
 * How a circuit dataset is made: Prinz model neurons joined by graded synapses ({@link PrinzCircuit}), each cell
 * driven by its own Ornstein–Uhlenbeck current (own seed, mean, σ, τ). The circuit settles for 3 s (Prinz's
 * transient) under the mean currents, then runs as one segment at 10 kHz, integrated at
 * {@link NamedDatasets#DT_SIM} with each sample's current held over its interval. Every cell is recorded and
 * modelled: recording columns {@code V_<cell>_mV} then {@code I_<cell>_nA}; truth columns the cells' ionic
 * currents {@code I_<current>_<cell>_nA}, then per connected ordered pair the summed synaptic current
 * {@code I_syn_<pre>_<post>_nA} and conductance {@code g_syn_<pre>_<post>_uS}, then per postsynaptic cell the
 * total {@code I_syn_<post>_nA}.
 */
final class CircuitProtocol {
    static final double DT = NamedDatasets.DT_STG, SETTLE_MS = NamedDatasets.SETTLE_STG_MS;

    /** A cell: its Prinz 2004 model and its OU current. */
    static final class Cell {
        final String name, model;
        final double meanNa, sigmaNa, tauMs;
        final long seed;

        Cell(String name, String model, double meanNa, double sigmaNa, double tauMs, long seed) {
            this.name = name;
            this.model = model;
            this.meanNa = meanNa;
            this.sigmaNa = sigmaNa;
            this.tauMs = tauMs;
            this.seed = seed;
        }
    }

    final List<Cell> cells;
    final List<CircuitSynapse> synapses;
    final double durationMs;

    CircuitProtocol(double durationMs, List<Cell> cells, List<CircuitSynapse> synapses) {
        this.durationMs = durationMs;
        this.cells = List.copyOf(cells);
        this.synapses = List.copyOf(synapses);
    }

    /** "OU currents: PD τ 5 ms, σ 0.2 nA, mean 0 nA, seed 1001; …" from the protocol itself. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (Cell c : cells)
            parts.add(String.format(java.util.Locale.ROOT, "%s τ %s ms, σ %s nA, mean %s nA, seed %d", c.name, NamedDatasets.num(c.tauMs),
                    NamedDatasets.num(c.sigmaNa), NamedDatasets.num(c.meanNa), c.seed));
        return "OU currents: " + String.join("; ", parts);
    }

    /** A fresh circuit, every synapse at s = 0 and every cell at Prinz's initial state. */
    PrinzCircuit circuit() {
        PrinzCircuit c = new PrinzCircuit();
        for (Cell cell : cells) c.cell(cell.name, PrinzTable.densities(cell.model));
        for (CircuitSynapse s : synapses) c.synapse(s);
        return c;
    }

    /** Connected ordered pairs "PRE_POST" → their synapse indices, in the order the synapses are listed. */
    Map<String, List<Integer>> pairs() {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int s = 0; s < synapses.size(); s++)
            m.computeIfAbsent(synapses.get(s).pre + "_" + synapses.get(s).post, k -> new ArrayList<>()).add(s);
        return m;
    }

    /** Cells that receive a synapse, in cell order. */
    List<Integer> postsynaptic() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++)
            for (CircuitSynapse s : synapses) if (s.post.equals(cells.get(i).name) && !out.contains(i)) out.add(i);
        return out;
    }

    NamedDatasets.Tables simulate(double scale) {
        NamedDatasets.Tables t = new NamedDatasets.Tables();
        t.dt = DT;
        int nc = cells.size();
        for (Cell c : cells) t.names.add("V_" + c.name + "_mV");
        for (Cell c : cells) t.names.add("I_" + c.name + "_nA");
        Map<String, List<Integer>> pairs = pairs();
        List<Integer> posts = postsynaptic();
        for (Cell c : cells) for (String cur : PrinzNeuron.CURRENTS) t.truthNames.add("I_" + cur + "_" + c.name + "_nA");
        for (String p : pairs.keySet()) t.truthNames.add("I_syn_" + p + "_nA");
        for (String p : pairs.keySet()) t.truthNames.add("g_syn_" + p + "_uS");
        for (int i : posts) t.truthNames.add("I_syn_" + cells.get(i).name + "_nA");

        int n = (int) Math.round(durationMs * scale / DT);
        int sub = (int) Math.round(DT / NamedDatasets.DT_SIM);
        double[][] rec = new double[2 * nc][n], truth = new double[t.truthNames.size()][n];
        PrinzCircuit c = circuit();
        double[] u = new double[nc];
        OrnsteinUhlenbeck[] ou = new OrnsteinUhlenbeck[nc];
        for (int i = 0; i < nc; i++) {
            Cell cell = cells.get(i);
            u[i] = cell.meanNa;
            ou[i] = new OrnsteinUhlenbeck(cell.tauMs, cell.sigmaNa, DT, cell.meanNa, new Rng(cell.seed));
        }
        for (int k = 0; k < Math.round(SETTLE_MS / NamedDatasets.DT_SIM); k++) c.step(u, NamedDatasets.DT_SIM);
        double[] gs = new double[8], es = new double[8], cur = new double[8];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < nc; i++) u[i] = ou[i].next(cells.get(i).meanNa);
            record(c, pairs, posts, u, k, rec, truth, gs, es, cur);
            for (int s = 0; s < sub; s++) c.step(u, NamedDatasets.DT_SIM);
        }
        t.segments.add(List.of(rec));
        t.truthSegments.add(List.of(truth));
        return t;
    }

    /** Sample k: voltages and currents, then the truth at the state the sample's steps start from. */
    private static void record(PrinzCircuit c, Map<String, List<Integer>> pairs, List<Integer> posts, double[] u, int k,
                               double[][] rec, double[][] truth, double[] gs, double[] es, double[] cur) {
        int nc = c.cellCount(), col = 0;
        for (int i = 0; i < nc; i++) {
            rec[i][k] = c.cell(i).v;
            rec[nc + i][k] = u[i];
            c.cell(i).currents(gs, es, cur);
            for (int q = 0; q < 8; q++) truth[col++][k] = cur[q];
        }
        for (List<Integer> syns : pairs.values()) {
            double sum = 0;
            for (int s : syns) sum += c.synapseAt(s).current(c.cell(c.postOf(s)).v);
            truth[col++][k] = sum;
        }
        for (List<Integer> syns : pairs.values()) {
            double sum = 0;
            for (int s : syns) sum += c.synapseAt(s).conductance();
            truth[col++][k] = sum;
        }
        for (int i : posts) truth[col++][k] = c.synapticCurrent(i);
    }
}
