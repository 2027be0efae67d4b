package org.rmmfiji.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.Network;

/**
 * Envelopes of IV curves over fits: mean and SD point by point, the fraction of a reference curve inside the band,
 * and the refusal of fits with different currents.
 */
class IvEnvelopeTest {

    /** The FitzHugh–Nagumo cell with its regenerative current scaled by f: I_fast(v) scales exactly, the leak does not change. */
    static IvCurves.Result scaled(double f, double[] v) {
        Network net = AnalysisModels.fitzHughNagumo();
        IsolatedCell cell = IsolatedCell.of(net, 0);
        return IvCurves.steadyState(cell.scaled(java.util.Map.of("fast", f)), v);
    }

    @Test
    void meanAndSdPointByPoint() {
        double[] v = IvCurves.grid(-80, -20, 31);
        List<IvCurves.Result> fits = new ArrayList<>();
        for (double f : new double[] {0.8, 1.0, 1.2}) fits.add(scaled(f, v));
        IvEnvelope e = IvEnvelope.of(fits);
        assertEquals(3, e.fits);
        // readout weights scale the total, not the current's own curve: the "fast" curves are equal, the totals differ
        IvEnvelope.Band fast = e.band("fast", "current"), total = e.band("total", "current");
        double[] one = scaled(1.0, v).curve("fast", "current").values, leak = scaled(1.0, v).curve("leak", "current").values;
        for (int i = 0; i < v.length; i++) {
            assertEquals(one[i], fast.mean[i], 1e-9);
            assertEquals(0, fast.sd[i], 1e-9);
            assertEquals(leak[i] + one[i], total.mean[i], 1e-9);
            assertEquals(0.2 * Math.abs(one[i]), total.sd[i], 1e-9 * (1 + Math.abs(one[i])));   // SD of {0.8, 1, 1.2}·a is 0.2·|a|
        }
        assertEquals(1.0, total.inside(total.mean, 0), 0);
        double[] shifted = total.mean.clone();
        for (int i = 0; i < 10; i++) shifted[i] += 3 * total.sd[i] + 1;
        assertEquals(21 / 31.0, total.inside(shifted, 1), 1e-12);
    }

    @Test
    void fitsWithOtherCurrentsAreRefused(@TempDir Path dir) throws IOException {
        double[] v = IvCurves.grid(-80, -20, 11);
        IvCurves.Result fhn = scaled(1, v), hh = IvCurves.steadyState(IsolatedCell.of(AnalysisModels.fittedHh(dir), 0), v);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IvEnvelope.of(List.of(fhn, hh)));
        assertTrue(e.getMessage().contains("[fast, leak] and [lumped, leak]"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> IvEnvelope.of(List.of(fhn, scaled(1, IvCurves.grid(-80, -20, 12)))));
    }
}
