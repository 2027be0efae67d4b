package org.rmmfiji.train;

import static org.rmmfiji.FiniteDifferences.assertClose;
import static org.rmmfiji.FiniteDifferences.centralAbsolute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.Channel;
import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.ParameterStore;
import org.rmmfiji.model.Presets;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * Teacher forcing's sample weights: the scale is the multiple of the median speed over 1 ms of the voltage teacher forcing
 * trains on; a weighted tile's loss shrinks where the voltage moves fast and its gradient matches central differences;
 * a voltage that does not move is weighed alike with a warning; settings that make no scale are refused.
 */
class TeacherForcingWeightsTest {

    @Test
    void theScaleIsTheMultipleOfTheMedianSpeedOverOneMillisecondOfTheTrainingSamples() {
        // δ = 0.3 ms: the speed is taken over 3 samples (0.9 ms); the filters' transient and the validation segment are left out
        double dt = 0.3;
        Recording rec = RandomWalkRecordings.make(8, true, dt, 3000, 2500);
        Network net = new Network(Presets.get(Presets.NEURON_LUMPED).build(List.of("V"), List.of()), dt);
        TrainingData data = new TrainingData(new Dataset(rec, List.of(rec.segments().get(0)), List.of(rec.segments().get(1)), List.of()),
                ChannelMap.bind(rec, net, List.of("V"), List.of("I")));
        int k0 = FreeRun.transientSamples(net, 0.01), n = 0;
        assertTrue(k0 > 1000 && k0 < 2900, "transient " + k0);
        Segment train = rec.segments().get(0);
        float[] speeds = new float[train.length()];
        for (int k = k0; k + 3 < train.length(); k++) speeds[n++] = Math.abs(train.get(0, k + 3) - train.get(0, k));
        float[] sorted = Arrays.copyOf(speeds, n);
        Arrays.sort(sorted);
        double expected = 7.5 * sorted[(n - 1) / 2] / (3 * dt);
        assertArrayEquals(new double[] {expected}, TeacherForcingWeights.scales(net, data, 7.5, 0.01), 1e-12 * expected);
        assertNull(TeacherForcingWeights.scales(net, data, null, 0.01), "unset: no weights");
    }

    @Test
    void aVoltageThatDoesNotMoveIsWeighedAlikeWithAWarning() {
        float[] flat = new float[500], i = new float[500], p = new float[500];
        Arrays.fill(flat, -60f);
        for (int k = 0; k < 500; k++) p[k] = (float) Math.sin(k * 0.1);
        Recording rec = new Recording("flat", 0.1, List.of(new Channel("V", "mV"), new Channel("I", "nA"), new Channel("P", "mV")),
                List.of(new Segment("s", new float[][] {flat, i, p})), List.of());
        Network net = ClosedLoopTrainerTest.network(rec, null);
        double[] s = TeacherForcingWeights.scales(net, ClosedLoopTrainerTest.data(rec, net), 10.0, 0.01);
        assertArrayEquals(new double[] {0}, s);
        assertArrayEquals(new double[] {0}, TeacherForcingWeights.inverse(s), "inverse scale 0: every weight 1");
        assertEquals(1.0, TeacherForcingWeights.weight(300, 0), 0.0);
        String log = TeacherForcingWeights.describe(net, s, 10.0);
        assertTrue(log.contains("V none (WARNING"), log);
    }

    @Test
    void impossibleScalesAreRefused() {
        for (double bad : new double[] {0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
            TrainingSettings s = new TrainingSettings();
            s.tf_weight_scale = bad;
            InvalidInputException e = assertThrows(InvalidInputException.class, s::validate, "tf_weight_scale " + bad);
            assertTrue(e.getMessage().startsWith("tf_weight_scale"), e.getMessage());
        }
        // a positive multiple so small that 1/s overflows
        Recording rec = ClosedLoopTrainerTest.recording(900);
        Network net = ClosedLoopTrainerTest.network(rec, null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TeacherForcingWeights.scales(net, ClosedLoopTrainerTest.data(rec, net), 1e-320, 0.01));
        assertTrue(e.getMessage().contains("too small") && e.getMessage().contains("V"), e.getMessage());
    }

    /** One tile of teacher forcing over the recording's first rows, with the given weight scale (null: weights 1). */
    static final class Tile {
        final Network net;
        final TeacherForcingFeatures f;
        final BatchRows rows;
        final int T;

        Tile(Network net, Recording rec) {
            this.net = net;
            f = TeacherForcingFeatures.build(net, rec.segments(), ClosedLoopTrainerTest.data(rec, net).channels(), 0.01);
            f.applyRanges(net);
            int[] order = new int[f.layout.rows];
            for (int k = 0; k < order.length; k++) order[k] = k;
            rows = new BatchRows(f.perNeuron, order, 0);
            T = Math.min(200, f.layout.rows);
        }

        double loss(double[] scales, double[] p, double[] grad) {
            double[] loss = new double[1];
            new TeacherForcingTrainer.Worker(net, f.layout, scales).tile(rows, T, 0, grad, loss, p);
            return loss[0];
        }
    }

    @Test
    void weightsShrinkTheLossOfFastSamplesAndTheGradientFollowsTheWeightedLoss() {
        Recording rec = RandomWalkRecordings.make(4, true, ClosedLoopTrainerTest.DT, 600);   // with ±6 mV pulses: fast samples
        Network net = ClosedLoopTrainerTest.network(rec, null);
        Tile tile = new Tile(net, rec);
        double[] p = net.parameters();
        double plain = tile.loss(null, p, new double[p.length]);
        assertEquals(plain, tile.loss(new double[] {1e300}, p, new double[p.length]), 0.0, "a scale far above every derivative weighs every sample 1");
        double[] scale = {2.0};
        double[] grad = new double[p.length];
        double weighted = tile.loss(scale, p, grad);
        assertTrue(weighted < 0.5 * plain, "weighted " + weighted + " against " + plain + ": the pulses' samples count less");
        int checked = 0;
        for (ParameterStore.Block b : net.store().blocks()) {
            int k = b.offset() + b.size() / 2;     // one parameter of every block, 1/C included
            assertClose(centralAbsolute(() -> tile.loss(scale, p, new double[p.length]), p, k, 1e-3), grad[k], b.name());
            checked++;
        }
        assertTrue(checked >= 5, checked + " blocks");
    }
}
