package org.rmmfiji.fiji;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.rmmfiji.train.CancelToken;

/**
 * The fits running in this JVM, so that an interrupt (Ctrl-C in a headless run) can cancel them and wait while
 * each writes its best snapshot so far, instead of the process dying with nothing written.
 */
public final class RunningFits {
    private RunningFits() {}

    private static final Set<CancelToken> RUNNING = ConcurrentHashMap.newKeySet();

    static void started(CancelToken t) { RUNNING.add(t); }

    static void finished(CancelToken t) {
        synchronized (RUNNING) {
            RUNNING.remove(t);
            RUNNING.notifyAll();
        }
    }

    /** Cancels every running fit and waits up to {@code millis} for them to finish writing; returns how many were running. */
    public static int cancelAllAndWait(long millis) {
        int n = RUNNING.size();
        for (CancelToken t : RUNNING) t.cancel();
        long end = System.currentTimeMillis() + millis;
        synchronized (RUNNING) {
            while (!RUNNING.isEmpty()) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) break;
                try {
                    RUNNING.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return n;
    }
}
