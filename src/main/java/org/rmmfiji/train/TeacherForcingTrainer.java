package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;

/**
 * Teacher forcing as the authors train: regress dv/dt on measured v and precomputed filter states,
 * L = Σ_i mean_k w_ik (c_i⁻¹(u_i − Σ_j ψ_ij) − Δv_i/δ)² + ρ R(θ), with w = 1 as the authors or the sample weights of
 * {@link TeacherForcingWeights} ({@code tf_weight_scale}), Adam on shuffled mini-batches of single samples
 * (the last partial batch dropped). Snapshots are scored by free runs on the validation segments. The rows come from a
 * {@link FeatureStore}: all of them in memory, shuffled together every epoch, or, for data too long for the heap,
 * blocks recomputed every epoch from stored filter states, visited in a random order and shuffled inside each block.
 *
 * <p>Reproducibility: a mini-batch is cut into fixed tiles of {@value #TILE} samples; each tile's gradient goes
 * to its own buffer and the buffers are summed in tile order, so the result does not depend on the number of
 * threads.
 */
public final class TeacherForcingTrainer implements Trainer {
    static final int TILE = 256;

    public static final String ID = "teacher-forcing";

    @Override public String id() { return ID; }

    @Override public int epochs(TrainingSettings s) { return s.epochs; }

    /**
     * Whether teacher forcing on these data, in this JVM, streams its rows (they would take too much of the heap)
     * rather than holding them all in memory.
     */
    public static boolean streamsFeatures(Network net, TrainingData data, double dumpFraction) {
        return FeatureStorePolicy.AUTOMATIC.streams(FeatureLayout.of(net, data.dataset().train(), dumpFraction));
    }

    /** What every teacher-forcing row of these data would take held in memory (float32), streamed or not. */
    public static long inMemoryFeatureBytes(Network net, TrainingData data, double dumpFraction) {
        return FeatureLayout.of(net, data.dataset().train(), dumpFraction).inMemoryBytes();
    }

