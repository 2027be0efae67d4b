package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.Rng;

/**
 * The {@link Current} contract, passed by every type in the {@link CurrentTypes} registry from its default spec:
 * gradients against finite differences (parameters, v, x), output 0 is the current, the normalisation survives a
 * round trip (as through a model file), and a type is refused on an edge it cannot sit on.
 */
class CurrentContractTest {
    static final int STATES = 6, T = GradientCheckTest.T;

    static List<String> types() { return CurrentTypes.keys(); }

    /** One neuron N and one measured input U; the current sits on N's own edge, or on U→N when it must be synaptic. */
    static Network network(CurrentType type, CurrentSpec c, long seed) {
        ModelSpec s = new ModelSpec();
        s.neurons = new java.util.ArrayList<>(List.of("N"));
        s.inputs = new java.util.ArrayList<>(List.of("U"));
        String pre = type.placement() == CurrentType.Placement.SYNAPTIC ? "U" : "N";
        s.edges.add(new EdgeSpec("N", pre, FilterBankSpec.diagonal(new double[] {0.2, 0.5, 1, 2, 5, 10}), List.of(c)));
        Network net = new Network(s, 0.1);
        net.initialise(new Rng(seed));
        Rng rng = new Rng(seed + 1);
        net.edges().get(0).currents().get(0).setInputRanges(-80, 30, GradientCheckTest.inputs(rng, STATES, 3, -75), GradientCheckTest.inputs(rng, STATES, 3, 25));
        net.edges().get(0).currents().get(0).initialiseFromData(net.parameters(), -60);
        return net;
    }

    static Network network(String key, long seed) {
        CurrentType type = CurrentTypes.get(key);
        return network(type, type.defaultSpec(STATES), seed);
    }

    @ParameterizedTest
    @MethodSource("types")
    void gradientsMatchFiniteDifferences(String key) {
        Network net = network(key, 31);
        Rng rng = new Rng(32);
        GradientCheckTest.check(net, net.edges().get(0), GradientCheckTest.inputs(rng, T, 20, -50), GradientCheckTest.inputs(rng, STATES * T, 25, -40));
        GradientCheckTest.regularizerMatchesDifferences(net);
    }

    @ParameterizedTest
    @MethodSource("types")
    void outputZeroIsTheCurrent(String key) {
        Network net = network(key, 33);
        Current c = net.edges().get(0).currents().get(0);
        assertEquals("current", c.outputs().get(0));
        Rng rng = new Rng(34);
        double[] v = GradientCheckTest.inputs(rng, T, 20, -50), x = GradientCheckTest.inputs(rng, STATES * T, 25, -40);
        double[] a = new double[T], b = new double[T];
        c.forward(c.newWorkspace(T), net.parameters(), v, x, T, a);
        c.output(c.newWorkspace(T), net.parameters(), v, x, T, 0, b);
        assertArrayEquals(a, b, 0.0);
        for (int i = 1; i < c.outputs().size(); i++) {
            c.output(c.newWorkspace(T), net.parameters(), v, x, T, i, b);
            for (double y : b) assertTrue(Double.isFinite(y), key + " output " + c.outputs().get(i));
        }
    }

