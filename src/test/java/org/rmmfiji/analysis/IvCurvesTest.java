package org.rmmfiji.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Presets;

/**
 * Steady-state and post-step IV curves against a simulated voltage clamp of the same model, ablation by name and the refusals of impossible settings.
 */
class IvCurvesTest {

    @TempDir Path dir;

    @Test
    void theSteadyStateCurveIsWhatALongVoltageClampSettlesTo() throws IOException {
        for (IsolatedCell cell : new IsolatedCell[] {IsolatedCell.of(AnalysisModels.fittedHh(dir), 0),
                IsolatedCell.of(AnalysisModels.preset(Presets.HH_CONDUCTANCE, 0.05, 7), 0)}) {
            double[] v = IvCurves.grid(-90, 20, 12);
            IvCurves.Result iv = IvCurves.steadyState(cell, v);
            for (int i = 0; i < v.length; i++) {
                // hold at −70 mV, step to v[i] for 100 ms (≫ τ_max = 7 ms): the clamp current is the steady one
                double[] command = new double[4000];
                Arrays.fill(command, v[i]);
                command[0] = -70;
                double[] clamp = cell.clamp(command);
                assertEquals(clamp[clamp.length - 1], iv.total_nA[i], 1e-9 * (1 + Math.abs(iv.total_nA[i])), cell.network().spec().preset + " at " + v[i] + " mV");
            }
            double sum = 0;
            for (IvCurves.Curve c : iv.curves) if (c.output.equals("current")) sum += c.values[3];
            assertEquals(iv.total_nA[3], sum, 1e-9, "the total is the sum of the currents (readout weights 1)");
        }
    }

    @Test
    void thePostStepCurveIsTheClampCurrentThatLongAfterTheStep() {
        IsolatedCell cell = IsolatedCell.of(AnalysisModels.preset(Presets.HH_CONDUCTANCE, 0.05, 3), 0);
        double[] v = IvCurves.grid(-60, 20, 5);
        IvCurves.Result post = IvCurves.postStep(cell, -80, 1.0, v);
        assertEquals(1.0, post.after_ms, 1e-12);
        for (int i = 0; i < v.length; i++) {
            double[] command = new double[22];          // the holding sample, then 20 steps of 0.05 ms at v, read at the next
            Arrays.fill(command, v[i]);
            command[0] = -80;
            double[] clamp = cell.clamp(withHolding(command, -80));
            assertEquals(clamp[clamp.length - 1], post.total_nA[i], 1e-9 * (1 + Math.abs(post.total_nA[i])), "at " + v[i] + " mV");
        }
        // the gated currents report their conductance and gates on the grid too
        assertNotNull(post.curve("Na", "activation"));
        assertNotNull(post.curve("Na", "inactivation"));
        assertNotNull(post.curve("K", "conductance"));
    }

    /** The command preceded by the holding voltage long enough for the filters to be at DC (they start there). */
    private static double[] withHolding(double[] command, double holding) {
        double[] c = command.clone();
        c[0] = holding;
        return c;
    }

    @Test
    void ablationRemovesACurrentFromACopyAndNamesWhatTheModelHas() throws IOException {
        Network net = AnalysisModels.fittedHh(dir);
        IsolatedCell cell = IsolatedCell.of(net, 0);
        double[] v = IvCurves.grid(-80, 0, 9);
        IvCurves.Result intact = IvCurves.steadyState(cell, v);
        IvCurves.Result noLeak = IvCurves.steadyState(cell.scaled(Map.of("leak", 0.0)), v);
        double[] leak = intact.curve("leak", "current").values;
        for (int i = 0; i < v.length; i++) assertEquals(intact.total_nA[i] - leak[i], noLeak.total_nA[i], 1e-9);
        assertEquals(intact.total_nA[2], IvCurves.steadyState(cell, v).total_nA[2], 0.0, "the fitted model is left as it is");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> cell.scaled(Map.of("Na", 0.0)));
        assertTrue(e.getMessage().contains("[lumped, leak]"), e.getMessage());
    }

    @Test
    void impossibleSettingsAreRefused() throws IOException {
        IsolatedCell cell = IsolatedCell.of(AnalysisModels.fittedHh(dir), 0);
        assertTrue(assertThrows(InvalidInputException.class, () -> IvCurves.grid(-20, -80, 10)).getMessage().contains("lo < hi"));
        assertTrue(assertThrows(InvalidInputException.class, () -> IvCurves.postStep(cell, -80, 0.01, new double[] {-40})).getMessage().contains("one sample"));
        assertTrue(assertThrows(InvalidInputException.class, () -> IsolatedCell.of(cell.network(), "LP")).getMessage().contains("[cell]"));
    }
}
