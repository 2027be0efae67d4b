package org.rmmfiji.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.LumpedCurrent;
import org.rmmfiji.model.Mlp;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.OhmicLeak;
import org.rmmfiji.model.Presets;

/** The Python peers' flat parameter vector, read into lp-pd and hh-lumped networks value by value. */
class PeerLayoutTest {
    static Network net(String preset, List<String> inputs, double dt) {
        Network n = new Network(Presets.get(preset).build(List.of("cell"), inputs), dt);
        n.initialise(new Rng(3));
        return n;
    }

    @Test
    void thePeersVectorCoversEveryParameterOfLpPdAndHhLumped() {
        Network lpPd = net(Presets.LP_PD, List.of("PD"), 0.1), hh = net(Presets.HH_LUMPED, List.of(), 0.05);
        assertEquals(913, PeerLayout.of(lpPd).size());
        assertEquals(lpPd.store().size(), PeerLayout.of(lpPd).size());
        assertEquals(hh.store().size(), PeerLayout.of(hh).size());     // with hh-lumped's fixed leak reversal
    }

    @Test
    void aPeerVectorLandsWhereThePeerPutsEachValue() {
        Network n = net(Presets.LP_PD, List.of("PD"), 0.1);
        PeerLayout layout = PeerLayout.of(n);
        float[] theta = new float[layout.size() + 2];
        for (int i = 0; i < theta.length; i++) theta[i] = 0.001f * i - 0.5f;
        layout.apply(theta, 2);                 // a vector that starts two values into the array
        double[] p = n.parameters();
        Mlp intrinsic = null, synapse = null;
        OhmicLeak leak = null;
        for (Edge e : n.edges())
            for (Current c : e.currents()) {
                if (c instanceof OhmicLeak) leak = (OhmicLeak) c;
                else if (e.intrinsic()) intrinsic = ((LumpedCurrent) c).mlp();
                else synapse = ((LumpedCurrent) c).mlp();
            }
        int nIn = intrinsic.sizes()[0];
        // row 0 of the first layer: its weights, then its bias; row 1 follows
        assertEquals(theta[2], p[intrinsic.weightOffset(0)], 0);
        assertEquals(theta[2 + nIn - 1], p[intrinsic.weightOffset(0) + nIn - 1], 0);
        assertEquals(theta[2 + nIn], p[intrinsic.biasOffset(0)], 0);
        assertEquals(theta[2 + nIn + 1], p[intrinsic.weightOffset(0) + nIn], 0);
        // the readouts have no bias: the synapse's last weight sits just before leak g, E and 1/C
        int last = theta.length - 1;
        int synReadout = synapse.layers() - 1, hidden = synapse.sizes()[synReadout];
        assertEquals(theta[last - 3], p[synapse.weightOffset(synReadout) + hidden - 1], 0);
        assertEquals(theta[last - 2], p[leak.conductanceOffset()], 0);
        assertEquals(theta[last - 1], p[leak.reversalOffset()], 0);
        assertEquals(theta[last], p[n.inverseCapacitanceOffset(0)], 0);
    }

    /**
     * The function, not only the positions: with a peer vector put in, this network's total current ψ on a row equals
     * the peer's formula written out here — tanh MLPs on the inputs mapped from [min, max] onto [−1, 1], the bias
     * after each hidden row's weights, readouts without bias, plus softplus(g)·(v − E).
     */
    @Test
    void theNetworkComputesThePeersFormulaFromAPeerVector() {
        Network n = net(Presets.LP_PD, List.of("PD"), 0.1);
        PeerLayout layout = PeerLayout.of(n);
        Rng rng = new Rng(11);
        float[] theta = new float[layout.size()];
        for (int i = 0; i < theta.length; i++) theta[i] = (float) (rng.nextDouble() - 0.5);
        layout.apply(theta, 0);
        double vMin = -80, vMax = 40;
        for (int row = 0; row < 5; row++) {
            double v = vMin + (vMax - vMin) * rng.nextDouble();
            double psi = 0, peer = 0;
            int k = 0;
            for (Edge e : n.edges()) {
                int states = e.bank().size();
                double[] xMin = new double[states], xMax = new double[states], x = new double[states];
                for (int s = 0; s < states; s++) {
                    xMin[s] = -70 - s;
                    xMax[s] = 30 + 2 * s;
                    x[s] = xMin[s] + (xMax[s] - xMin[s]) * rng.nextDouble();
                }
                LumpedCurrent lumped = null;
                for (Current c : e.currents()) {
                    c.setInputRanges(vMin, vMax, xMin, xMax);
                    if (c instanceof LumpedCurrent) lumped = (LumpedCurrent) c;
                }
                double[] out = new double[1];
                e.forward(e.newWorkspace(1), n.parameters(), new double[] {v}, x, 1, out);
                psi += out[0];
                // the peer: z = [v, x] onto [-1, 1], then the layers in the order of its vector
                double[] z = new double[1 + states];
                z[0] = 2 * (v - vMin) / (vMax - vMin) - 1;
                for (int s = 0; s < states; s++) z[1 + s] = 2 * (x[s] - xMin[s]) / (xMax[s] - xMin[s]) - 1;
                int[] sizes = lumped.mlp().sizes();
                for (int l = 0; l + 1 < sizes.length; l++) {
                    boolean readout = l + 2 == sizes.length;
                    double[] y = new double[sizes[l + 1]];
                    for (int o = 0; o < y.length; o++) {
                        double a = 0;
                        for (int i = 0; i < sizes[l]; i++) a += theta[k++] * z[i];
                        y[o] = readout ? a : Math.tanh(a + theta[k++]);
                    }
                    z = y;
                }
                peer += z[0];
            }
            double g = Math.log1p(Math.exp(theta[k])), e = theta[k + 1];
            peer += g * (v - e);
            assertEquals(peer, psi, 1e-9 * (1 + Math.abs(peer)), "row " + row);
        }
    }

    @Test
    void modelsThePeersDoNotImplementAreRefusedWithTheReason() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PeerLayout.of(net(Presets.HH_CONDUCTANCE, List.of(), 0.05)));
        assertTrue(e.getMessage().contains("Python peers"), e.getMessage());
    }
}
