package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.InvalidInputException;

class ConnectivityTest {
    static final List<String> CELLS = List.of("PD", "LP", "PY"), NONE = List.of();

    @Test
    void threeWaysToSayTheSameCircuit() {
        Connectivity pairs = Connectivity.parse("PD>LP, LP>PD, LP>PY", CELLS, NONE);
        Connectivity matrix = Connectivity.parse("1 1 0; 1 1 0; 0 1 1", CELLS, NONE);
        assertEquals(List.of(new Connectivity.Pair("PD", "LP"), new Connectivity.Pair("LP", "PD"), new Connectivity.Pair("LP", "PY")), pairs.pairs());
        assertEquals(new java.util.HashSet<>(pairs.pairs()), new java.util.HashSet<>(matrix.pairs()));
        assertEquals(6, Connectivity.parse("all-to-all", CELLS, NONE).pairs().size());
        assertEquals(0, Connectivity.parse("none", CELLS, NONE).pairs().size());
        // a measured input drives modelled neurons; its column comes after the neurons'
        Connectivity withInput = Connectivity.parse("1 1", List.of("LP"), List.of("PD"));
        assertEquals(List.of(new Connectivity.Pair("PD", "LP")), withInput.pairs());
    }

    @Test
    void badConnectivityIsNamed() {
        assertMessage("PD is a measured input, not a modelled neuron", () -> Connectivity.parse("LP>PD", List.of("LP"), List.of("PD")));
        assertMessage("has 2 row(s); expected 3 row(s)", () -> Connectivity.parse("1 1 1; 1 1 1", CELLS, NONE));
        assertMessage("row 2 of the adjacency matrix has 2 entries", () -> Connectivity.parse("1 1 1; 1 1; 1 1 1", CELLS, NONE));
        assertMessage("no neuron named AB", () -> Connectivity.parse("AB>LP", CELLS, NONE));
        assertMessage("two modelled neurons are named LP", () -> Connectivity.parse("all-to-all", List.of("LP", "LP"), NONE));
        assertMessage("given twice", () -> Connectivity.parse("PD>LP,PD>LP", CELLS, NONE));
        assertMessage("not a synapse pre>post", () -> Connectivity.parse("PD>", CELLS, NONE));
    }

    @Test
    void connectKeepsIntrinsicEdgesAndListedSynapses() {
        ModelSpec spec = Presets.get(Presets.CIRCUIT_SYNCOND).build(CELLS, NONE);
        assertEquals(3 + 6, spec.edges.size());
        Circuits.connect(spec, Connectivity.parse("PD>LP, LP>PY", CELLS, NONE));
        assertEquals(3 + 2, spec.edges.size());
        Network net = new Network(spec, 0.1);
        assertTrue(net.edges().get(3).currents().get(0) instanceof SynapticCurrent);
        assertEquals("LP", net.voltageName(net.edges().get(3).post()));
        assertEquals("PD", net.voltageName(net.edges().get(3).pre()));
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable run) {
        InvalidInputException e = assertThrows(InvalidInputException.class, run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
