package org.rmmfiji.fiji;

import java.awt.GraphicsEnvironment;

import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;

import net.miginfocom.swing.MigLayout;

import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;

/**
 * A non-modal window with the epoch, the loss, the last snapshot score, the live training view ({@link TrainingCurves}:
 * loss and validation against wall time, the snapshot a stop would keep ringed) and a Cancel button (GUI only).
 */
final class FitProgressDialog implements ProgressListener {
    private final JDialog dialog;
    private final JProgressBar bar = new JProgressBar(0, 100);
    private final JLabel line = new JLabel("Preparing…");
    private final JLabel snapshot = new JLabel(" ");
    private final TrainingCurves curves = new TrainingCurves();

    private FitProgressDialog(CancelToken cancel) {
        dialog = new JDialog((java.awt.Frame) null, "Fit RMM", false);
        dialog.setLayout(new MigLayout("wrap 1, fillx", "[400!]"));
        bar.setStringPainted(true);
        JButton stop = new JButton("Cancel");
        stop.addActionListener(e -> {
            cancel.cancel();
            line.setText("Cancelling after this mini-batch…");
        });
        dialog.add(line, "growx");
        dialog.add(bar, "growx");
        dialog.add(snapshot, "growx");
        dialog.add(curves, "grow");
        dialog.add(stop, "right");
        dialog.pack();
        dialog.setLocationByPlatform(true);
        dialog.setVisible(true);
    }

    /** A dialog when there is a screen, else null. */
    static FitProgressDialog openIfPossible(CancelToken cancel) {
        if (GraphicsEnvironment.isHeadless()) return null;
        FitProgressDialog[] d = new FitProgressDialog[1];
        try {
            SwingUtilities.invokeAndWait(() -> d[0] = new FitProgressDialog(cancel));
        } catch (Exception e) {
            return null;
        }
        return d[0];
    }

    @Override
    public void epoch(int epoch, int epochs, double loss, double seconds) {
        curves.epoch(seconds, loss);
        SwingUtilities.invokeLater(() -> {
            bar.setValue(100 * epoch / epochs);
            bar.setString("epoch " + epoch + " / " + epochs);
            line.setText(String.format(java.util.Locale.ROOT, "training loss %.4g, %.1f s", loss, seconds));
        });
    }

    @Override
    public void snapshot(History.Snapshot s) {
        String text = s.rejected ? "snapshot " + s.epoch + " rejected: " + s.rejected_because
                : String.format(java.util.Locale.ROOT, "snapshot %d: validation %.3f", s.epoch, s.selection_value);
        curves.snapshot(s.seconds, mean(s, true), mean(s, false), s.rejected, s.best_so_far);
        SwingUtilities.invokeLater(() -> snapshot.setText(text));
    }

    /** The validation score (or Γ) of a snapshot: the mean over the modelled neurons' reports (NaN when it has none). */
    static double mean(History.Snapshot s, boolean score) {
        double sum = 0;
        int n = 0;
        for (org.rmmfiji.metrics.MetricsReport m : s.validation) {
            double x = score ? m.score : m.gamma;
            if (Double.isFinite(x)) { sum += x; n++; }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public void message(String text) {
        SwingUtilities.invokeLater(() -> line.setText(text));
    }

    void close() {
        SwingUtilities.invokeLater(dialog::dispose);
    }
}
