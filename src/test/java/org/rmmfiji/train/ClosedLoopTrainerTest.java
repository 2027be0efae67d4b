package org.rmmfiji.train;

import static org.rmmfiji.FiniteDifferences.assertClose;
import static org.rmmfiji.FiniteDifferences.centralAbsolute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.CurrentSpec;
import org.rmmfiji.model.EdgeSpec;
import org.rmmfiji.model.FilterBankSpec;
import org.rmmfiji.model.ModelSpec;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.ParameterStore;
import org.rmmfiji.sim.ChannelMap;

/**
 * The closed-loop loss and its gradients: the whole mini-batch loss (prediction, voltage and filter-state
 * continuity) against central differences for every network parameter and every shot initial state; γ = 1 gives
 * the teacher-forcing loss; shots never cross a segment; the teacher-forcing loss's 1/C gradient. Differences take
 * an absolute step of 1e-3, since the initial states sit near −50 mV where a relative step would be too coarse.
 */
class ClosedLoopTrainerTest {
    static final double DT = 0.1;

    /** A recording of a neuron V driven by I with a measured input P: smooth random traces. */
    static Recording recording(int... lengths) { return RandomWalkRecordings.make(3, false, DT, lengths); }

    /** A neuron with an intrinsic lumped current and leak on a mixed bank, and a lumped synapse from P. */
    static Network network(Recording rec, Double capacitance) {
        ModelSpec s = new ModelSpec();
        s.neurons = new ArrayList<>(List.of("V"));
        s.inputs = new ArrayList<>(List.of("P"));
        s.capacitance_nF = capacitance;
        FilterBankSpec mixed = new FilterBankSpec(List.of(new FilterBankSpec.BlockSpec("diagonal", new double[] {0.3, 1}),
                new FilterBankSpec.BlockSpec("gobf", new double[] {0.5, 2})));
        s.edges.add(new EdgeSpec("V", "V", mixed, List.of(CurrentSpec.lumped("intrinsic", null, new int[] {4, 3, 1}, new String[] {"tanh", "tanh", "identity"}),
                CurrentSpec.leak(0.3, -50.0, true, true))));
        s.edges.add(new EdgeSpec("V", "P", FilterBankSpec.gobf(new double[] {1, 3}), List.of(CurrentSpec.lumped("syn", null, new int[] {3, 1}, new String[] {"tanh", "identity"}))));
        Network net = new Network(s, DT);
        net.initialise(new Rng(5));
        return net;
    }

    static TrainingData data(Recording rec, Network net) {
        return new TrainingData(new Dataset(rec, rec.segments(), List.of(), List.of()),
                ChannelMap.bind(rec, net, List.of("V", "P"), List.of("I")));
    }

    static TrainingSettings settings() {
        TrainingSettings s = new TrainingSettings();
        s.shot_ms = 0.5;    // 5 samples
        s.rho_v = 0.7;
        s.rho_x = 0.3;
        s.threads = 1;
        return s;
    }

    /** The loss of mini-batch [from, to) and its gradients, as the trainer computes them. */
    static double batchLoss(Network net, Shots shots, ChannelMap map, TrainingSettings s, int from, int to, double gamma,
                            double[] grad, double[] initialGrad) {
        ClosedLoopTrainer.LossWeights w = new ClosedLoopTrainer.LossWeights(net, s, shots.length);
        ClosedLoopTrainer.Worker worker = new ClosedLoopTrainer.Worker(net, shots, map, w);
        int pairs = 0;
        for (int q = from; q + 1 < to; q++) if (shots.continues(q)) pairs++;
        double[] p = net.parameters();
        double total = 0;
        double[] tileLoss = new double[1];
        double[] g = new double[p.length];
        double[] ig = new double[shots.initial.length], cg = new double[shots.initial.length];
        // two tiles of uneven size, as a batch larger than a tile is cut
        int mid = from + (to - from) / 2 + 1;
        for (int[] t : new int[][] {{from, mid}, {mid, to}}) {
            if (t[1] <= t[0]) continue;
            worker.tile(p, from, to, t[0], t[1], pairs, gamma, g, tileLoss, 0, ig, cg);
            total += tileLoss[0];
            if (grad != null) for (int k = 0; k < p.length; k++) grad[k] += g[k];
        }
        if (initialGrad != null) for (int k = 0; k < ig.length; k++) initialGrad[k] += ig[k] + cg[k];
        return total;
    }

    @Test
    void batchLossGradientsMatchFiniteDifferences() {
        Recording rec = recording(170, 160);
        Network net = network(rec, null);
        TrainingData td = data(rec, net);
        TrainingSettings s = settings();
        TeacherForcingFeatures.build(net, rec.segments(), td.channels(), s.dump_fraction).applyRanges(net);
        Shots shots = Shots.cut(net, rec.segments(), td.channels(), ClosedLoopTrainer.shotSamples(s, DT), s.dump_fraction);
        // perturb the initial states away from the data so continuity terms are not zero
        Rng r = new Rng(8);
        for (int k = 0; k < shots.initial.length; k++) shots.initial[k] += r.nextGaussian();
        int from = 0, to = shots.count();   // spans the segment boundary: one pair is left out
        assertTrue(to >= 4, "enough shots: " + to);
        for (double gamma : new double[] {0.0, 0.4}) {
            double[] p = net.parameters();
            double[] grad = new double[p.length], ig = new double[shots.initial.length];
            batchLoss(net, shots, td.channels(), s, from, to, gamma, grad, ig);
            for (ParameterStore.Block b : net.store().blocks())
                for (int k = b.offset(); k < b.offset() + b.size(); k++) {
                    final int kk = k;
                    assertClose(centralAbsolute(() -> batchLoss(net, shots, td.channels(), s, from, to, gamma, null, null), p, kk, 1e-3), grad[kk],
                            "γ " + gamma + " " + b.name() + "[" + (k - b.offset()) + "]");
                }
            for (int k = 0; k < shots.initial.length; k++) {
                final int kk = k;
                assertClose(centralAbsolute(() -> batchLoss(net, shots, td.channels(), s, from, to, gamma, null, null), shots.initial, kk, 1e-3), ig[kk],
                        "γ " + gamma + " initial state " + k);
            }
        }
    }

