package org.rmmfiji.train;

import org.rmmfiji.model.Network;

/**
 * Where a fresh network starts from its training data, before its first step: the currents' input normalisation and a
 * data-derived leak reversal ({@link FeatureRanges}), then 1/C where the recording puts it when the spec asks for that
 * ({@link CapacitanceEstimate}). Every trainer and the feature export for the Python peers start a network this way.
 */
final class TrainingStart {
    private TrainingStart() {}

    static void apply(Network net, FeatureRanges ranges, TrainingData data, double dumpFraction, ProgressListener listener) {
        ranges.applyTo(net);
        CapacitanceEstimate.apply(net, data, dumpFraction, listener);
    }
}
