package org.rmmfiji.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.TestData;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.io.Recordings;
import org.rmmfiji.metrics.ScoreSettings;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * The chunked synapse evaluation against the simulator's own step-by-step outputs: forced traces equal a run with every
 * modelled neuron held at its recording, free-run traces equal the free run's recorded outputs; the coupling matrix is
 * made of them, and ablation leaves the live network untouched.
 */
class SynapticTracesTest {
    static final double DUMP = 0.01;

    record Fitted(Network net, Segment seg, ChannelMap map) {}

    static Fitted fitted() throws Exception {
        Path model = TestData.syncondModel();
        ModelFile mf = ModelFiles.read(model);
        Network net = ModelFiles.toNetwork(mf, model.toString());
        Recording rec = Recordings.open(TestData.pdLpShort());
        return new Fitted(net, rec.segments().get(0), ChannelMap.bind(rec, net, mf.provenance.voltage_channels, mf.provenance.current_channels));
    }

    static int[][] everyOutput(Network net) {
        List<int[]> rec = new ArrayList<>();
        for (int[] ec : SynapticTraces.synapses(net))
            for (int o = 0; o < net.edges().get(ec[0]).currents().get(ec[1]).outputs().size(); o++) rec.add(new int[] {ec[0], ec[1], o});
        return rec.toArray(new int[0][]);
    }

    static void assertSameTraces(List<SynapticTraces.Trace> traces, FreeRun.Result r) {
        int row = 0;
        for (SynapticTraces.Trace t : traces) {
            assertEquals(r.start, t.start);
            for (double[] values : t.values) {
                double[] expected = r.currents[row++];
                assertEquals(expected.length, values.length);
                for (int k = 0; k < values.length; k++) assertEquals(expected[k], values[k], 1e-9 * (1 + Math.abs(expected[k])), "sample " + k);
            }
        }
        assertEquals(r.currents.length, row);
    }

    /** The whole segment, and a tail part that warms up on the recording before it (its lead), as a validation part does. */
    static List<Segment> wholeAndTail(Segment seg) {
        return List.of(seg, seg.slice("tail", seg.length() / 2, seg.length()));
    }

    @Test
    void forcedTracesEqualAClampedRun() throws Exception {
        Fitted f = fitted();
        boolean[] all = new boolean[f.net.modelledCount()];
        Arrays.fill(all, true);
        for (Segment seg : wholeAndTail(f.seg)) {
            FreeRun.Result clamped = FreeRun.run(f.net, seg, f.map, everyOutput(f.net), DUMP, all);
            assertSameTraces(SynapticTraces.forced(f.net, seg, f.map, DUMP), clamped);
            for (int k = 0; k < clamped.predicted[0].length; k++) assertEquals(clamped.measured[0][k], clamped.predicted[0][k], 0.0);
        }
    }

    @Test
    void freeRunTracesEqualTheSimulatorsOutputs() throws Exception {
        Fitted f = fitted();
        for (Segment seg : wholeAndTail(f.seg))
            assertSameTraces(SynapticTraces.freeRun(f.net, seg, f.map, DUMP), FreeRun.run(f.net, seg, f.map, everyOutput(f.net), DUMP));
    }

    @Test
    void theCouplingOfATailPartCoversItFromTheFirstSampleItsLeadAllows() throws Exception {
        Fitted f = fitted();
        Segment tail = wholeAndTail(f.seg).get(1);
        CouplingEntry e = CouplingMatrix.compute(f.net, tail, f.map, new ScoreSettings(), DUMP, false).get(0);
        assertTrue(e.rms_nA > 0 && e.peak_nA >= e.rms_nA, e.rms_nA + " " + e.peak_nA);
        List<SynapticTraces.Trace> forced = SynapticTraces.forced(f.net, tail, f.map, DUMP);
        assertEquals(FreeRun.firstSample(f.net, tail, DUMP), forced.get(0).start);
        assertEquals(tail.length() - forced.get(0).start, forced.get(0).current().length);
    }

    @Test
    void ablationLeavesTheLiveNetworkAsItWas() throws Exception {
        Fitted f = fitted();
        double[] before = f.net.parameters().clone();
        double[] readout = f.net.edges().get(1).readout().clone();
        CouplingEntry e = CouplingMatrix.compute(f.net, f.seg, f.map, new ScoreSettings(), DUMP, true).get(0);
        assertArrayEquals(before, f.net.parameters());
        assertArrayEquals(readout, f.net.edges().get(1).readout());
        assertEquals("PD", e.pre);
        assertEquals("LP", e.post);
        assertEquals("conductance-based", e.kind);
        assertTrue(Double.isFinite(e.score_intact) && Double.isFinite(e.score_ablated), e.score_intact + " " + e.score_ablated);
        assertEquals(e.score_intact - e.score_ablated, e.ablation_drop, 1e-12);
        assertTrue(e.rms_nA > 0 && e.peak_nA >= e.rms_nA, e.rms_nA + " " + e.peak_nA);
        // without the synapse the model is a different one: a removed synapse changes LP's free run
        Network without = f.net.withReadout(1, 0, 0.0);
        FreeRun.Result a = FreeRun.run(f.net, f.seg, f.map, null, DUMP), b = FreeRun.run(without, f.seg, f.map, null, DUMP);
        double diff = 0;
        for (int k = 0; k < a.predicted[0].length; k++) diff = Math.max(diff, Math.abs(a.predicted[0][k] - b.predicted[0][k]));
        assertTrue(diff > 1e-6, "ablation changed nothing");
    }

    @Test
    void signFollowsTheReversalAgainstTheFiringThreshold() {
        assertEquals("inhibitory", CouplingMatrix.sign(new double[] {-75}, List.of(1.0), -50));
        assertEquals("excitatory", CouplingMatrix.sign(new double[] {-20}, List.of(1.0), -50));
        assertEquals("mixed", CouplingMatrix.sign(new double[] {-80, 0}, List.of(0.5, 0.5), -50));
        assertEquals("inhibitory", CouplingMatrix.sign(new double[] {-80, 0}, List.of(0.95, 0.05), -50), "an idle component does not count");
        assertEquals("inhibitory", CouplingMatrix.signOfCurrent(0.9));
        assertEquals("excitatory", CouplingMatrix.signOfCurrent(0.1));
        assertEquals("mixed", CouplingMatrix.signOfCurrent(0.5));
    }
}
