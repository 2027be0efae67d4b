package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.Segment;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.FilterStateStream;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;

/**
 * Teacher-forcing rows of training data too long to hold them all (an hour of 10 kHz LP–PD data would take 7.9 GB).
 * Only what cannot be recomputed cheaply is kept: the recording's samples, read in place from its segments, and at
 * every checkpoint (the first row of a block, then every few ten thousand rows inside it) the filter states of every
 * edge as the usual warm-up leaves them there. An epoch visits blocks of rows, each inside one segment, in a random
 * order; a block's rows are recomputed from its stored states into a window — bit for bit the rows
 * {@link TeacherForcingFeatures} would hold — and shuffled inside the block. The mini-batches run on across block
 * boundaries (the rows a batch has not used yet are carried to the next block), so an epoch trains every row once and
 * drops only its last partial batch, as the in-memory store does. The ranges and median voltages are taken over all
 * rows when the store is built, so they are the in-memory store's.
 */
final class StreamedFeatures implements FeatureStore {
    /** Samples of filter states streamed at a time. */
    private static final int CHUNK = 4096;
    /** Bookkeeping beside a checkpoint's states (object and array headers, its four numbers), rounded up. */
    private static final int CHECKPOINT_OVERHEAD_BYTES = 64;
    /** Bookkeeping of a block (its object and its place in the epoch's order), rounded up. */
    private static final int BLOCK_OVERHEAD_BYTES = 32;

    /** Rows recomputed from one set of stored states: samples [firstSample, firstSample + rows) of a segment. */
    private static final class Checkpoint {
        final int segment, firstSample, rows, firstRow;
        /** Per edge: its filter states at firstSample. */
        final double[][] states;

        Checkpoint(int segment, int firstSample, int rows, int firstRow, int edges) {
            this.segment = segment;
            this.firstSample = firstSample;
            this.rows = rows;
            this.firstRow = firstRow;
            this.states = new double[edges][];
        }
    }

    /** Rows an epoch visits together: consecutive checkpoints of one segment. */
    private static final class Block {
        final int firstCheckpoint, checkpoints, rows, firstRow;

        Block(int firstCheckpoint, int checkpoints, int rows, int firstRow) {
            this.firstCheckpoint = firstCheckpoint;
            this.checkpoints = checkpoints;
            this.rows = rows;
            this.firstRow = firstRow;
        }
    }

    private final List<Edge> edges;
    private final double dt;
    private final List<Segment> segments;
    private final ChannelMap map;
    private final FeatureLayout layout;
    private final Checkpoint[] checkpoints;
    private final Block[] blocks;
    private final int maxBlockRows;
    private final int checkpointRows;
    private final FeatureRanges ranges;

    /** The order in which epochs visit the blocks, shuffled again (in place) at the start of every epoch. */
    private final int[] blockOrder;
    private Rng rng;
    private int nextBlock;
    /** The rows of the epoch's positions [base, base + available): position p is row windowOrder[p − base] of the window. */
    private FeatureMatrix[] window;
    private int[] windowOrder;
    /** The row of the whole data held in each row of the window. */
    private int[] windowRow;
    private int base, available;

    private StreamedFeatures(Network net, List<Segment> segments, ChannelMap map, FeatureLayout layout, List<Checkpoint> checkpoints,
                             List<Block> blocks, int checkpointRows, FeatureRanges ranges) {
        this.edges = net.edges();
        this.dt = net.dt();
        this.segments = List.copyOf(segments);
        this.map = map;
        this.layout = layout;
        this.checkpoints = checkpoints.toArray(new Checkpoint[0]);
        this.blocks = blocks.toArray(new Block[0]);
        this.checkpointRows = checkpointRows;
        this.ranges = ranges;
        int largest = 0;
        for (Block b : blocks) largest = Math.max(largest, b.rows);
        this.maxBlockRows = largest;
        this.blockOrder = new int[blocks.size()];
        for (int b = 0; b < blockOrder.length; b++) blockOrder[b] = b;
    }

