package org.rmmfiji.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;

/** Forwards training progress to Fiji's log and status bar, and to the progress dialog when there is one. */
final class CommandProgress implements ProgressListener {
    private final LogService log;
    private final StatusService status;
    private final FitProgressDialog dialog;
    private final List<String> warnings = new ArrayList<>();
    /** Wall clock from the first epoch, so that elapsed time and time left include snapshot scoring. */
    private long startNanos = -1;
    private int lastLogged, lastEpoch;

    CommandProgress(LogService log, StatusService status, FitProgressDialog dialog) {
        this.log = log;
        this.status = status;
        this.dialog = dialog;
    }

    @Override
    public void epoch(int epoch, int epochs, double loss, double seconds) {
        if (status != null) status.showProgress(epoch, epochs);
        if (dialog != null) dialog.epoch(epoch, epochs, loss, seconds);
        long now = System.nanoTime();
        if (epoch <= lastEpoch) {          // the epochs start again: the next fit of an ensemble, timed from its own start
            startNanos = -1;
            lastLogged = 0;
        }
        lastEpoch = epoch;
        if (startNanos < 0) startNanos = now - (long) (seconds * 1e9);   // the first epoch has already run
        double elapsed = (now - startNanos) * 1e-9;
        // a line at the first epoch, then about every tenth of the fit, and at the end
        if (epoch == 1 || epoch == epochs || epoch - lastLogged >= Math.max(1, epochs / 10)) {
            lastLogged = epoch;
            log.info(epochLine(epoch, epochs, loss, elapsed));
        }
    }

    static String epochLine(int epoch, int epochs, double loss, double elapsed) {
        double left = elapsed / epoch * (epochs - epoch);
        return String.format(Locale.ROOT, "epoch %d/%d: training loss %.4g, %s elapsed, about %s left", epoch, epochs, loss, duration(elapsed), duration(left));
    }

    static String duration(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", s);
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", (int) (s / 60), (int) s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", (int) (s / 3600), (int) (s % 3600) / 60);
    }

    @Override
    public void snapshot(History.Snapshot s) {
        if (dialog != null) dialog.snapshot(s);
        log.info(snapshotLine(s));
    }

    /** {@code snapshot at epoch 5: validation score 0.78, Γ 0.80, spikes 236/234} (each modelled neuron). */
    static String snapshotLine(History.Snapshot s) {
        if (s.rejected) return "snapshot at epoch " + s.epoch + ": rejected, " + s.rejected_because;
        if (s.validation.isEmpty()) return "snapshot at epoch " + s.epoch + ": no validation data, kept as the latest";
        StringBuilder sb = new StringBuilder("snapshot at epoch " + s.epoch + ":");
        for (MetricsReport m : s.validation) {
            if (s.validation.size() > 1) sb.append(' ').append(m.neuron);
            sb.append(String.format(Locale.ROOT, " %s score %.2f, Γ %.2f, spikes %d/%d;", m.part, m.score, m.gamma, m.spikes_model, m.spikes_data));
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    @Override
    public void message(String text) {
        if (dialog != null) dialog.message(text);
        if (status != null) status.showStatus(text);
        log.info(text);
    }

    @Override
    public void warning(String text) {
        warnings.add(text);
        if (dialog != null) dialog.message("WARNING: " + text);
        log.warn(text);
    }

    List<String> warnings() { return warnings; }

    void close() {
        if (dialog != null) dialog.close();
        if (status != null) status.clearStatus();
    }
}
