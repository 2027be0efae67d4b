package org.rmmfiji.io;

/** What a reader cannot learn from the file itself. */
public final class ReadOptions {
    /** The sampling step (ms) of a table without a time column; 0: the file must have one. */
    public double sampling_step_ms = 0;

    public static ReadOptions defaults() { return new ReadOptions(); }
}
