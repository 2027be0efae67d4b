package org.rmmfiji.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.TestData;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.Presets;
import org.rmmfiji.model.SynapticCurrent;
import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.ProgressListener;

/** Circuit settings of Fit RMM: what a user says about neurons and synapses is built, or refused with a message and nothing written. */
class CircuitFitSettingsTest {

    static FitSettings circuit(Path rec, Path out) {
        FitSettings s = TestData.quickSyncondFit(rec, out);
        s.preset = Presets.CIRCUIT_SYNCOND;
        return s;
    }

    @Test
    void connectivityShapesTheCircuit(@TempDir Path data, @TempDir Path out) throws Exception {
        Path rec = TestData.smallPdLp(data);
        FitSettings s = circuit(rec, out);
        s.neurons = "V_LP,V_PD";
        s.inputs = "";
        s.currents = "I_LP,none";
        s.connectivity = "PD>LP";
        s.synapse_sparsity = 0.5;
        FitJob.Plan p = FitJob.plan(s);
        assertEquals(3, p.network.edges().size(), "two intrinsic edges and the one synapse asked for");
        var syn = p.network.edges().get(2);
        assertEquals("LP", p.network.voltageName(syn.post()));
        assertEquals("PD", p.network.voltageName(syn.pre()));
        assertEquals(0.5, ((SynapticCurrent) syn.currents().get(0)).spec().sparsity);
        assertEquals(2 + 2, FitJob.plan(withConnectivity(circuit(rec, out), "all-to-all", "V_LP,V_PD")).network.edges().size());
    }

    static FitSettings withConnectivity(FitSettings s, String connectivity, String neurons) {
        s.neurons = neurons;
        s.inputs = "";
        s.currents = "I_LP,none";
        s.connectivity = connectivity;
        return s;
    }

    @Test
    void badCircuitsAreRefusedBeforeAnythingIsWritten(@TempDir Path data, @TempDir Path out) throws Exception {
        Path rec = TestData.smallPdLp(data);
        Files.writeString(out.resolve("keep.txt"), "a user's file");
        refused(rec, out, s -> { s.preset = Presets.LP_PD_SYNCOND; s.connectivity = "LP>PD"; }, "PD is a measured input, not a modelled neuron");
        refused(rec, out, s -> withConnectivity(s, "1 1; 1 1; 1 1", "V_LP,V_PD"), "has 3 row(s); expected 2 row(s)");
        refused(rec, out, s -> { s.preset = Presets.LP_PD_SYNCOND; s.inputs = "V_AB"; }, "V_AB");
        refused(rec, out, s -> withConnectivity(s, "all-to-all", "V_LP,V_LP"), "two modelled neurons are named LP");
        refused(rec, out, s -> { s.preset = Presets.LP_PD_SYNCOND; s.synapse_sparsity = -1.0; }, "synapse_sparsity must be ≥ 0");
    }

    static void refused(Path rec, Path out, Consumer<FitSettings> change, String message) throws Exception {
        Map<String, byte[]> before = TestData.snapshot(out);
        FitSettings s = circuit(rec, out);
        change.accept(s);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FitJob.run(s, ProgressListener.NONE, new CancelToken()));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        Map<String, byte[]> after = TestData.snapshot(out);
        assertEquals(before.keySet(), after.keySet(), "nothing written");
    }
}
