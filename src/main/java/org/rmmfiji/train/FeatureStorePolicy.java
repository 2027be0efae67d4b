package org.rmmfiji.train;

import java.util.List;

import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;

/** Which feature store teacher forcing uses: rows in memory while they fit comfortably in the heap, streamed beyond. */
final class FeatureStorePolicy {
    /**
     * Stream when the rows held in memory would take more than this fraction of the JVM's max heap. The rest is
     * needed beside them: the recording itself (4 bytes per sample and channel), the validation free runs, multiple
     * shooting's shots after teacher forcing, and headroom for the collector. Every fit of minutes of data on a
     * default heap stays in memory, so its results do not change.
     */
    static final double STREAM_ABOVE_HEAP_FRACTION = 0.4;
    /**
     * Rows recomputed at a time when streaming: large enough that recomputing a block and shuffling inside it mixes a
     * mini-batch well (≈ 100 s of 10 kHz data), small enough to take ≈ 230 MB for the LP–PD model's 55 columns.
     */
    static final int BLOCK_ROWS = 1 << 20;
    /** Rows between stored filter states inside a block, so a block's rows are recomputed on every thread at once. */
    static final int CHECKPOINT_ROWS = 1 << 16;

    static final FeatureStorePolicy AUTOMATIC = new FeatureStorePolicy(false, BLOCK_ROWS, CHECKPOINT_ROWS);

    private final boolean alwaysStream;
    final int blockRows;
    final int checkpointRows;

    private FeatureStorePolicy(boolean alwaysStream, int blockRows, int checkpointRows) {
        if (blockRows < 1 || checkpointRows < 1) throw new IllegalArgumentException("blocks and checkpoints need rows");
        this.alwaysStream = alwaysStream;
        this.blockRows = blockRows;
        this.checkpointRows = checkpointRows;
    }

    /** Streams whatever the data's size, in small blocks, so tests see streaming on short data. */
    static FeatureStorePolicy alwaysStreaming(int blockRows, int checkpointRows) { return new FeatureStorePolicy(true, blockRows, checkpointRows); }

    boolean streams(FeatureLayout layout) {
        return alwaysStream || tooLargeForHeap(layout.inMemoryBytes(), Runtime.getRuntime().maxMemory());
    }

    /** Whether rows of {@code inMemoryBytes} are more than a heap of {@code maxHeapBytes} holds comfortably. */
    static boolean tooLargeForHeap(long inMemoryBytes, long maxHeapBytes) {
        return inMemoryBytes > STREAM_ABOVE_HEAP_FRACTION * maxHeapBytes;
    }

    FeatureStore build(Network net, List<Segment> segments, ChannelMap map, double dumpFraction) {
        FeatureLayout layout = FeatureLayout.of(net, segments, dumpFraction);
        return streams(layout) ? StreamedFeatures.build(net, segments, map, layout, blockRows, checkpointRows)
                : TeacherForcingFeatures.build(net, segments, map, layout);
    }
}
