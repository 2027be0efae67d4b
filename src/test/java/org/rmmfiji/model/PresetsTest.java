package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.InvalidInputException;

class PresetsTest {

    @Test
    void lpPdIsTheAuthorsArchitecture() {
        Network net = new Network(Presets.get("lp-pd").build(List.of("LP"), List.of("PD")), 0.1);
        assertEquals(913, net.parameterCount());
        Edge intrinsic = net.edges().get(0), synapse = net.edges().get(1);
        assertEquals(36, intrinsic.bank().size());
        assertEquals(16, synapse.bank().size());
        assertArrayEquals(new int[] {37, 10, 10, 10, 1}, ((LumpedCurrent) intrinsic.currents().get(0)).mlp().sizes());
        assertArrayEquals(new int[] {17, 10, 10, 1}, ((LumpedCurrent) synapse.currents().get(0)).mlp().sizes());
        assertEquals("leak", intrinsic.currents().get(1).name());
        double[] lp = Presets.lpTau(), syn = Presets.synTau();
        assertEquals(0.05, lp[0], 1e-12);
        assertEquals(486.0, lp[35], 0.5);
        assertEquals(1.97, syn[0], 0.01);
        assertEquals(100.8, syn[15], 0.1);
        assertEquals(net.store().block("LP<-PD.synapse.W1").size(), 170);
        // no readout bias by default
        assertEquals(null, net.store().find("LP<-LP.intrinsic.b4"));
    }

    @Test
    void hhLumped() {
        Network net = new Network(Presets.get("hh-lumped").build(List.of("cell"), List.of()), 0.05);
        assertEquals(8, net.edges().get(0).bank().size());
        // (9·10+10) + (10·10+10) + 10 + g_L + 1/C; E_L is fixed
        assertEquals(100 + 110 + 10 + 1 + 1, net.parameterCount());
        assertEquals(List.of("neuron-lumped", "hh-lumped", "lp-pd", "lp-pd-syncond", "circuit-syncond", "hh-conductance", "pd-conductance"), Presets.ids());
    }

    @Test
    void neuronLumpedCarriesNoGroundTruthConstant() {
        Network net = new Network(Presets.get(Presets.NEURON_LUMPED).build(List.of("cell"), List.of()), 0.05);
        double[] tau = Presets.neuronTau();
        assertEquals(11, net.edges().get(0).bank().size());
        assertEquals(0.1, tau[0], 1e-12);
        assertEquals(102.4, tau[10], 1e-9);
        // (12·10+10) + (10·10+10) + 10 + g_L + E_L + 1/C: the leak reversal is learned
        assertEquals(130 + 110 + 10 + 3, net.parameterCount());
        CurrentSpec leak = net.edges().get(0).currents().get(1).spec();
        assertEquals(null, leak.e0_mV, "E_L starts from the recording, not from a constant");
        assertEquals(true, leak.train_e && leak.reg_e);
        assertEquals("combined", Presets.get(Presets.NEURON_LUMPED).defaults().selection);
    }

    @Test
    void wrongNeuronCountsAndUnknownIdsAreClear() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Presets.get("lp-pd").build(List.of("LP"), List.of()));
        assertEquals(true, e.getMessage().contains("1 measured input"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Presets.get("pd-magic"));
        assertEquals(true, e.getMessage().contains("hh-lumped"), e.getMessage());
    }
}
