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

    @Test
    void modelsThePeersDoNotImplementAreRefusedWithTheReason() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PeerLayout.of(net(Presets.HH_CONDUCTANCE, List.of(), 0.05)));
        assertTrue(e.getMessage().contains("Python peers"), e.getMessage());
    }
}