    @Override
    public StopReason train(TrainingContext ctx) {
        Network net = ctx.net;
        TrainingSettings s = ctx.settings;
        // the weights' scales first: two quick passes over the voltage, so a refusal comes before the long one
        double[] scales = TeacherForcingWeights.scales(net, ctx.data, s.tf_weight_scale, s.dump_fraction);
        if (scales != null) {
            ctx.history.tf_weight_scale_mV_per_ms = scales.clone();
            ctx.listener.message(TeacherForcingWeights.describe(net, scales, s.tf_weight_scale));
        }
        ctx.listener.message("Computing filter states of " + ctx.data.dataset().train().size() + " training segment(s)…");
        FeatureStore f = ctx.featureStorePolicy.build(net, ctx.data.dataset().train(), ctx.data.channels(), s.dump_fraction);
        if (!net.normalised()) TrainingStart.apply(net, f.ranges(), ctx.data, s.dump_fraction, ctx.listener);
        int n = f.layout().rows;
        ctx.history.samples = n;
        double[] p = net.parameters();
        Adam adam = new Adam(net.store(), s.learning_rate, s.beta1, s.beta2);
        Rng rng = new Rng(s.seed ^ 0x5DEECE66DL);
        int batch = Math.min(s.batch_size, n);
        if (f instanceof StreamedFeatures) ctx.listener.message(((StreamedFeatures) f).describe(batch));
        int batches = n / batch;
        int tilesPerBatch = (batch + TILE - 1) / TILE;
        double[][] tileGrad = new double[tilesPerBatch][p.length];
        double[] tileLoss = new double[tilesPerBatch];
        double[] grad = new double[p.length];
        int threads = Math.min(s.threads, tilesPerBatch);
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) workers.add(new Worker(net, f.layout(), scales));
        try (ParallelTiles<Worker> tiles = new ParallelTiles<>(workers, "rmm-teacher-forcing")) {
            for (int epoch = 1; epoch <= s.epochs; epoch++) {
                long e0 = System.nanoTime();
                f.startEpoch(rng);
                double epochLoss = 0;
                for (int b = 0; b < batches; b++) {
                    if (ctx.cancel.isCancelled()) return StopReason.CANCELLED;
                    BatchRows rows = f.rows(b * batch, batch, tiles);
                    tiles.run(tilesPerBatch, (w, t) -> w.tile(rows, batch, t, tileGrad[t], tileLoss, p));
                    double loss = ParallelTiles.sumInOrder(tilesPerBatch, tileGrad, tileLoss, grad);
                    loss += s.l2 * net.regularization(p, grad, s.l2) + net.penalty(p, grad);
                    if (!Double.isFinite(loss)) {
                        ctx.history.stop_detail = "the training loss became " + loss + " at epoch " + ctx.globalEpoch(epoch) + " (learning rate too high?)";
                        ctx.listener.message("Stopped: " + ctx.history.stop_detail);
                        return StopReason.NON_FINITE_LOSS;
                    }
                    adam.step(p, grad);
                    epochLoss += loss;
                }
                ctx.epochDone(epoch, s.epochs, epochLoss / batches, (System.nanoTime() - e0) * 1e-9);
                ctx.maybeSnapshot(epoch, s.epochs, ID);
            }
        }
        return StopReason.COMPLETED;
    }

    /** One thread's scratch space and the per-tile computation. */
    static final class Worker {
        final Network net;
        final FeatureLayout layout;
        final Edge.Workspace[] ews;
        final double[][] x;
        /** Every column of one neuron's feature rows for the tile, feature-major; v, u, target and x are slices of it. */
        final double[][] rows;
        /** Whole feature rows as they are stored, before a tile takes them apart (for {@link FeatureMatrix#gather}). */
        final float[] stage;
        final double[] v = new double[TILE], u = new double[TILE], target = new double[TILE];
        final double[] psi = new double[TILE], dPsi = new double[TILE];
        /** Per modelled neuron, 1/s of the sample weights ({@link TeacherForcingWeights}), or null: weights 1. */
        final double[] inverseScale;

        Worker(Network net, FeatureLayout layout) { this(net, layout, null); }

        Worker(Network net, FeatureLayout layout, double[] scales) {
            this.net = net;
            inverseScale = scales == null ? null : TeacherForcingWeights.inverse(scales);
            this.layout = layout;
            List<Edge> edges = net.edges();
            ews = new Edge.Workspace[edges.size()];
            x = new double[edges.size()][];
            for (int e = 0; e < ews.length; e++) {
                ews[e] = edges.get(e).newWorkspace(TILE);
                x[e] = new double[edges.get(e).bank().size() * TILE];
            }
            rows = new double[layout.width.length][];
            int widest = 0;
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new double[layout.width[i] * TILE];
                widest = Math.max(widest, layout.width[i]);
            }
            stage = new float[widest * TILE];
        }

        /** Tile t of a mini-batch of {@code batch} rows: its loss into tileLoss[t], its gradient into grad. */
        void tile(BatchRows batchRows, int batch, int t, double[] grad, double[] tileLoss, double[] p) {
            java.util.Arrays.fill(grad, 0.0);
            int from = batchRows.first + t * TILE;
            int T = Math.min(TILE, batchRows.first + batch - from);
            double invB = 1.0 / batch;
            double loss = 0;
            List<Edge> edges = net.edges();
            for (int i = 0; i < net.modelledCount(); i++) {
                double[] tile = rows[i];
                batchRows.perNeuron[i].gather(batchRows.order, from, T, stage, tile);
                System.arraycopy(tile, FeatureMatrix.V * T, v, 0, T);
                System.arraycopy(tile, FeatureMatrix.U * T, u, 0, T);
                System.arraycopy(tile, FeatureMatrix.TARGET * T, target, 0, T);
                java.util.Arrays.fill(psi, 0, T, 0.0);
                for (int e = 0; e < edges.size(); e++) {
                    Edge edge = edges.get(e);
                    if (edge.post() != i) continue;
                    System.arraycopy(tile, layout.edgeColumn[e] * T, x[e], 0, edge.bank().size() * T);
                    edge.forward(ews[e], p, v, x[e], T, psi);
                }
                double cinv = net.inverseCapacitance(p, i);
                double dCinv = 0;
                for (int k = 0; k < T; k++) {
                    double drive = u[k] - psi[k];
                    double err = cinv * drive - target[k];
                    double w = inverseScale == null ? 1.0 : TeacherForcingWeights.weight(target[k], inverseScale[i]);
                    loss += w * err * err;
                    double g = 2 * w * err * invB;
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
