package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rmmfiji.data.Segment;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.Simulator;

/**
 * Closed-loop training on shots: multiple shooting (the authors' MS, γ = 0) and generalized teacher forcing
 * (GTF, the simulated voltage pulled toward the data by γ at every step). The training segments are cut into
 * shots of S samples ({@link Shots}); every shot starts from trainable initial states; all shots of a mini-batch
 * are simulated together as lanes of the {@link Simulator} and differentiated by backpropagation through time.
 * The loss of a mini-batch of B shots, as the authors' {@code MSLoss}:
 * <pre>
 *   1/(S δ²) Σ_{k&lt;S} mean_{i,b} (v̂_ib[k] − v̄_ib[k])²                       prediction (v̂[0] is the initial state)
 * + ρ_v/δ² · mean_{i, pairs} (v0_{b+1} − v̂_b[S])²                            voltage continuity
 * + 1/δ² · Σ_e mean_{pairs, s} (√ρ_x/DC_s · (x0_{b+1} − x̂_b[S]))² / m        filter-state continuity
 * + ρ₀ R(θ)
 * </pre>
 * Pairs are consecutive shots of the same segment within the mini-batch. Mini-batches are fixed runs of
 * consecutive shots, visited in a new random order every epoch; the network's parameters and the batch's initial
 * states take one Adam step per mini-batch.
 *
 * <p>With γ = 1 and initial states from the data, the prediction term is (S−1)/S of the teacher-forcing loss on the
 * same samples (the first step of a shot compares the initial state); with γ = 0 the shots run freely. The
 * optimiser and L2 weight are the closed-loop ones ({@code closed_loop_learning_rate}, {@code closed_loop_beta2},
 * {@code closed_loop_l2}: the authors' multiple-shooting values), whatever the teacher-forcing stage used.
 */
public final class ClosedLoopTrainer implements Trainer {
    public static final String MULTIPLE_SHOOTING = "multiple-shooting";
    public static final String GTF = "gtf";

    /** Shots per tile: the lanes one worker simulates together. */
    static final int TILE = 64;

    private final String id;
    private final boolean blended;

    private ClosedLoopTrainer(String id, boolean blended) {
        this.id = id;
        this.blended = blended;
    }

    public static ClosedLoopTrainer multipleShooting() { return new ClosedLoopTrainer(MULTIPLE_SHOOTING, false); }

    public static ClosedLoopTrainer generalizedTeacherForcing() { return new ClosedLoopTrainer(GTF, true); }

    @Override public String id() { return id; }

    @Override public int epochs(TrainingSettings s) { return s.closed_loop_epochs; }

    /** γ at a stage epoch (1-based): linear from gamma to gamma_final over the stage; 0 for multiple shooting. */
    double gamma(TrainingSettings s, int epoch) {
        if (!blended) return 0;
        int n = s.closed_loop_epochs;
        double f = n <= 1 ? 0 : (epoch - 1) / (double) (n - 1);
        return s.gamma + f * (s.gamma_final - s.gamma);
    }

