package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.Rng;

/** What a conductance-based synapse promises beyond its gradients: bounded, monotone gates and its named outputs. */
class SynapticCurrentTest {

    static SynapticCurrent pdToLp(Network net) { return (SynapticCurrent) net.edges().get(1).currents().get(0); }

    static Network lpPdSyncond(long seed) {
        Network net = new Network(Presets.get(Presets.LP_PD_SYNCOND).build(List.of("LP"), List.of("PD")), 0.1);
        net.initialise(new Rng(seed));
        return net;
    }

    @Test
    void gatesAreBoundedAndRiseWithThePresynapticVoltage() {
        Network net = lpPdSyncond(1);
        SynapticCurrent syn = pdToLp(net);
        int n = net.edges().get(1).bank().size();
        double[] lo = new double[n], hi = new double[n];
        java.util.Arrays.fill(lo, -70);
        java.util.Arrays.fill(hi, 20);
        syn.setInputRanges(-70, 20, lo, hi);
        // a steady presynaptic voltage ramp: every state at the same DC level (diagonal bank, DC gain 1)
        int T = 50;
        double[] x = new double[n * T], v = new double[T], out = new double[T];
        for (int t = 0; t < T; t++) for (int s = 0; s < n; s++) x[s * T + t] = -90 + 130.0 * t / (T - 1);
        java.util.Arrays.fill(v, -60);
        Current.Workspace ws = syn.newWorkspace(T);
        double[] p = net.parameters();
        for (int k = 0; k < syn.components(); k++) {
            syn.output(ws, p, v, x, T, 2 + k, out);
            for (int t = 0; t < T; t++) assertTrue(out[t] > 0 && out[t] < 1, "activation in (0, 1)");
            for (int t = 1; t < T; t++) assertTrue(out[t] >= out[t - 1], "activation non-decreasing in the presynaptic voltage");
            assertTrue(out[T - 1] - out[0] > 0.05, "the gate opens over the voltage range");
        }
        // conductance = Σ ḡ_k s_k; current = Σ ḡ_k s_k (v − E_k)
        double[] gsum = new double[T], cur = new double[T], s1 = new double[T], s2 = new double[T];
        syn.output(ws, p, v, x, T, 1, gsum);
        syn.output(ws, p, v, x, T, 0, cur);
        syn.output(ws, p, v, x, T, 2, s1);
        syn.output(ws, p, v, x, T, 3, s2);
        for (int t = 0; t < T; t++) {
            assertEquals(syn.conductance(p, 0) * s1[t] + syn.conductance(p, 1) * s2[t], gsum[t], 1e-12);
            double expect = syn.conductance(p, 0) * s1[t] * (v[t] - syn.reversal(p, 0)) + syn.conductance(p, 1) * s2[t] * (v[t] - syn.reversal(p, 1));
            assertEquals(expect, cur[t], 1e-12);
        }
        assertEquals(List.of("current", "conductance", "activation_1", "activation_2"), syn.outputs());
        assertEquals(Circuits.INITIAL_CONDUCTANCE_US, syn.conductance(p, 0) + syn.conductance(p, 1), 1e-9);
        assertEquals(Circuits.NEUTRAL_REVERSAL_MV, syn.reversal(p, 0), 0);
    }

    @Test
    void badSpecsAreNamed() {
        ModelSpec spec = Presets.get(Presets.LP_PD_SYNCOND).build(List.of("LP"), List.of("PD"));
        spec.edges.get(1).currents.get(0).reversals_mV = new double[] {-70};
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Network(spec, 0.1));
        assertTrue(e.getMessage().contains("reversals_mV needs one reversal per component (2)"), e.getMessage());
        ModelSpec autapse = Presets.get(Presets.LP_PD_SYNCOND).build(List.of("LP"), List.of("PD"));
        autapse.edges.get(0).currents.add(autapse.edges.get(1).currents.get(0));
        e = assertThrows(InvalidInputException.class, () -> new Network(autapse, 0.1));
        assertTrue(e.getMessage().contains("needs a presynaptic cell other than LP"), e.getMessage());
    }
}
