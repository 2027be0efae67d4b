package org.rmmfiji.train;

/** Set from another thread (a cancel button) to stop a fit after the current mini-batch. */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() { cancelled = true; }

    public boolean isCancelled() { return cancelled; }
}
