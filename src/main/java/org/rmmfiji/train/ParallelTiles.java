package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tiles of a mini-batch on a fixed set of workers (one per thread). Each tile writes its own result
 * buffers, and the caller reduces them in tile order, so a result never depends on the number of threads.
 */
final class ParallelTiles<W> implements AutoCloseable {

    /** The work of one tile on one worker. */
    interface Task<W> { void run(W worker, int tile); }

    private final List<W> workers;
    private final ExecutorService pool;

    ParallelTiles(List<W> workers, String threadName) {
        this.workers = workers;
        // the calling thread is the last worker, so a mini-batch wakes one thread fewer (small batches are over in a
        // millisecond or two, where waking a thread is a real share of the time)
        this.pool = workers.size() > 1 ? Executors.newFixedThreadPool(workers.size() - 1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Runs tiles 0 … tiles−1, each on some worker. When a tile fails, no worker starts another, every worker is waited
     * for, and the first failure is thrown (later ones suppressed in it).
     */
    void run(int tiles, Task<W> task) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int k = 0; k < workers.size() - 1; k++) {
            W w = workers.get(k);
            fs.add(pool.submit(() -> work(w, tiles, task, next)));
        }
        Throwable failure = null;
        try {
            work(workers.get(workers.size() - 1), tiles, task, next);
        } catch (Throwable e) {
            failure = e;
        }
        for (Future<?> f : fs) {
            Throwable c = null;
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(tiles);
                c = new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                c = e.getCause();
            }
            if (c != null) {
                if (failure == null) failure = c;
                else if (failure != c) failure.addSuppressed(c);
            }
        }
        if (failure instanceof RuntimeException) throw (RuntimeException) failure;
        if (failure instanceof Error) throw (Error) failure;
        if (failure != null) throw new IllegalStateException(failure);
    }

    /** Takes tiles until none is left; a failing tile leaves none for the other workers. */
    private static <W> void work(W worker, int tiles, Task<W> task, AtomicInteger next) {
        try {
            int t;
            while ((t = next.getAndIncrement()) < tiles) task.run(worker, t);
        } catch (Throwable e) {
            next.set(tiles);
            throw e;
        }
    }

    /** grad = Σ tileGrad[t] and the returned loss = Σ tileLoss[t] over the first {@code tiles} tiles, in tile order. */
    static double sumInOrder(int tiles, double[][] tileGrad, double[] tileLoss, double[] grad) {
        java.util.Arrays.fill(grad, 0.0);
        double loss = 0;
        for (int t = 0; t < tiles; t++) {
            loss += tileLoss[t];
            double[] g = tileGrad[t];
            for (int k = 0; k < grad.length; k++) grad[k] += g[k];
        }
        return loss;
    }

    @Override public void close() { if (pool != null) pool.shutdownNow(); }
}