    /**
     * One pass over the data, as {@link TeacherForcingFeatures} makes its rows: stores the filter states at every
     * checkpoint and takes every column's range; then the median voltages (a second pass over the voltages alone).
     * A segment is cut into equal blocks of at most {@code blockRows} rows, a block into checkpoints every
     * {@code checkpointRows} rows.
     */
    static StreamedFeatures build(Network net, List<Segment> segments, ChannelMap map, FeatureLayout layout, int blockRows, int checkpointRows) {
        int k0 = layout.transientSamples;
        int m = net.modelledCount();
        List<Edge> edges = net.edges();
        double dt = net.dt();
        double[][] min = new double[m][], max = new double[m][];
        FloatMedian[] median = new FloatMedian[m];
        for (int i = 0; i < m; i++) {
            min[i] = new double[layout.width[i]];
            max[i] = new double[layout.width[i]];
            Arrays.fill(min[i], Double.POSITIVE_INFINITY);
            Arrays.fill(max[i], Double.NEGATIVE_INFINITY);
            median[i] = new FloatMedian();
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        int maxStates = 0;
        for (Edge e : edges) maxStates = Math.max(maxStates, e.bank().size());
        float[] stateRows = new float[maxStates * CHUNK];
        for (int si = 0; si < segments.size(); si++) {
            Segment s = segments.get(si);
            int len = s.length(), usable = layout.rows(s), row0 = layout.firstRow[si];
            int segmentFirst = checkpoints.size();
            int nBlocks = (usable + blockRows - 1) / blockRows;
            int size = (usable + nBlocks - 1) / nBlocks;          // equal blocks, so none is a sliver
            for (int from = 0; from < usable; from += size) {
                int rows = Math.min(size, usable - from), first = checkpoints.size();
                for (int c = 0; c < rows; c += checkpointRows)
                    checkpoints.add(new Checkpoint(si, k0 + from + c, Math.min(checkpointRows, rows - c), row0 + from + c, edges.size()));
                blocks.add(new Block(first, checkpoints.size() - first, rows, row0 + from));
            }
            for (int i = 0; i < m; i++) {
                int vc = map.voltageChannel(i), uc = map.currentChannel(i);
                for (int k = k0; k < len - 1; k++) {
                    double v = s.get(vc, k);
                    include(min[i], max[i], FeatureMatrix.V, v);
                    include(min[i], max[i], FeatureMatrix.U, uc >= 0 ? s.get(uc, k) : 0.0);
                    include(min[i], max[i], FeatureMatrix.TARGET, (s.get(vc, k + 1) - v) / dt);
                }
                median[i].add(s.backing(vc), s.offset() + k0, s.offset() + len - 1);
            }
            for (int e = 0; e < edges.size(); e++) {
                Edge edge = edges.get(e);
                int nStates = edge.bank().size(), col = layout.edgeColumn[e];
                double[] lo = min[edge.post()], hi = max[edge.post()];
                FilterStateStream stream = new FilterStateStream(edge.bank(), s.backing(map.voltageChannel(edge.pre())), s.offset(), len);
                stream.skip(k0);
                for (int c = segmentFirst; c < checkpoints.size(); c++) {
                    Checkpoint cp = checkpoints.get(c);
                    cp.states[e] = stream.state();
                    for (int done = 0; done < cp.rows; ) {
                        int n = stream.nextRows(stateRows, 0, nStates, Math.min(CHUNK, cp.rows - done));
                        for (int t = 0; t < n; t++)
                            for (int q = 0; q < nStates; q++) include(lo, hi, col + q, stateRows[t * nStates + q]);
                        done += n;
                    }
                }
            }
        }
        double[] medianVoltage = new double[m];
        for (int i = 0; i < m; i++) medianVoltage[i] = median[i].lower();
        return new StreamedFeatures(net, segments, map, layout, checkpoints, blocks, checkpointRows, new FeatureRanges(layout, min, max, medianVoltage));
    }

    /** Widens a column's range by a value rounded to float32, as {@link FeatureMatrix#set} does. */
    private static void include(double[] min, double[] max, int col, double value) {
        float f = (float) value;
        if (f < min[col]) min[col] = f;
        if (f > max[col]) max[col] = f;
    }

    @Override public FeatureLayout layout() { return layout; }

    @Override public FeatureRanges ranges() { return ranges; }

    int blockCount() { return blocks.length; }

    /** The row of the whole data that block {@code b}'s first row is. */
    int blockFirstRow(int b) { return blocks[b].firstRow; }

    int blockRows(int b) { return blocks[b].rows; }

    /**
     * Recomputes block {@code b}'s rows into rows [at, at + blockRows(b)) of {@code into} (one matrix per neuron),
     * in the data's order, its checkpoints on every worker of {@code tiles} (or one after the other when null).
     */
    <W> void fill(int b, FeatureMatrix[] into, int at, ParallelTiles<W> tiles) {
        Block block = blocks[b];
        if (tiles == null) {
            for (int c = 0; c < block.checkpoints; c++) fill(checkpoints[block.firstCheckpoint + c], into, at - block.firstRow);
        } else {
            tiles.run(block.checkpoints, (w, c) -> fill(checkpoints[block.firstCheckpoint + c], into, at - block.firstRow));
        }
    }

    /** One checkpoint's rows; row r of the data goes to row r + shift of {@code into}. */
    private void fill(Checkpoint cp, FeatureMatrix[] into, int shift) {
        Segment s = segments.get(cp.segment);
        int at = cp.firstRow + shift;
        double[] chunk = new double[FeatureMatrix.STATES * CHUNK];
        for (int i = 0; i < into.length; i++) {
            int vc = map.voltageChannel(i), uc = map.currentChannel(i);
            for (int done = 0; done < cp.rows; ) {
                int n = Math.min(CHUNK, cp.rows - done);
                for (int t = 0; t < n; t++) {
                    int k = cp.firstSample + done + t;
                    double v = s.get(vc, k);
                    chunk[t] = v;
                    chunk[n + t] = uc >= 0 ? s.get(uc, k) : 0.0;
                    chunk[2 * n + t] = (s.get(vc, k + 1) - v) / dt;
                }
                into[i].putColumns(at + done, n, FeatureMatrix.V, FeatureMatrix.STATES, chunk, n);
                done += n;
            }
        }
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            FilterStateStream stream = FilterStateStream.resume(edge.bank(), s.backing(map.voltageChannel(edge.pre())), s.offset(), s.length(),
                    cp.firstSample, cp.states[e]);
            into[edge.post()].putRows(at, cp.rows, layout.edgeColumn[e], stream::nextRows);
        }
    }

