package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The plotted window, the y-range and the title. */
class PredictionPlotTest {

    @Test
    void windowIsTheFirstTwoSecondsByDefaultAndStaysInsideTheRun() {
        assertArrayEquals(new int[] {0, 40_000}, PredictionPlot.window(100_000, 0.05, 0, 2000));
        assertArrayEquals(new int[] {10_000, 50_000}, PredictionPlot.window(100_000, 0.05, 500, 2000));
        assertArrayEquals(new int[] {60_000, 100_000}, PredictionPlot.window(100_000, 0.05, 4900, 2000), "moved back inside");
        assertArrayEquals(new int[] {0, 1000}, PredictionPlot.window(1000, 0.05, 0, 2000), "a short run is shown whole");
    }

    @Test
    void yRangeHoldsBothTracesWithRoomOnTopForTheLegend() {
        double[] rec = {-70, 40, -65}, pred = {-120, -60, Double.NaN};
        double[] lim = PredictionPlot.limits(rec, pred, 0, 3);
        assertTrue(lim[0] < -120 && lim[1] > 40, "neither trace is clipped");
        assertTrue((lim[1] - 40) / (lim[1] - lim[0]) >= PredictionPlot.HEADROOM - 1e-9, "free space above the traces");
    }

    @Test
    void titleNamesSegmentAndRange() {
        String t = PredictionPlot.title("LP", "validation", "pd-lp.csv#1", 50, 2050);
        assertTrue(t.contains("validation segment pd-lp.csv#1") && t.contains("50–2050 ms"), t);
    }
}
