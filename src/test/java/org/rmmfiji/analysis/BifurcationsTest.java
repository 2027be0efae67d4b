package org.rmmfiji.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The bifurcation finder on a hand-built RMM with known Hopf points (a FitzHugh–Nagumo cell), against a direct scan of the model: at the
 * equilibria either side of each bifurcation the simulated cell, nudged off its equilibrium under the DC current that
 * holds it there, returns (stable side) or runs away (unstable side), and near a Hopf point it rings at the frequency
 * the finder gives.
 */
class BifurcationsTest {

    @Test
    void theFinderAgreesWithADirectScanOfTheModel() {
        IsolatedCell cell = IsolatedCell.of(AnalysisModels.fitzHughNagumo(), 0);
        Bifurcations.Result r = Bifurcations.find(cell, IvCurves.grid(-80, -20, 121));
        assertEquals(2, r.bifurcations.size(), "two Hopf points, no fold");
        Bifurcations.Bifurcation first = r.bifurcations.get(0);
        assertEquals(0, first.unstableBelow, "rest (below the first bifurcation) is stable");
        for (Bifurcations.Bifurcation b : r.bifurcations) assertEquals(Bifurcations.Type.HOPF, b.type);
        // the continuous-time prediction, v½ ± 9.85 mV (the Euler step moves it a little)
        assertEquals(AnalysisModels.V_HALF - 9.85, first.voltage_mV, 0.2);
        assertEquals(AnalysisModels.V_HALF + 9.85, r.bifurcations.get(1).voltage_mV, 0.2);
        assertEquals(61, first.frequency_Hz, 3);
        for (Bifurcations.Bifurcation b : r.bifurcations) {
            for (double side : new double[] {-0.3, 0.3}) {
                double v = b.voltage_mV + side;
                boolean stable = (side < 0 ? b.unstableBelow : b.unstableAbove) == 0;
                double[] dev = nudged(cell, v, 4000);
                double start = maxAbs(dev, 0, 200), end = maxAbs(dev, dev.length - 400, dev.length);
                if (stable) assertTrue(end < start, "at " + v + " mV (stable by the finder) the nudge decays: " + start + " → " + end);
                else assertTrue(!(end < 3 * start), "at " + v + " mV (unstable by the finder) the nudge grows: " + start + " → " + end);
            }
        }
        // near the Hopf point the stable equilibrium rings at the finder's frequency
        double[] dev = nudged(cell, first.voltage_mV - 0.05, 4000);
        double measured = ringingFrequency(dev, cell.dt());
        assertEquals(first.frequency_Hz, measured, 0.05 * first.frequency_Hz, "ringing frequency (Hz)");
    }

    /** v − v̄ of the isolated cell under the DC current holding v̄, started 0.01 mV above it. */
    static double[] nudged(IsolatedCell cell, double v, int steps) {
        double i = cell.steadyCurrent(new double[] {v})[0];
        double[] injected = new double[steps];
        Arrays.fill(injected, i);
        double[] trace = cell.simulate(v + 0.01, injected);
        for (int k = 0; k < trace.length; k++) trace[k] -= v;
        return trace;
    }

    static double maxAbs(double[] a, int from, int to) {
        double m = 0;
        for (int k = from; k < to; k++) m = Double.isNaN(a[k]) ? Double.POSITIVE_INFINITY : Math.max(m, Math.abs(a[k]));
        return m;
    }

    /** From the upward zero crossings of a ringing deviation (its mean removed): crossings − 1 periods between the first and last. */
    static double ringingFrequency(double[] d, double dt) {
        double mean = 0;
        int from = d.length / 4;
        for (int k = from; k < d.length; k++) mean += d[k] / (d.length - from);
        int first = -1, last = -1, count = 0;
        for (int k = from + 1; k < d.length; k++)
            if (d[k - 1] - mean < 0 && d[k] - mean >= 0) {
                if (first < 0) first = k;
                last = k;
                count++;
            }
        return (count - 1) / ((last - first) * dt) * 1000;
    }

    @Test
    void restIsAStableZeroAndTheFig4eCurrentLiesOnTheUnstableSide() {
        IsolatedCell cell = IsolatedCell.of(AnalysisModels.fitzHughNagumo(), 0);
        double[] grid = IvCurves.grid(-80, -20, 121);
        assertTrue(Double.isNaN(Bifurcations.rest(cell, grid)), "the only zero, v½, is unstable: the cell oscillates without current");
        assertEquals(AnalysisModels.E_LEAK, Bifurcations.rest(cell.scaled(java.util.Map.of("fast", 0.0)), grid), 1e-6, "a leak rests at its reversal");
        Bifurcations.Result r = Bifurcations.find(cell, grid);
        Bifurcations.Bifurcation loss = r.lossOfStability();
        assertEquals(r.bifurcations.get(0), loss, "the lower Hopf point: stable below, unstable above");
        // the IV rises there, so the unstable side is at more current
        assertEquals(loss.current_nA + 0.1, Bifurcations.beyond(cell, loss, 0.1), 1e-12);
        Bifurcations.Bifurcation upper = r.bifurcations.get(1);
        assertEquals(upper.current_nA - 0.1, Bifurcations.beyond(cell, upper, 0.1), 1e-12, "the upper point's unstable side lies below it, at less current");
    }
}