    @Override
    public void startEpoch(Rng rng) {
        this.rng = rng;
        rng.shuffle(blockOrder);
        nextBlock = 0;
        base = 0;
        available = 0;
    }

    @Override
    public <W> BatchRows rows(int from, int count, ParallelTiles<W> tiles) {
        if (rng == null) throw new IllegalStateException("rows asked for before the first epoch");
        if (from < base || from > base + available) throw new IllegalStateException("rows asked for out of order: position " + from
                + ", the window holds " + base + " … " + (base + available - 1));
        if (from + count > base + available) advance(from, count, tiles);
        return new BatchRows(window, windowOrder, from - base);
    }

    /** Carries the rows from position {@code from} on to the front of the window, then adds blocks until {@code count} rows are there. */
    private <W> void advance(int from, int count, ParallelTiles<W> tiles) {
        int capacity = maxBlockRows + count;
        if (window == null || windowOrder.length < capacity) allocateWindow(capacity);
        int carried = base + available - from;
        for (FeatureMatrix f : window) f.moveToFront(windowOrder, from - base, carried);
        int[] rowsCarried = new int[carried];
        for (int t = 0; t < carried; t++) rowsCarried[t] = windowRow[windowOrder[from - base + t]];
        System.arraycopy(rowsCarried, 0, windowRow, 0, carried);
        for (int t = 0; t < carried; t++) windowOrder[t] = t;
        base = from;
        available = carried;
        while (available < count) {
            if (nextBlock == blocks.length)
                throw new IllegalStateException("an epoch asked for " + (from + count) + " rows of " + layout.rows);
            int b = blockOrder[nextBlock++];
            fill(b, window, available, tiles);
            for (int t = 0; t < blocks[b].rows; t++) {
                windowOrder[available + t] = available + t;
                windowRow[available + t] = blocks[b].firstRow + t;
            }
            rng.shuffle(windowOrder, available, available + blocks[b].rows);
            available += blocks[b].rows;
        }
    }

    private void allocateWindow(int capacity) {
        window = null;                       // lets a smaller window go before the larger one is made
        window = new FeatureMatrix[layout.width.length];
        for (int i = 0; i < window.length; i++) window[i] = new FeatureMatrix(layout.width[i], capacity);
        windowOrder = new int[capacity];
        windowRow = new int[capacity];
    }

    /** The row of the whole data at this epoch's position {@code p} (which the last {@link #rows} call made ready). */
    int rowAt(int p) { return windowRow[windowOrder[p - base]]; }

    /** Bytes kept for the whole data, which grow with it: the checkpoints' filter states and the blocks' bookkeeping. */
    long storedBytes() {
        long states = 0;
        for (Edge e : edges) states += (long) e.bank().size() * Double.BYTES + 16;       // an array per edge
        return checkpoints.length * (states + CHECKPOINT_OVERHEAD_BYTES) + (long) blocks.length * BLOCK_OVERHEAD_BYTES;
    }

    /**
     * Bytes of the window mini-batches of {@code batch} rows are trained from: the largest block and a batch of
     * carried rows, as float32 rows, with each row's place in the order and in the data. It does not grow with the data.
     */
    long windowBytes(int batch) {
        long perRow = 2L * Integer.BYTES;
        for (int w : layout.width) perRow += (long) w * Float.BYTES;
        return (maxBlockRows + (long) batch) * perRow;
    }

    /** What the store holds while it trains with mini-batches of {@code batch} rows. */
    long trainingBytes(int batch) { return storedBytes() + windowBytes(batch); }

    /** What a user reads in the log: how the features are streamed, and what they would take in memory. */
    String describe(int batch) {
        return String.format(Locale.ROOT, "Teacher-forcing features of %d samples would take %.0f MB in memory (max heap %.0f MB): they are recomputed "
                + "every epoch in %d blocks from filter states stored every %d samples, %.0f MB while training",
                layout.rows, layout.inMemoryBytes() / 1e6, Runtime.getRuntime().maxMemory() / 1e6, blocks.length, checkpointRows,
                trainingBytes(batch) / 1e6);
    }
}
