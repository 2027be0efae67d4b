package org.rmmfiji.train;

import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Network;

/**
 * Where teacher forcing takes its rows from, epoch after epoch: every row held in memory
 * ({@link TeacherForcingFeatures}), or blocks of rows recomputed from stored filter states ({@link StreamedFeatures})
 * when the rows would not fit. Either way a row holds the same float32 values.
 */
interface FeatureStore {
    FeatureLayout layout();

    /** The columns' ranges and the median voltages, over every row. */
    FeatureRanges ranges();

    /** Fits the network's input normalisation (and data-given leak reversals) to the rows. */
    default void applyRanges(Network net) { ranges().applyTo(net); }

    /** Draws the order in which the next epoch visits the rows. */
    void startEpoch(Rng rng);

    /**
     * The rows at positions [from, from + count) of this epoch's order. Positions are asked for in increasing order,
     * each batch from where the previous one ended; {@code tiles} may run the work of making them ready.
     */
    <W> BatchRows rows(int from, int count, ParallelTiles<W> tiles);
}
