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
        this.pool = workers.size() > 1 ? Executors.newFixedThreadPool(workers.size(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }) : null;
    }

    void run(int tiles, Task<W> task) {
        if (pool == null) {
            W w = workers.get(0);
            for (int t = 0; t < tiles; t++) task.run(w, t);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (W w : workers) {
            fs.add(pool.submit(() -> {
                int t;
                while ((t = next.getAndIncrement()) < tiles) task.run(w, t);
            }));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException) throw (RuntimeException) c;
                throw new IllegalStateException(c);
            }
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
