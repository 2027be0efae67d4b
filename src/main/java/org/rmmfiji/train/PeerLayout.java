package org.rmmfiji.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.Activation;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.LumpedCurrent;
import org.rmmfiji.model.Mlp;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.OhmicLeak;
import org.rmmfiji.model.WeightSign;

/**
 * The model of the Python peers (bench/numpy_tf.py, bench/torch_tf.py) as a view of one of this project's networks: one
 * modelled neuron whose own edge carries a lumped tanh MLP on (v, its states) and an Ohmic leak, and at most one
 * synapse edge carrying a lumped tanh MLP on (v, the presynaptic states) — {@code lp-pd} and {@code hh-lumped}. It
 * writes what the peers need to build the same model (hidden sizes, where the leak and 1/C start, the Adam recipe) and
 * reads a peer's flat parameter vector back into the network, so that this engine can score a peer's snapshots by
 * free runs. The peers' vector: every layer of the intrinsic MLP, then of the synapse MLP, as (outputs × inputs) rows
 * with the bias as an extra last column where the layer has one, then raw leak g, leak E and raw 1/C.
 */
public final class PeerLayout {
    private final Network net;
    private final Mlp intrinsic, synapse;
    private final OhmicLeak leak;

    private PeerLayout(Network net, Mlp intrinsic, Mlp synapse, OhmicLeak leak) {
        this.net = net;
        this.intrinsic = intrinsic;
        this.synapse = synapse;
        this.leak = leak;
    }

    /** The view of {@code net}; refused, with the reason, for a network the peers do not implement. */
    public static PeerLayout of(Network net) {
        if (net.modelledCount() != 1 || net.capacitanceFixed()) throw unsupported("one modelled neuron with a learned capacitance");
        Mlp intrinsic = null, synapse = null;
        OhmicLeak leak = null;
        for (Edge e : net.edges()) {
            if (synapse != null && e.intrinsic()) throw unsupported("the intrinsic edge before the synapse (the rows' column order)");
            if (e.intrinsic()) {
                for (Current c : e.currents()) {
                    if (c instanceof OhmicLeak && leak == null) leak = (OhmicLeak) c;
                    else if (c instanceof LumpedCurrent && intrinsic == null) intrinsic = checked((LumpedCurrent) c, e);
                    else throw unsupported("an intrinsic edge of one lumped current and one leak");
                }
            } else if (synapse == null && e.currents().size() == 1 && e.currents().get(0) instanceof LumpedCurrent) {
                synapse = checked((LumpedCurrent) e.currents().get(0), e);
            } else {
                throw unsupported("at most one synapse, of one lumped current");
            }
        }
        if (intrinsic == null || leak == null) throw unsupported("an intrinsic lumped current and a leak");
        return new PeerLayout(net, intrinsic, synapse, leak);
    }

    private static Mlp checked(LumpedCurrent c, Edge e) {
        Mlp m = c.mlp();
        // the peers feed every state of the edge, in order, after the voltage
        boolean ok = c.voltageInput() && Arrays.equals(c.states(), IntStream.range(0, e.bank().size()).toArray());
        for (int l = 0; l < m.layers(); l++) {
            boolean readout = l == m.layers() - 1;
            ok &= m.sign(l) == WeightSign.FREE && m.activation(l) == (readout ? Activation.IDENTITY : Activation.TANH) && m.hasBias(l) == !readout;
        }
        if (!ok || m.outputs() != 1)
            throw unsupported("lumped currents on the voltage and all of its edge's states, tanh hidden layers with biases and a linear readout without");
        return m;
    }

    private static InvalidInputException unsupported(String what) {
        return new InvalidInputException("the Python peers implement " + what + " (lp-pd, hh-lumped)");
    }

    /** The MLPs in the order of the peers' vector. */
    private Mlp[] mlps() { return synapse == null ? new Mlp[] {intrinsic} : new Mlp[] {intrinsic, synapse}; }

    /** The number of values in the peers' vector. */
    public int size() {
        int n = 3;
        for (Mlp m : mlps())
            for (int l = 0; l < m.layers(); l++) n += m.sizes()[l + 1] * (m.sizes()[l] + (m.hasBias(l) ? 1 : 0));
        return n;
    }

    /** The header fields the peers read, after the rows' own (a JSON fragment starting with a comma). */
    String header(TrainingSettings s) {
        double[] p = net.parameters();
        StringBuilder sb = new StringBuilder();
        sb.append(", \"intrinsic_hidden\": ").append(hidden(intrinsic));
        if (synapse != null) sb.append(", \"synapse_hidden\": ").append(hidden(synapse));
        sb.append(String.format(Locale.ROOT, ", \"leak\": {\"g_raw\": %s, \"e\": %s, \"train_e\": %b}", p[leak.conductanceOffset()],
                p[leak.reversalOffset()], leak.spec().train_e));
        sb.append(", \"inverse_capacitance_raw\": ").append(p[net.inverseCapacitanceOffset(0)]);
        sb.append(String.format(Locale.ROOT, ", \"recipe\": {\"batch_size\": %d, \"learning_rate\": %s, \"beta1\": %s, \"beta2\": %s, \"l2\": %s}",
                s.batch_size, s.learning_rate, s.beta1, s.beta2, s.l2));
        return sb.toString();
    }

    private static String hidden(Mlp m) {
        int[] sizes = m.sizes();
        return Arrays.toString(Arrays.copyOfRange(sizes, 1, sizes.length - 1));
    }

    /** Puts a peer's vector ({@link #size()} values from {@code theta[from]}) into the network's parameters. */
    public void apply(float[] theta, int from) {
        double[] p = net.parameters().clone();
        int k = from;
        for (Mlp m : mlps()) {
            for (int l = 0; l < m.layers(); l++) {
                int nIn = m.sizes()[l], nOut = m.sizes()[l + 1], w = m.weightOffset(l), b = m.biasOffset(l);
                for (int o = 0; o < nOut; o++) {
                    for (int i = 0; i < nIn; i++) p[w + o * nIn + i] = theta[k++];
                    if (b >= 0) p[b + o] = theta[k++];
                }
            }
        }
        p[leak.conductanceOffset()] = theta[k++];
        p[leak.reversalOffset()] = theta[k++];
        p[net.inverseCapacitanceOffset(0)] = theta[k];
        net.store().setAll(p);
    }
}
