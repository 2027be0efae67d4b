package org.rmmfiji.groundtruth;

import java.util.List;

/**
 * What a named dataset is: its files, how it splits, which channels a fit uses, and the preset it is meant
 * for. The recording file holds what an experimenter would record; the truth file holds what only a
 * simulation knows (ionic and synaptic currents, conductances).
 */
public final class NamedDataset {
    public final String name;
    public final String description;
    public final String preset;
    public final List<String> neurons;
    public final List<String> inputs;
    public final List<String> currents;
    /** Either segment indices (train, validation, test) or time fractions. */
    public final int[][] segmentSplit;
    public final double[] fractionSplit;

    NamedDataset(String name, String description, String preset, List<String> neurons, List<String> inputs,
                 List<String> currents, int[][] segmentSplit, double[] fractionSplit) {
        this.name = name;
        this.description = description;
        this.preset = preset;
        this.neurons = neurons;
        this.inputs = inputs;
        this.currents = currents;
        this.segmentSplit = segmentSplit;
        this.fractionSplit = fractionSplit;
    }

    public String recordingFile() { return name + ".csv"; }

    public String truthFile() { return name + "-truth.csv"; }
}
