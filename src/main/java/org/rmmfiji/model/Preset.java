package org.rmmfiji.model;

import java.util.List;

/**
 * A named starting point: how to build the spec for given neuron and input names, and the training and
 * scoring defaults taken from the authors' scripts.
 */
public final class Preset {

    /** Builds a spec for the given modelled neurons and measured inputs. */
    public interface SpecBuilder { ModelSpec build(List<String> neurons, List<String> inputs); }

    /** Defaults a fit starts from (the authors' values for the matching example). */
    public static final class Defaults {
        public int epochs;
        public int batch_size = 38_400;
        public double learning_rate;
        public double beta1 = 0.9;
        public double beta2;
        public double l2;
        public int snapshot_every;
        public double band_low_hz = 20;
        public double band_high_hz = 500;
        public int band_order;
        /** ReLU threshold of the band-passed trace; NaN = none. */
        public double threshold_mV = Double.NaN;
        public double smoothing_ms;
        public double spike_threshold_mV = -20;
        public double train_fraction;
        public double validation_fraction;
    }

    private final String id;
    private final String description;
    private final int neurons;
    private final int inputs;
    private final SpecBuilder builder;
    private final Defaults defaults;

    Preset(String id, String description, int neurons, int inputs, SpecBuilder builder, Defaults defaults) {
        this.id = id;
        this.description = description;
        this.neurons = neurons;
        this.inputs = inputs;
        this.builder = builder;
        this.defaults = defaults;
    }

    public String id() { return id; }
    public String description() { return description; }
    /** How many modelled neurons and measured inputs the preset expects. */
    public int neuronCount() { return neurons; }
    public int inputCount() { return inputs; }
    public Defaults defaults() { return defaults; }

    public ModelSpec build(List<String> neuronNames, List<String> inputNames) {
        if (neuronNames.size() != neurons || inputNames.size() != inputs)
            throw new org.rmmfiji.data.InvalidInputException("preset '" + id + "' models " + neurons + " neuron(s) with " + inputs
                    + " measured input(s); got neurons " + neuronNames + " and inputs " + inputNames);
        ModelSpec s = builder.build(neuronNames, inputNames);
        s.preset = id;
        return s;
    }
}
