package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.SpecFiles;
import org.rmmfiji.math.Rng;

/**
 * A neuron whose 1/C starts where the recording puts it starts with the same ionic dv/dt as from the spec's 1/C: only
 * the injected current's gain changes. The values go into the spec as a record; a spec without the flag starts there.
 */
class InverseCapacitanceFromDataTest {
    static final int T = GradientCheckTest.T;

    static ModelSpec spec() {
        ModelSpec s = Presets.get(Presets.NEURON_LUMPED).build(List.of("V"), List.of());
        assertTrue(s.inverse_capacitance_from_data, "the generic preset takes 1/C from the recording");
        return s;
    }

    static Network fresh(ModelSpec s) {
        Network net = new Network(s, 0.05);
        net.initialise(new Rng(5));
        Rng rng = new Rng(6);
        int n = net.edges().get(0).bank().size();
        for (Current c : net.edges().get(0).currents()) {
            c.setInputRanges(-80, 30, GradientCheckTest.inputs(rng, n, 3, -75), GradientCheckTest.inputs(rng, n, 3, 25));
            c.initialiseFromData(net.parameters(), -60);
        }
        return net;
    }

    /** (1/C) · Σ currents over a tile: the part of dv/dt that does not come from the injected current. */
    static double[] intrinsicRate(Network net, double[] v, double[] x) {
        Edge e = net.edges().get(0);
        double[] sum = new double[T], out = new double[T];
        for (int c = 0; c < e.currents().size(); c++) {
            Current cur = e.currents().get(c);
            cur.forward(cur.newWorkspace(T), net.parameters(), v, x, T, out);
            for (int t = 0; t < T; t++) sum[t] += net.inverseCapacitance(net.parameters(), 0) * out[t];
        }
        return sum;
    }

    @Test
    void theInitialDvDtIsKeptAndOnlyTheCurrentsGainMoves() {
        Network net = fresh(spec());
        Rng rng = new Rng(7);
        int n = net.edges().get(0).bank().size();
        double[] v = GradientCheckTest.inputs(rng, T, 20, -55), x = GradientCheckTest.inputs(rng, n * T, 20, -55);
        double[] before = intrinsicRate(net, v, x);
        net.startInverseCapacitancesFromData(new double[] {46.0}, "a test");
        assertEquals(46.0, net.inverseCapacitance(net.parameters(), 0), 1e-9);
        double[] after = intrinsicRate(net, v, x);
        for (int t = 0; t < T; t++) assertEquals(before[t], after[t], 1e-9 * (1 + Math.abs(before[t])), "sample " + t);
        assertArrayEquals(new double[] {46.0}, net.spec().initial_inverse_capacitances);
        assertEquals("a test", net.spec().initial_inverse_capacitance_origin);
    }

    @Test
    void aNeuronWithoutAnEstimateKeepsTheSpecsValue() {
        Network net = fresh(spec());
        double[] p = net.parameters().clone();
        net.startInverseCapacitancesFromData(new double[] {Double.NaN}, "no current");
        assertArrayEquals(p, net.parameters(), 1e-12);
        assertArrayEquals(new double[] {1.0}, net.spec().initial_inverse_capacitances);
    }

    @Test
    void aSpecWrittenBesideTheModelEstimatesAnewButWithoutTheFlagStartsWhereItsValuesSay(@TempDir Path dir) throws Exception {
        Network net = fresh(spec());
        net.startInverseCapacitancesFromData(new double[] {46.0}, "a test");
        Path file = dir.resolve("fit" + SpecFiles.SUFFIX);
        SpecFiles.write(file, net.spec());
        ModelSpec read = SpecFiles.read(file);
        assertArrayEquals(new double[] {46.0}, read.initial_inverse_capacitances, "the estimate is on record");
        // with the flag, a fit on another recording must not take this cell's 1/C: the network starts at the spec's value
        Network again = fresh(read);
        assertEquals(1.0, again.inverseCapacitance(again.parameters(), 0), 1e-12);
        // without it, the values are where 1/C starts, the currents scaled as the estimate scaled them
        read.inverse_capacitance_from_data = false;
        Network fixedStart = fresh(read);
        assertArrayEquals(net.parameters(), fixedStart.parameters(), 0.0);
    }

    @Test
    void aNeuronWithACurrentWhoseAmountIsFixedKeepsItsCapacitance() {
        ModelSpec s = Presets.get(Presets.HH_CONDUCTANCE).build(List.of("V"), List.of());
        Network net = fresh(s);
        String why = net.whyInverseCapacitanceIsFixed(0);
        assertTrue(why != null && why.contains("conductance of 'Na' is fixed"), why);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> net.startInverseCapacitancesFromData(new double[] {46.0}, "a test"));
        assertTrue(e.getMessage().contains("is fixed"), e.getMessage());
    }

    @Test
    void valuesThatAreNotOnePerNeuronOrNotPositiveAreRefused() {
        ModelSpec s = spec();
        s.inverse_capacitance_from_data = false;   // with the flag the values are a record, estimated anew
        s.initial_inverse_capacitances = new double[] {1, 2};
        assertThrows(InvalidInputException.class, () -> new Network(s, 0.05));
        s.initial_inverse_capacitances = new double[] {-1};
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Network(s, 0.05));
        assertTrue(e.getMessage().contains("initial_inverse_capacitances"), e.getMessage());
    }
}
