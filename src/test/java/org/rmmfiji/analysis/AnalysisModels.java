package org.rmmfiji.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.CurrentSpec;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.EdgeSpec;
import org.rmmfiji.model.FilterBankSpec;
import org.rmmfiji.model.ModelSpec;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Presets;

/** Models the analysis tests look inside: a fitted one (hh-lumped on Hodgkin–Huxley data) and initialised presets. */
public final class AnalysisModels {
    private AnalysisModels() {}

    /** The committed version-1 reference model: hh-lumped fitted to a Hodgkin–Huxley neuron, which spikes under 6–10 nA. */
    static Network fittedHh(Path dir) throws IOException {
        Path p = dir.resolve("hh-lumped-v1.rmm.json");
        try (InputStream in = AnalysisModels.class.getResourceAsStream("/reference/hh-lumped-v1.rmm.json")) {
            Files.copy(in, p);
        }
        return ModelFiles.toNetwork(ModelFiles.read(p), p.toString());
    }

    /** A preset with its parameters initialised and its inputs normalised to −80 … 30 mV, as a fit would begin. */
    static Network preset(String id, double dt, long seed) {
        Network net = new Network(Presets.get(id).build(List.of("V"), List.of()), dt);
        net.initialise(new Rng(seed));
        Edge e = net.edges().get(0);
        double[] dc = e.bank().dcGains();
        double[] lo = new double[dc.length], hi = new double[dc.length];
        for (int s = 0; s < dc.length; s++) { lo[s] = -80 * dc[s]; hi[s] = 30 * dc[s]; }
        for (Current c : e.currents()) {
            c.setInputRanges(-80, 30, lo, hi);
            c.initialiseFromData(net.parameters(), -62);
        }
        net.markNormalised();
        return net;
    }

    /** FitzHugh–Nagumo constants of {@link #fitzHughNagumo()}. */
    public static final double C = 1, TAU = 20, G_LEAK = 0.1, E_LEAK = -50, A = 10, K = 5, V_HALF = -50, G_W = 3;

    /**
     * An RMM with known bifurcations, built by hand: C dv/dt = I − ψ, ψ = g_L(v − E_L) − A·tanh((v − v½)/k) + G_w·w(x),
     * x a 20 ms low-pass of v and w(x) = tanh(0.01(x − v½))/0.01 ≈ x − v½ (a lumped current with two tanh units). The
     * fast part is regenerative where A/k·sech² > g_L; the slow recovery makes the equilibrium lose stability through
     * Hopf bifurcations where g_L − A/k·sech²((v−v½)/k) = −C/τ, i.e. at v½ ± 9.85 mV, at ≈ 61 Hz; the IV curve is monotone
     * (G_w + g_L > A/k), so there is no fold.
     */
    public static Network fitzHughNagumo() {
        ModelSpec spec = new ModelSpec();
        spec.preset = "fitzhugh-nagumo (test)";
        spec.neurons = List.of("cell");
        spec.capacitance_nF = C;
        CurrentSpec fast = CurrentSpec.lumped("fast", new int[] {0}, new int[] {2, 1}, new String[] {"tanh", "identity"});
        CurrentSpec leak = CurrentSpec.leak(G_LEAK, E_LEAK, false, false);
        leak.train_g = false;
        spec.edges.add(new EdgeSpec("cell", "cell", FilterBankSpec.diagonal(new double[] {TAU}), List.of(fast, leak)));
        Network net = new Network(spec, 0.05);
        net.initialise(new Rng(1));
        double[] p = net.parameters();
        Current lumped = net.edges().get(0).currents().get(0);
        // inputs (v, x) → ((v − v½)/k, 0.01(x − v½)); hidden units tanh of each; output −A·h1 + (G_w/0.01)·h2
        lumped.setNormalisation(new double[] {1 / K, 0.01, -V_HALF / K, -0.01 * V_HALF});
        set(net, "cell<-cell.fast.W1", new double[] {1, 0, 0, 1});
        set(net, "cell<-cell.fast.b1", new double[] {0, 0});
        set(net, "cell<-cell.fast.W2", new double[] {-A, G_W / 0.01});
        net.markNormalised();
        return net;
    }

    /** {@link #fitzHughNagumo()} as a model file, as a fit would write it. */
    public static Path writeFitzHughNagumo(Path file) throws IOException {
        org.rmmfiji.io.ModelFile mf = new org.rmmfiji.io.ModelFile();
        ModelFiles.capture(fitzHughNagumo(), mf);
        ModelFiles.write(file, mf);
        return file;
    }

    private static void set(Network net, String block, double[] values) {
        int o = net.store().block(block).offset();
        System.arraycopy(values, 0, net.parameters(), o, values.length);
    }
}