    @Test
    void gammaOneIsTeacherForcing() {
        Recording rec = recording(260);
        Network net = network(rec, null);
        TrainingData td = data(rec, net);
        TrainingSettings s = settings();
        s.rho_v = 0;
        s.rho_x = 0;
        TeacherForcingFeatures f = TeacherForcingFeatures.build(net, rec.segments(), td.channels(), s.dump_fraction);
        f.applyRanges(net);
        Shots shots = Shots.cut(net, rec.segments(), td.channels(), ClosedLoopTrainer.shotSamples(s, DT), s.dump_fraction);
        int S = shots.length;
        double ms = batchLoss(net, shots, td.channels(), s, 0, 1, 1.0, null, null);
        // teacher forcing over the same S−1 transitions: the prediction term is (S−1)/S of its mean loss
        int[] order = new int[f.layout.rows];
        for (int k = 0; k < order.length; k++) order[k] = k;
        double[] tileLoss = new double[1];
        new TeacherForcingTrainer.Worker(net, f.layout).tile(new BatchRows(f.perNeuron, order, 0), S - 1, 0, new double[net.parameters().length], tileLoss,
                net.parameters());
        // the teacher-forcing features are stored in float32 (the target Δv/δ included), hence 1e-6, not 1e-12
        assertEquals(tileLoss[0] * (S - 1) / S, ms, 1e-6 * ms);
    }

    @Test
    void teacherForcingInverseCapacitanceGradient() {
        Recording rec = recording(400);
        Network net = network(rec, null);
        TrainingData td = data(rec, net);
        TeacherForcingFeatures f = TeacherForcingFeatures.build(net, rec.segments(), td.channels(), 0.01);
        f.applyRanges(net);
        int[] order = new int[f.layout.rows];
        for (int k = 0; k < order.length; k++) order[k] = k;
        int T = Math.min(200, f.layout.rows);
        double[] p = net.parameters();
        TeacherForcingTrainer.Worker w = new TeacherForcingTrainer.Worker(net, f.layout);
        BatchRows rows = new BatchRows(f.perNeuron, order, 0);
        double[] grad = new double[p.length], loss = new double[1];
        w.tile(rows, T, 0, grad, loss, p);
        int k = net.store().block("inverse_capacitance").offset();
        assertClose(centralAbsolute(() -> { w.tile(rows, T, 0, new double[p.length], loss, p); return loss[0]; }, p, k, 1e-3), grad[k], "d/d raw 1/C");
    }

    @Test
    void shotsStayInsideSegmentsAndStartFromTheData() {
        Recording rec = recording(170, 160);
        Network net = network(rec, null);
        TrainingData td = data(rec, net);
        Shots shots = Shots.cut(net, rec.segments(), td.channels(), 5, 0.01);
        int k0 = org.rmmfiji.sim.FreeRun.transientSamples(net, 0.01);
        int expected = (170 - k0) / 5 + (160 - k0) / 5;
        assertEquals(expected, shots.count());
        for (int q = 0; q < shots.count(); q++) {
            Segment seg = rec.segments().get(shots.segment[q]);
            assertTrue(shots.start[q] >= k0 && shots.start[q] + 5 <= seg.length(), "shot " + q + " inside its segment");
            assertEquals(seg.get(0, shots.start[q]), shots.initial[q * shots.width], 0.0, "initial voltage from the data");
        }
        // filter states: the teacher-forcing features' row at each shot's first sample (float32 there)
        TeacherForcingFeatures f = TeacherForcingFeatures.build(net, rec.segments(), td.channels(), 0.01);
        int rowsBefore1 = 170 - 1 - k0;
        for (int q : new int[] {3, shots.count() - 2}) {
            int row = (shots.segment[q] == 0 ? 0 : rowsBefore1) + shots.start[q] - k0;
            for (int e = 0; e < net.edges().size(); e++)
                for (int st = 0; st < net.edges().get(e).bank().size(); st++)
                    assertEquals(f.perNeuron[0].get(row, f.layout.edgeColumn[e] + st), shots.initial[q * shots.width + shots.edgeOffset[e] + st],
                            1e-5 * 60, "shot " + q + " edge " + e + " state " + st);
        }
        int last0 = (170 - k0) / 5 - 1;
        assertFalse(shots.continues(last0), "no continuity across a segment boundary");
        assertTrue(shots.continues(0));
        assertThrows(InvalidInputException.class, () -> Shots.cut(net, rec.segments(), td.channels(), 1, 0.01));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Shots.cut(net, rec.segments(), td.channels(), 500, 0.01));
        assertTrue(e.getMessage().contains("longer than every training segment"), e.getMessage());
    }




}
