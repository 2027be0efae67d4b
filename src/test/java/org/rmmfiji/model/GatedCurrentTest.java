package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.math.Rng;

/**
 * The gated currents of hh-conductance and pd-conductance: gradients (parameters, v, x), monotone gates (activation
 * rises, inactivation and the H current's activation fall with the steady voltage), their outputs, parameter counts,
 * the model-file round trip and the refusals of impossible specs.
 */
class GatedCurrentTest {

    static Network preset(String id, long seed) {
        Network net = new Network(Presets.get(id).build(List.of("V"), List.of()), id.equals(Presets.HH_CONDUCTANCE) ? 0.05 : 0.1);
        net.initialise(new Rng(seed));
        Edge e = net.edges().get(0);
        int n = e.bank().size();
        Rng rng = new Rng(seed + 1);
        for (Current c : e.currents()) {
            c.setInputRanges(-80, 30, GradientCheckTest.inputs(rng, n, 2, -80), GradientCheckTest.inputs(rng, n, 2, 30));
            c.initialiseFromData(net.parameters(), -62);
        }
        return net;
    }

    static GatedCurrent gated(Network net, String name) {
        for (Current c : net.edges().get(0).currents()) if (c.name().equals(name)) return (GatedCurrent) c;
        throw new AssertionError("no current " + name);
    }

    @Test
    void parameterCountsAreTheAuthors() {
        // 3 gate nets of (n_in·20 + 20 + 20) = 120 each, leak g and E, 1/C: the authors' ≈ 362
        assertEquals(363, preset(Presets.HH_CONDUCTANCE, 1).parameterCount());
        int pd = preset(Presets.PD_CONDUCTANCE, 1).parameterCount();
        assertTrue(pd > 2700 && pd < 3000, "pd-conductance has ≈ 2.9k parameters, got " + pd);
    }

    @Test
    void gradientsOfHhConductance() {
        Network net = preset(Presets.HH_CONDUCTANCE, 3);
        // ḡ and E are fixed in the preset; learn them here so their gradients are checked too
        for (ParameterStore.Block b : net.store().blocks()) b.setTrainable(true);
        Rng rng = new Rng(4);
        int n = net.edges().get(0).bank().size();
        GradientCheckTest.check(net, net.edges().get(0), GradientCheckTest.inputs(rng, GradientCheckTest.T, 25, -50),
                GradientCheckTest.inputs(rng, n * GradientCheckTest.T, 25, -45));
    }

    @Test
    void gradientsOfPdConductanceWithItsPriors() {
        Network net = preset(Presets.PD_CONDUCTANCE, 5);
        Rng rng = new Rng(6);
        int n = net.edges().get(0).bank().size();
        GradientCheckTest.check(net, net.edges().get(0), GradientCheckTest.inputs(rng, GradientCheckTest.T, 20, -50),
                GradientCheckTest.inputs(rng, n * GradientCheckTest.T, 20, -50));
        GradientCheckTest.regularizerMatchesDifferences(net);
    }

    /** out(v̄) for a steady voltage v̄ (every state at its DC value) over a ramp, for output {@code what}. */
    static double[] steady(Network net, GatedCurrent c, String what, double[] volts) {
        FilterBank bank = net.edges().get(0).bank();
        double[] dc = bank.dcGains();
        int T = volts.length, n = bank.size();
        double[] x = new double[n * T], out = new double[T];
        for (int s = 0; s < n; s++) for (int t = 0; t < T; t++) x[s * T + t] = dc[s] * volts[t];
        c.output(c.newWorkspace(T), net.parameters(), volts, x, T, c.outputs().indexOf(what), out);
        return out;
    }

    static double[] ramp(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * i / (n - 1);
        return v;
    }

    static void assertMonotone(double[] y, boolean rising, String what) {
        for (int t = 1; t < y.length; t++)
            assertTrue(rising ? y[t] >= y[t - 1] : y[t] <= y[t - 1], what + " must " + (rising ? "rise" : "fall") + " with the voltage at point " + t);
        assertTrue(Math.abs(y[y.length - 1] - y[0]) > 0.05, what + " changes over the range");
        for (double a : y) assertTrue(a >= 0, what + " stays ≥ 0");
    }

    @Test
    void gatesAreMonotoneAndStartInTheUnitInterval() {
        double[] v = ramp(-90, 30, 40);
        Network hh = preset(Presets.HH_CONDUCTANCE, 7);
        GatedCurrent na = gated(hh, "Na"), k = gated(hh, "K");
        assertEquals(List.of("current", "conductance", "activation", "inactivation"), na.outputs());
        assertEquals(List.of("current", "conductance", "activation"), k.outputs());
        assertMonotone(steady(hh, na, "activation", v), true, "Na activation");
        assertMonotone(steady(hh, na, "inactivation", v), false, "Na inactivation");
        assertMonotone(steady(hh, k, "activation", v), true, "K activation");
        for (double m : steady(hh, na, "activation", v)) assertTrue(m <= 1, "a gate starts in [0, 1]");
        // diagonal states (DC gain 1): the H current of pd-conductance opens on hyperpolarisation
        Network pd = preset(Presets.PD_CONDUCTANCE, 8);
        assertMonotone(steady(pd, gated(pd, "H"), "activation", v), false, "H activation");
        assertMonotone(steady(pd, gated(pd, "Ca"), "activation", v), true, "Ca activation");
    }

