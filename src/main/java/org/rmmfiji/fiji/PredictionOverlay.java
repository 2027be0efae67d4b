package org.rmmfiji.fiji;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import ij.ImagePlus;
import ij.WindowManager;

import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.OpenRecordingSettings;
import org.rmmfiji.job.FitResult;
import org.rmmfiji.sim.FreeRun;

/**
 * A fit (or prediction) of a recording taken from a trace window draws its free run over the window's recorded voltages:
 * the window is drawn again, same segment, channels and time window, with each modelled neuron's prediction in red.
 */
final class PredictionOverlay {
    private PredictionOverlay() {}

    /** Draws the prediction over the trace window titled {@code recording}; false when no such window is open. */
    static boolean onTraceWindow(String recording, FitResult r) throws IOException {
        if (recording == null || recording.isBlank() || java.awt.GraphicsEnvironment.isHeadless()) return false;
        String title = recording.trim();
        OpenRecordingSettings shown = OpenRecordings.shown(title);
        ImagePlus window = WindowManager.getImage(title);
        if (shown == null || window == null) return false;
        Recording rec = shown.open();
        Segment seg = rec.segment(shown.segment);
        FreeRun.Result run = FreeRun.run(r.network, seg, r.channels(), new int[0][], r.dumpFraction());   // as the prediction file
        Map<Integer, Figures.Samples> predicted = new HashMap<>();
        for (int i = 0; i < r.network.modelledCount(); i++) {
            double[] v = run.predicted[i];
            predicted.put(r.channels().voltageChannel(i), k -> k >= run.start && k - run.start < v.length ? v[k - run.start] : Double.NaN);
        }
        ImagePlus drawn = TraceFigure.build(title, rec, shown.segment, TraceFigure.channels(rec, shown.channels), shown.from_ms, shown.length_ms, predicted);
        window.setImage(drawn);
        window.setTitle(title);
        return true;
    }
}
