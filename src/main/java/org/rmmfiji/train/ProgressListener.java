package org.rmmfiji.train;

/** What a trainer reports while it works. Every method has a no-op default. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    default void epoch(int epoch, int epochs, double loss, double seconds) {}

    default void snapshot(History.Snapshot snapshot) {}

    default void message(String text) {}

    default void warning(String text) { message("WARNING: " + text); }
}