    /**
     * A free run evaluates one sample at a time, on another path than a tile's (weights transposed, outputs side by side
     * in vector lanes): it must give the tile's bits, also after the parameters change under a workspace it has used.
     */
    @ParameterizedTest
    @MethodSource("types")
    void oneSampleAtATimeHasTheTilesBits(String key) {
        int T = 19;     // whole vectors of samples and a tail, so that the tile runs its vector loops
        Network net = network(key, 36);
        Current c = net.edges().get(0).currents().get(0);
        Rng rng = new Rng(37);
        double[] v = GradientCheckTest.inputs(rng, T, 20, -50), x = GradientCheckTest.inputs(rng, STATES * T, 25, -40);
        Current.Workspace one = c.newWorkspace(1);
        for (int change = 0; change < 2; change++) {
            double[] p = net.parameters();
            if (change == 1) for (int k = 0; k < p.length; k++) p[k] += 0.01 * (rng.nextDouble() - 0.5);
            double[] tile = new double[T];
            c.forward(c.newWorkspace(T), p, v, x, T, tile);
            double[] vt = new double[1], xt = new double[STATES], out = new double[1];
            for (int t = 0; t < T; t++) {
                vt[0] = v[t];
                for (int s = 0; s < STATES; s++) xt[s] = x[s * T + t];
                c.forward(one, p, vt, xt, 1, out);
                assertEquals(Double.doubleToRawLongBits(tile[t]), Double.doubleToRawLongBits(out[0]),
                        key + (change == 1 ? ", parameters changed" : "") + ", sample " + t + ": tile " + tile[t] + ", alone " + out[0]);
            }
        }
        // backward after a one-sample forward (admittance, Jacobians): the tile's gradients, summed in another order
        double[] p = net.parameters(), ones = new double[T], tileGrad = new double[p.length], oneGrad = new double[p.length];
        java.util.Arrays.fill(ones, 1.0);
        Current.Workspace tw = c.newWorkspace(T);
        c.forward(tw, p, v, x, T, new double[T]);
        c.backward(tw, p, v, x, T, ones, tileGrad, null, null);
        double[] vt = new double[1], xt = new double[STATES];
        for (int t = 0; t < T; t++) {
            vt[0] = v[t];
            for (int s = 0; s < STATES; s++) xt[s] = x[s * T + t];
            c.forward(one, p, vt, xt, 1, new double[1]);
            c.backward(one, p, vt, xt, 1, new double[] {1.0}, oneGrad, null, null);
        }
        for (int k = 0; k < p.length; k++)
            assertEquals(tileGrad[k], oneGrad[k], 1e-9 * (1 + Math.abs(tileGrad[k])), key + ": gradient " + k + " after one-sample forwards");
    }

    /** What a neuron whose 1/C starts from the recording relies on: scaling a fresh current scales what it passes. */
    @ParameterizedTest
    @MethodSource("types")
    void scalingTheInitialCurrentScalesItsOutput(String key) {
        Network net = network(key, 37);
        Current c = net.edges().get(0).currents().get(0);
        Rng rng = new Rng(38);
        double[] v = GradientCheckTest.inputs(rng, T, 20, -50), x = GradientCheckTest.inputs(rng, STATES * T, 25, -40);
        double[] before = new double[T], after = new double[T];
        c.forward(c.newWorkspace(T), net.parameters(), v, x, T, before);
        c.scaleInitialCurrent(net.parameters(), 0.037);
        c.forward(c.newWorkspace(T), net.parameters(), v, x, T, after);
        double largest = 0;
        for (double b : before) largest = Math.max(largest, Math.abs(b));
        assertTrue(largest > 0, key + " passes no current");
        for (int t = 0; t < T; t++) assertEquals(0.037 * before[t], after[t], 1e-12 * largest, key + " sample " + t);
    }

    @ParameterizedTest
    @MethodSource("types")
    void normalisationSurvivesARoundTrip(String key) {
        Network net = network(key, 35), other = network(key, 35);
        Current c = net.edges().get(0).currents().get(0), d = other.edges().get(0).currents().get(0);
        if (c.normalisation() == null) return;
        d.setInputRanges(-10, 10, new double[STATES], new double[STATES]);   // something else first
        d.setNormalisation(c.normalisation());
        assertArrayEquals(c.normalisation(), d.normalisation(), 0.0);
        assertThrows(RuntimeException.class, () -> d.setNormalisation(new double[c.normalisation().length + 2]));
    }

    @ParameterizedTest
    @MethodSource("types")
    void refusedWhereItCannotSit(String key) {
        CurrentType type = CurrentTypes.get(key);
        FilterBank bank = new FilterBank(FilterBankSpec.diagonal(new double[] {0.2, 0.5, 1, 2, 5, 10}), 0.1);
        CurrentSpec spec = type.defaultSpec(STATES);
        switch (type.placement()) {
            case SYNAPTIC:
                type.check(spec, bank, "N", "U");
                assertTrue(assertThrows(InvalidInputException.class, () -> type.check(spec, bank, "N", "N")).getMessage().contains("presynaptic"));
                break;
            case INTRINSIC:
                type.check(spec, bank, "N", "N");
                assertTrue(assertThrows(InvalidInputException.class, () -> type.check(spec, bank, "N", "U")).getMessage().contains("intrinsic"));
                break;
            default:
                type.check(spec, bank, "N", "N");
                type.check(spec, bank, "N", "U");
        }
    }

    @org.junit.jupiter.api.Test
    void unknownTypeListsTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CurrentTypes.get("magic"));
        for (String k : CurrentTypes.keys()) assertTrue(e.getMessage().contains(k), e.getMessage());
    }
}
