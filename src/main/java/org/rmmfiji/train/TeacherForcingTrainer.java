package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.rmmfiji.math.Rng;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;

/**
 * Teacher forcing as the authors train: regress dv/dt on measured v and precomputed filter states,
 * L = Σ_i mean_k (c_i⁻¹(u_i − Σ_j ψ_ij) − Δv_i/δ)² + ρ R(θ), Adam on shuffled mini-batches of single samples
 * (the last partial batch dropped). Snapshots are scored by free runs on the validation segments.
 *
 * <p>Reproducibility: a mini-batch is cut into fixed tiles of {@value #TILE} samples; each tile's gradient goes
 * to its own buffer and the buffers are summed in tile order, so the result does not depend on the number of
 * threads.
 */
public final class TeacherForcingTrainer implements Trainer {
    static final int TILE = 256;

    @Override public String name() { return "teacher-forcing"; }

    @Override
    public History train(Network net, TrainingData data, TrainingSettings s, ProgressListener listener, CancelToken cancel) {
        s.validate();
        listener.message("Computing filter states of " + data.dataset().train().size() + " training segment(s)…");
        TeacherForcingFeatures f = TeacherForcingFeatures.build(net, data.dataset().train(), data.channels(), s.dump_fraction);
        if (!net.normalised()) f.applyRanges(net);
        History h = new History();
        h.trainer = name();
        h.samples = f.samples;
        double[] p = net.parameters();
        Adam adam = new Adam(net.store(), s.learning_rate, s.beta1, s.beta2);
        Rng rng = new Rng(s.seed ^ 0x5DEECE66DL);
        int n = f.samples;
        int batch = Math.min(s.batch_size, n);
        int batches = n / batch;
        int tilesPerBatch = (batch + TILE - 1) / TILE;
        double[][] tileGrad = new double[tilesPerBatch][p.length];
        double[] tileLoss = new double[tilesPerBatch];
        double[] grad = new double[p.length];
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        int threads = Math.min(s.threads, tilesPerBatch);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rmm-teacher-forcing");
            t.setDaemon(true);
            return t;
        }) : null;
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) workers.add(new Worker(net, f));
        double trainSeconds = 0, validationSeconds = 0;
        double best = Double.NaN;
        double[] bestParams = null;
        try {
            epochs:
            for (int epoch = 1; epoch <= s.epochs; epoch++) {
                long e0 = System.nanoTime();
                rng.shuffle(order);
                double epochLoss = 0;
                for (int b = 0; b < batches; b++) {
                    if (cancel.isCancelled()) { h.stopped = "cancelled"; break epochs; }
                    int from = b * batch;
                    runTiles(pool, workers, order, from, batch, tilesPerBatch, tileGrad, tileLoss, p);
                    java.util.Arrays.fill(grad, 0.0);
                    double loss = 0;
                    for (int t = 0; t < tilesPerBatch; t++) {
                        loss += tileLoss[t];
                        double[] g = tileGrad[t];
                        for (int k = 0; k < grad.length; k++) grad[k] += g[k];
                    }
                    loss += s.l2 * net.regularization(p, grad, s.l2);
                    if (!Double.isFinite(loss)) {
                        h.stopped = "the training loss became " + loss + " at epoch " + epoch + " (learning rate too high?)";
                        listener.message("Stopped: " + h.stopped);
                        break epochs;
                    }
                    adam.step(p, grad);
                    epochLoss += loss;
                }
                trainSeconds += (System.nanoTime() - e0) * 1e-9;
                epochLoss /= batches;
                h.epoch_loss.add(epochLoss);
                h.epoch_seconds.add(trainSeconds);
                listener.epoch(epoch, s.epochs, epochLoss, trainSeconds);
                if (epoch % s.snapshot_every == 0 || epoch == s.epochs) {
                    long v0 = System.nanoTime();
                    History.Snapshot snap = score(net, data, s, epoch, trainSeconds);
                    validationSeconds += (System.nanoTime() - v0) * 1e-9;
                    h.snapshots.add(snap);
                    if (!snap.rejected && (bestParams == null || s.selection.better(snap.selection_value, best))) {
                        best = snap.selection_value;
                        bestParams = snap.parameters;
                        h.selected = h.snapshots.size() - 1;
                    }
                    listener.snapshot(snap);
                }
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        if (bestParams != null) {
            net.store().setAll(bestParams);
        } else if (!h.snapshots.isEmpty() || !"completed".equals(h.stopped)) {
            listener.message("No snapshot was kept: every scored snapshot diverged in free run, or none was scored; the parameters are the last finite ones.");
        }
        h.training_seconds = trainSeconds;
        h.validation_seconds = validationSeconds;
        listener.message(String.format(java.util.Locale.ROOT, "Teacher forcing: %d epochs in %.1f s (+%.1f s validation), %s",
                h.epoch_loss.size(), trainSeconds, validationSeconds, h.stopped));
        return h;
    }

    private static History.Snapshot score(Network net, TrainingData data, TrainingSettings s, int epoch, double seconds) {
        History.Snapshot snap = new History.Snapshot();
        snap.epoch = epoch;
        snap.seconds = seconds;
        snap.parameters = net.parameters().clone();
        if (data.dataset().validation().isEmpty()) {
            snap.selection_value = epoch;   // no validation data: the latest snapshot wins
            return snap;
        }
        List<MetricsReport> reports = Validation.evaluate(net, data.dataset().validation(), data.channels(), s.score, s.dump_fraction, "validation");
        snap.validation = reports;
        for (MetricsReport r : reports) {
            if (r.diverged) {
                snap.rejected = true;
                snap.rejected_because = r.neuron + " diverged in free run";
            }
        }
        snap.selection_value = Validation.selectionValue(reports, s.selection);
        return snap;
    }

    private static void runTiles(ExecutorService pool, List<Worker> workers, int[] order, int from, int batch, int tiles,
                                 double[][] tileGrad, double[] tileLoss, double[] p) {
        if (pool == null) {
            Worker w = workers.get(0);
            for (int t = 0; t < tiles; t++) w.tile(order, from, batch, t, tileGrad[t], tileLoss, p);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (Worker w : workers) {
            fs.add(pool.submit(() -> {
                int t;
                while ((t = next.getAndIncrement()) < tiles) w.tile(order, from, batch, t, tileGrad[t], tileLoss, p);
            }));
        }
        for (Future<?> fu : fs) {
            try {
                fu.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException) throw (RuntimeException) c;
                throw new IllegalStateException(c);
            }
        }
    }

    /** One thread's scratch space and the per-tile computation. */
    private static final class Worker {
        final Network net;
        final TeacherForcingFeatures f;
        final Edge.Workspace[] ews;
        final double[][] x;
        final double[] v = new double[TILE], u = new double[TILE], target = new double[TILE];
        final double[] psi = new double[TILE], dPsi = new double[TILE];

        Worker(Network net, TeacherForcingFeatures f) {
            this.net = net;
            this.f = f;
            List<Edge> edges = net.edges();
            ews = new Edge.Workspace[edges.size()];
            x = new double[edges.size()][];
            for (int e = 0; e < ews.length; e++) {
                ews[e] = edges.get(e).newWorkspace(TILE);
                x[e] = new double[edges.get(e).bank().size() * TILE];
            }
        }

        void tile(int[] order, int batchFrom, int batch, int t, double[] grad, double[] tileLoss, double[] p) {
            java.util.Arrays.fill(grad, 0.0);
            int from = batchFrom + t * TILE;
            int T = Math.min(TILE, batchFrom + batch - from);
            double invB = 1.0 / batch;
            double loss = 0;
            List<Edge> edges = net.edges();
            for (int i = 0; i < net.modelledCount(); i++) {
                FeatureMatrix fm = f.perNeuron[i];
                fm.gather(order, from, T, FeatureMatrix.V, 1, v);
                fm.gather(order, from, T, FeatureMatrix.U, 1, u);
                fm.gather(order, from, T, FeatureMatrix.TARGET, 1, target);
                java.util.Arrays.fill(psi, 0, T, 0.0);
                for (int e = 0; e < edges.size(); e++) {
                    Edge edge = edges.get(e);
                    if (edge.post() != i) continue;
                    fm.gather(order, from, T, f.edgeColumn[e], edge.bank().size(), x[e]);
                    edge.forward(ews[e], p, v, x[e], T, psi);
                }
                double cinv = net.inverseCapacitance(p, i);
                double dCinv = 0;
                for (int k = 0; k < T; k++) {
                    double drive = u[k] - psi[k];
                    double err = cinv * drive - target[k];
                    loss += err * err;
                    double g = 2 * err * invB;
                    dPsi[k] = -cinv * g;
                    dCinv += g * drive;
                }
                net.addInverseCapacitanceGradient(p, grad, i, dCinv);
                for (int e = 0; e < edges.size(); e++) {
                    Edge edge = edges.get(e);
                    if (edge.post() != i) continue;
                    edge.backward(ews[e], p, v, x[e], T, dPsi, grad, null, null);
                }
            }
            tileLoss[t] = loss * invB;
        }
    }
}
