package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rmmfiji.data.Segment;
import org.rmmfiji.metrics.Metrics;
import org.rmmfiji.metrics.Spikes;
import org.rmmfiji.metrics.ScoreSettings;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.SynapticCurrent;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * The coupling matrix of a fitted network on one segment of a recording: one {@link CouplingEntry} per synaptic
 * edge, from the synapse forced by the recorded voltages ({@link SynapticTraces#forced}) and, when asked, from an
 * ablation: the postsynaptic neuron run freely with every other cell held at its recording, with the synapse and
 * without it; the drop in its score is how much the fit relies on that synapse.
 *
 * <pre>
 * List&lt;CouplingEntry&gt; m = CouplingMatrix.compute(net, segment, channels, scoreSettings, 0.01, true);
 * </pre>
 */
public final class CouplingMatrix {
    private CouplingMatrix() {}

    /** An outward share above this (or below 1 − this) makes a lumped synapse inhibitory (excitatory). */
    static final double SIGN_SHARE = 0.8;

    public static List<CouplingEntry> compute(Network net, Segment seg, ChannelMap map, ScoreSettings score, double dumpFraction, boolean ablate) {
        return compute(net, seg, map, score, dumpFraction, ablate, SynapticTraces.forced(net, seg, map, dumpFraction));
    }

    /** As {@link #compute(Network, Segment, ChannelMap, ScoreSettings, double, boolean)}, from the synapses already forced on the segment. */
    public static List<CouplingEntry> compute(Network net, Segment seg, ChannelMap map, ScoreSettings score, double dumpFraction, boolean ablate,
                                              List<SynapticTraces.Trace> traces) {
        List<CouplingEntry> out = entries(net, seg, map, score, dumpFraction, traces);
        if (ablate) {
            java.util.Map<Integer, Double> intact = new java.util.HashMap<>();   // one run per postsynaptic cell, not per synapse
            for (int e = 0, row = 0; e < net.edges().size(); e++)
                if (!net.edges().get(e).intrinsic()) ablate(net, e, seg, map, score, dumpFraction, out.get(row++), intact);
        }
        return out;
    }

    private static List<CouplingEntry> entries(Network net, Segment seg, ChannelMap map, ScoreSettings score, double dumpFraction,
                                               List<SynapticTraces.Trace> traces) {
        double[] p = net.parameters();
        List<CouplingEntry> out = new ArrayList<>();
        int start = FreeRun.firstSample(net, seg, dumpFraction);
        for (int e = 0; e < net.edges().size(); e++) {
            Edge edge = net.edges().get(e);
            if (edge.intrinsic()) continue;
            double[] current = new double[seg.length() - start], conductance = null;
            CouplingEntry c = new CouplingEntry();
            c.pre = net.voltageName(edge.pre());
            c.post = net.voltageName(edge.post());
            SynapseKind kind = SynapseKind.CONDUCTANCE_BASED;
            List<Double> reversals = new ArrayList<>();
            List<Double> meanConductances = new ArrayList<>();
            double gMax = 0, eWeighted = 0, gWeights = 0;
            for (SynapticTraces.Trace t : traces) {
                if (t.edge != e) continue;
                double r = edge.readout()[t.current];
                for (int k = 0; k < current.length; k++) current[k] += r * t.current()[k];
                if (t.kind == SynapseKind.LUMPED) { kind = SynapseKind.LUMPED; continue; }
                SynapticCurrent sc = (SynapticCurrent) edge.currents().get(t.current);
                if (conductance == null) conductance = new double[current.length];
                double[] g = t.output("conductance");
                for (int k = 0; k < g.length; k++) conductance[k] += r * g[k];
                for (int q = 0; q < sc.components(); q++) {
                    double gq = r * sc.conductance(p, q), sMean = mean(t.output("activation_" + (q + 1)));
                    gMax += gq;
                    reversals.add(sc.reversal(p, q));
                    meanConductances.add(gq * sMean);
                    eWeighted += gq * sMean * sc.reversal(p, q);
                    gWeights += gq * sMean;
                }
                c.components += sc.components();
            }
            c.kind = kind.id();
            c.note = kind.note();
            double[] post = SynapticTraces.recorded(seg, map.voltageChannel(edge.post()), start);
            c.post_v_low_mV = percentile(post, 0.05);
            c.post_v_high_mV = percentile(post, 0.95);
            c.post_threshold_mV = Spikes.threshold(post, net.dt(), score.spike_threshold_mV);
            c.outward_fraction = outwardFraction(current);
            if (kind == SynapseKind.CONDUCTANCE_BASED) {
                c.rms_nA = rms(current);
                c.peak_nA = peakAbs(current);
                c.g_max_uS = gMax;
                c.g_mean_uS = mean(conductance);
                c.reversals_mV = reversals.stream().mapToDouble(Double::doubleValue).toArray();
                c.e_effective_mV = gWeights > 0 ? eWeighted / gWeights : Double.NaN;
            }
            double reference = Double.isFinite(c.post_threshold_mV) ? c.post_threshold_mV : percentile(post, 0.5);
            c.sign = kind == SynapseKind.LUMPED ? signOfCurrent(c.outward_fraction) : sign(c.reversals_mV, meanConductances, reference);
            out.add(c);
        }
        return out;
    }

    /** A component carrying at least this share of a synapse's mean conductance counts toward its sign. */
    static final double COMPONENT_SHARE = 0.2;

    /**
     * A conductance-based synapse is excitatory when its reversal lies above the postsynaptic firing threshold (it can
     * drive the cell to fire) and inhibitory when below (it holds the cell back, by hyperpolarising or shunting: the
     * textbook definition, which does not depend on where the cell happens to sit); mixed when components that each carry
     * ≥ 20 % of its mean conductance lie on both sides. Without spikes the median voltage stands in for the threshold.
     */
    static String sign(double[] reversals, List<Double> meanConductances, double threshold) {
        double total = 0;
        for (double g : meanConductances) total += g;
        boolean above = false, below = false;
        for (int k = 0; k < reversals.length; k++) {
            if (total > 0 && meanConductances.get(k) < COMPONENT_SHARE * total) continue;
            if (reversals[k] >= threshold) above = true;
            else below = true;
        }
        return above && below ? "mixed" : above ? "excitatory" : "inhibitory";
    }

    /**
     * A lumped synapse has no reversal: judged by the direction of its current during the recording, mixed when
     * neither direction carries 80 % of it (its direction, like its scale, can trade with the intrinsic current).
     */
    static String signOfCurrent(double outwardFraction) {
        if (outwardFraction >= SIGN_SHARE) return "inhibitory";
        if (outwardFraction <= 1 - SIGN_SHARE) return "excitatory";
        return "mixed";
    }

    private static void ablate(Network net, int edge, Segment seg, ChannelMap map, ScoreSettings score, double dump, CouplingEntry c,
                               java.util.Map<Integer, Double> intact) {
        int post = net.edges().get(edge).post();
        boolean[] clamped = new boolean[net.modelledCount()];
        Arrays.fill(clamped, true);
        clamped[post] = false;
        Network without = net;
        for (int q = 0; q < net.edges().get(edge).currents().size(); q++) without = without.withReadout(edge, q, 0.0);
        c.score_intact = intact.computeIfAbsent(post, i -> score(net, i, seg, map, score, dump, clamped));
        c.score_ablated = score(without, post, seg, map, score, dump, clamped);
        c.ablation_drop = c.score_intact - c.score_ablated;
    }

    static double score(Network net, int neuron, Segment seg, ChannelMap map, ScoreSettings score, double dump, boolean[] clamped) {
        FreeRun.Result r = FreeRun.run(net, seg, map, null, dump, clamped);
        return Metrics.compare(net.voltageName(neuron), "ablation", r.measured[neuron], r.predicted[neuron], r.diverged, net.dt(), score).score;
    }

    static double mean(double[] a) {
        double s = 0;
        for (double x : a) s += x;
        return a.length == 0 ? Double.NaN : s / a.length;
    }

    static double rms(double[] a) {
        double s = 0;
        for (double x : a) s += x * x;
        return a.length == 0 ? Double.NaN : Math.sqrt(s / a.length);
    }

    static double peakAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    static double outwardFraction(double[] a) {
        double out = 0, all = 0;
        for (double x : a) {
            all += Math.abs(x);
            if (x > 0) out += x;
        }
        return all > 0 ? out / all : 0.5;
    }

    static double percentile(double[] a, double q) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[(int) Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
    }
}