    @Test
    void currentIsConductanceTimesDrivingForce() {
        Network hh = preset(Presets.HH_CONDUCTANCE, 9);
        GatedCurrent na = gated(hh, "Na");
        double[] v = ramp(-80, 20, 11);
        double[] g = steady(hh, na, "conductance", v), i = steady(hh, na, "current", v), m = steady(hh, na, "activation", v), h = steady(hh, na, "inactivation", v);
        double[] p = hh.parameters();
        assertEquals(100, na.conductance(p, 0), 1e-9);
        assertEquals(Conductances.E_NA_MV, na.reversal(p, 0), 0);
        for (int t = 0; t < v.length; t++) {
            assertEquals(na.conductance(p, 0) * m[t] * h[t], g[t], 1e-9);
            assertEquals(g[t] * (v[t] - na.reversal(p, 0)), i[t], 1e-9);
        }
        // the Ca current of pd-conductance: E_k spread around +120 mV, conductance split over 10 components
        Network pd = preset(Presets.PD_CONDUCTANCE, 10);
        GatedCurrent ca = gated(pd, "Ca");
        double gSum = 0, eMin = 1e9, eMax = -1e9;
        for (int k = 0; k < ca.components(); k++) {
            gSum += ca.conductance(pd.parameters(), k);
            eMin = Math.min(eMin, ca.reversal(pd.parameters(), k));
            eMax = Math.max(eMax, ca.reversal(pd.parameters(), k));
        }
        assertEquals(10, ca.components());
        assertEquals(1.0, gSum, 1e-9);
        assertTrue(eMax - eMin > 5 && eMin > 60 && eMax < 180, "E_k spread around 120 mV: " + eMin + " … " + eMax);
    }

    @Test
    void survivesTheModelFile(@TempDir Path dir) throws Exception {
        Network net = preset(Presets.PD_CONDUCTANCE, 11);
        net.markNormalised();
        ModelFile f = new ModelFile();
        f.dt_ms = net.dt();
        f.spec = net.spec();
        ModelFiles.capture(net, f);
        Path file = dir.resolve("pd" + ModelFiles.SUFFIX);
        ModelFiles.write(file, f);
        Network back = ModelFiles.toNetwork(ModelFiles.read(file), file.toString());
        double[] v = ramp(-70, 0, 9);
        for (String name : List.of("K", "Ca", "H"))
            assertArrayEquals(steady(net, gated(net, name), "current", v), steady(back, gated(back, name), "current", v), 1e-12, name);
    }

    static InvalidInputException refused(CurrentSpec c) {
        FilterBank bank = new FilterBank(FilterBankSpec.diagonal(Presets.hhTau()), 0.05);
        return assertThrows(InvalidInputException.class, () -> CurrentTypes.get(CurrentTypes.GATED).check(c, bank, "V", "V"));
    }

    @Test
    void impossibleSpecsAreRefusedWithTheReason() {
        int[] u = {20, 1};
        assertTrue(refused(CurrentSpec.gated("X", null, null, null, null, u, 1, 0)).getMessage().contains("no filter states"));
        assertTrue(refused(CurrentSpec.gated("X", new int[] {}, null, null, null, u, 1, 0)).getMessage().contains("no filter states"));
        assertTrue(refused(CurrentSpec.gated("X", new int[] {0, 9}, null, null, null, u, 1, 0)).getMessage().contains("filter state 9"));
        assertTrue(refused(CurrentSpec.gated("X", new int[] {0}, null, null, null, u, -1, 0)).getMessage().contains("g0_uS must be positive"));
        assertTrue(refused(CurrentSpec.gated("X", new int[] {0}, new double[] {30, -80}, null, null, u, 1, 0)).getMessage().contains("low then high"));
        assertTrue(refused(CurrentSpec.gated("X", new int[] {0}, null, null, null, new int[] {20}, 1, 0)).getMessage().contains("layers"));
        CurrentSpec c = CurrentSpec.gated("X", new int[] {0}, null, null, null, u, 1, 0);
        c.activation_opens_on = "sideways";
        assertTrue(refused(c).getMessage().contains("hyperpolarisation"));
        c = CurrentSpec.gated("X", new int[] {0}, null, null, null, u, 1, 0);
        c.e0_mV = null;
        assertTrue(refused(c).getMessage().contains("reversal"));
    }
}