    @Override
    public StopReason train(TrainingContext ctx) {
        Network net = ctx.net;
        TrainingSettings s = ctx.settings;
        if (!net.normalised())
            TrainingStart.apply(net, ctx.featureStorePolicy.build(net, ctx.data.dataset().train(), ctx.data.channels(), s.dump_fraction).ranges(),
                    ctx.data, s.dump_fraction, ctx.listener);
        int S = shotSamples(s, net.dt());
        Shots shots = Shots.cut(net, ctx.data.dataset().train(), ctx.data.channels(), S, s.dump_fraction);
        int nShots = shots.count();
        ctx.history.samples = (long) nShots * S;
        ctx.listener.message(String.format(java.util.Locale.ROOT, "%s: %d shots of %d samples (%.2f ms), %d per mini-batch%s",
                id, nShots, S, S * net.dt(), Math.min(s.shots_per_batch, nShots),
                blended ? String.format(java.util.Locale.ROOT, ", γ %.3g → %.3g", s.gamma, s.gamma_final) : ""));
        double[] p = net.parameters();
        Adam adam = new Adam(net.store(), s.closed_loop_learning_rate, s.beta1, s.closed_loop_beta2);
        Adam initialAdam = new Adam(shots.initial.length, s.closed_loop_learning_rate, s.beta1, s.closed_loop_beta2);
        double[] initialGrad = new double[shots.initial.length];
        double[] continuityGrad = new double[shots.initial.length];   // written by the tile of the preceding shot
        int perBatch = Math.min(s.shots_per_batch, nShots);
        int batches = nShots / perBatch;        // the last batch takes the remainder, so no batch is a sliver
        int maxTiles = (nShots - (batches - 1) * perBatch + TILE - 1) / TILE;
        double[][] tileGrad = new double[maxTiles][p.length];
        double[] tileLoss = new double[maxTiles];
        int[] order = new int[batches];
        for (int b = 0; b < batches; b++) order[b] = b;
        Rng rng = new Rng(s.seed ^ 0x2545F4914F6CDD1DL);
        double[] grad = new double[p.length];
        LossWeights w = new LossWeights(net, s, S);
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < Math.min(s.threads, maxTiles); t++) workers.add(new Worker(net, shots, ctx.data.channels(), w));
        try (ParallelTiles<Worker> tiles = new ParallelTiles<>(workers, "rmm-" + id)) {
            for (int epoch = 1; epoch <= s.closed_loop_epochs; epoch++) {
                long e0 = System.nanoTime();
                rng.shuffle(order);
                double gamma = gamma(s, epoch);
                double epochLoss = 0;
                for (int bi = 0; bi < batches; bi++) {
                    if (ctx.cancel.isCancelled()) return StopReason.CANCELLED;
                    int from = order[bi] * perBatch, to = order[bi] == batches - 1 ? nShots : from + perBatch;
                    int pairs = 0;
                    for (int q = from; q + 1 < to; q++) if (shots.continues(q)) pairs++;
                    int nt = (to - from + TILE - 1) / TILE;
                    java.util.Arrays.fill(initialGrad, from * shots.width, to * shots.width, 0.0);
                    java.util.Arrays.fill(continuityGrad, from * shots.width, to * shots.width, 0.0);
                    final int f = from, tt = to, pp = pairs;
                    tiles.run(nt, (wk, t) -> wk.tile(p, f, tt, f + t * TILE, Math.min(tt, f + (t + 1) * TILE), pp, gamma,
                            tileGrad[t], tileLoss, t, initialGrad, continuityGrad));
                    for (int k = from * shots.width; k < to * shots.width; k++) initialGrad[k] += continuityGrad[k];
                    double loss = ParallelTiles.sumInOrder(nt, tileGrad, tileLoss, grad);
                    loss += s.closed_loop_l2 * net.regularization(p, grad, s.closed_loop_l2) + net.penalty(p, grad);
                    if (!Double.isFinite(loss)) {
                        ctx.history.stop_detail = "the " + id + " loss became " + loss + " at epoch " + ctx.globalEpoch(epoch)
                                + " (shots diverging: try shorter shots or a lower learning rate)";
                        ctx.listener.message("Stopped: " + ctx.history.stop_detail);
                        return StopReason.NON_FINITE_LOSS;
                    }
                    adam.step(p, grad);
                    // each batch's states take one step per epoch, so the epoch is their Adam step count
                    if (s.train_initial_states) initialAdam.stepSlice(shots.initial, initialGrad, from * shots.width, to * shots.width, epoch);
                    epochLoss += loss;
                }
                ctx.epochDone(epoch, s.closed_loop_epochs, epochLoss / batches, (System.nanoTime() - e0) * 1e-9);
                ctx.maybeSnapshot(epoch, s.closed_loop_epochs, id);
            }
        }
        return StopReason.COMPLETED;
    }

    /** The shot length in samples for the settings' shot_ms at step δ. */
    public static int shotSamples(TrainingSettings s, double dt) {
        return Math.max(1, (int) Math.round(s.shot_ms / dt));
    }

    /** The constant factors of the loss terms. */
    static final class LossWeights {
        final double prediction;     // per squared error, before dividing by the shots of the batch
        final double voltage;        // per squared error, before dividing by the pairs
        final double[][] state;      // per edge and state, before dividing by the pairs

        LossWeights(Network net, TrainingSettings s, int S) {
            int m = net.modelledCount();
            double d2 = net.dt() * net.dt();
            prediction = 1.0 / (S * d2 * m);
            voltage = s.rho_v / (d2 * m);
            List<Edge> edges = net.edges();
            state = new double[edges.size()][];
            for (int e = 0; e < edges.size(); e++) {
                double[] dc = edges.get(e).bank().dcGains();
                state[e] = new double[dc.length];
                for (int q = 0; q < dc.length; q++) state[e][q] = s.rho_x / (dc[q] * dc[q]) / (d2 * m * dc.length);
            }
        }
    }

    /** One thread's simulators (one per lane count), tapes and the per-tile computation. */
    static final class Worker {
        final Network net;
        final Shots shots;
        final ChannelMap map;
        final LossWeights w;
        final Map<Integer, Lanes> byLanes = new HashMap<>();

        Worker(Network net, Shots shots, ChannelMap map, LossWeights w) {
            this.net = net;
            this.shots = shots;
            this.map = map;
            this.w = w;
        }

        /** Scratch space for one lane count. */
        final class Lanes {
            final Simulator sim;
            final Simulator.State state;
            final Simulator.Tape tape;
            final double[][] dvHat;
            final double[][] lamX;
            final double[] u, vData;

            Lanes(int lanes) {
                sim = new Simulator(net, lanes);
                state = sim.newState();
                tape = sim.newTape(shots.length);
                dvHat = new double[shots.length + 1][net.modelledCount() * lanes];
                lamX = new double[net.edges().size()][];
                for (int e = 0; e < lamX.length; e++) lamX[e] = new double[net.edges().get(e).bank().size() * lanes];
                u = new double[net.modelledCount() * lanes];
                vData = new double[net.modelledCount() * lanes];
            }
        }

        /**
         * Shots [q0, q1) of the mini-batch [from, to): simulate, add the loss to tileLoss[t], dL/dθ into grad (zeroed
         * here) and dL/d(initial states) of the tile's shots into initialGrad; the continuity terms' share of the
         * following shot's initial state goes into continuityGrad (that shot may belong to another tile).
         */
        void tile(double[] p, int from, int to, int q0, int q1, int pairs, double gamma, double[] grad, double[] tileLoss, int t,
                  double[] initialGrad, double[] continuityGrad) {
            java.util.Arrays.fill(grad, 0.0);
            int L = q1 - q0;
            Lanes ln = byLanes.computeIfAbsent(L, Lanes::new);
            int m = net.modelledCount(), n = net.voltageCount(), S = shots.length, W = shots.width;
            List<Edge> edges = net.edges();
            double[] init = shots.initial;
            Simulator.State st = ln.state;
            for (int b = 0; b < L; b++) {
                int base = (q0 + b) * W;
                for (int i = 0; i < m; i++) st.v[i * L + b] = init[base + i];
                for (int e = 0; e < edges.size(); e++) {
                    int ns = edges.get(e).bank().size(), o = base + shots.edgeOffset[e];
                    for (int q = 0; q < ns; q++) st.x[e][q * L + b] = init[o + q];
                }
            }
            double loss = 0;
            double wPred = w.prediction / (to - from);
            ln.tape.clear();
            for (int k = 0; k < S; k++) {
                double[] dv = ln.dvHat[k];
                for (int b = 0; b < L; b++) {
                    Segment seg = shots.segments.get(shots.segment[q0 + b]);
                    int ks = shots.start[q0 + b] + k;
                    for (int i = 0; i < m; i++) {
                        double data = seg.get(map.voltageChannel(i), ks);
                        double d = st.v[i * L + b] - data;
                        loss += wPred * d * d;
                        dv[i * L + b] = 2 * wPred * d;
                        ln.vData[i * L + b] = data;
                        int uc = map.currentChannel(i);
                        ln.u[i * L + b] = uc >= 0 ? seg.get(uc, ks) : 0.0;
                    }
                    for (int j = m; j < n; j++) st.v[j * L + b] = seg.get(map.voltageChannel(j), ks);
                }
                ln.sim.stepRecorded(st, p, ln.u, ln.vData, gamma, ln.tape);
            }
            // continuity of each shot's end with the next shot's initial state
            double[] dvEnd = ln.dvHat[S];
            java.util.Arrays.fill(dvEnd, 0.0);
            for (double[] l : ln.lamX) java.util.Arrays.fill(l, 0.0);
            if (pairs > 0) {
                double wv = w.voltage / pairs;
                for (int b = 0; b < L; b++) {
                    int q = q0 + b;
                    if (q + 1 >= to || !shots.continues(q)) continue;
                    int next = (q + 1) * W;
                    for (int i = 0; i < m; i++) {
                        double d = st.v[i * L + b] - init[next + i];
                        loss += wv * d * d;
                        dvEnd[i * L + b] = 2 * wv * d;
                        continuityGrad[next + i] -= 2 * wv * d;
                    }
                    for (int e = 0; e < edges.size(); e++) {
                        double[] ws = w.state[e];
                        int o = next + shots.edgeOffset[e];
                        for (int s = 0; s < ws.length; s++) {
                            double d = st.x[e][s * L + b] - init[o + s];
                            double c = ws[s] / pairs;
                            loss += c * d * d;
                            ln.lamX[e][s * L + b] = 2 * c * d;
                            continuityGrad[o + s] -= 2 * c * d;
                        }
                    }
                }
            }
            ln.sim.backward(ln.tape, p, ln.dvHat, ln.lamX, grad);
            for (int b = 0; b < L; b++) {
                int base = (q0 + b) * W;
                for (int i = 0; i < m; i++) initialGrad[base + i] += ln.dvHat[0][i * L + b];
                for (int e = 0; e < edges.size(); e++) {
                    int ns = edges.get(e).bank().size(), o = base + shots.edgeOffset[e];
                    for (int q = 0; q < ns; q++) initialGrad[o + q] += ln.lamX[e][q * L + b];
                }
            }
            tileLoss[t] = loss;
        }
    }
}
