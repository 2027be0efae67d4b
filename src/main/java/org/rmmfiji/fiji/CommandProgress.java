package org.rmmfiji.fiji;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;

/** Forwards training progress to Fiji's log and status bar, and to the progress dialog when there is one. */
final class CommandProgress implements ProgressListener {
    private final LogService log;
    private final StatusService status;
    private final FitProgressDialog dialog;

    CommandProgress(LogService log, StatusService status, FitProgressDialog dialog) {
        this.log = log;
        this.status = status;
        this.dialog = dialog;
    }

    @Override
    public void epoch(int epoch, int epochs, double loss, double seconds) {
        if (status != null) status.showProgress(epoch, epochs);
        if (dialog != null) dialog.epoch(epoch, epochs, loss, seconds);
        if (epoch == 1 || epoch % 10 == 0 || epoch == epochs)
            log.info(String.format(java.util.Locale.ROOT, "epoch %d/%d: training loss %.4g (%.1f s)", epoch, epochs, loss, seconds));
    }

    @Override
    public void snapshot(History.Snapshot s) {
        if (dialog != null) dialog.snapshot(s);
        log.info(s.rejected ? "snapshot " + s.epoch + " rejected: " + s.rejected_because
                : String.format(java.util.Locale.ROOT, "snapshot %d: validation %s", s.epoch, s.validation.isEmpty() ? "(none)" : s.validation.get(0)));
    }

    @Override
    public void message(String text) {
        if (dialog != null) dialog.message(text);
        if (status != null) status.showStatus(text);
        log.info(text);
    }

    void close() {
        if (dialog != null) dialog.close();
        if (status != null) status.clearStatus();
    }
}
