package org.rmmfiji.train;

import org.rmmfiji.data.Dataset;
import org.rmmfiji.sim.ChannelMap;

/** A dataset with its channels bound to the network's voltages and currents. */
public final class TrainingData {
    private final Dataset dataset;
    private final ChannelMap map;

    public TrainingData(Dataset dataset, ChannelMap map) {
        this.dataset = dataset;
        this.map = map;
    }

    public Dataset dataset() { return dataset; }
    public ChannelMap channels() { return map; }
}
