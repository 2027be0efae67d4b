package org.rmmfiji.model;

import java.util.List;

/**
 * A named starting point: how to build the spec for given neuron and input names, and the training and
 * scoring defaults taken from the authors' scripts.
 */
public final class Preset {

    /** Builds a spec for the given modelled neurons and measured inputs. */
    public interface SpecBuilder { ModelSpec build(List<String> neurons, List<String> inputs); }

    /**
     * Defaults a fit starts from: the one source of every training and scoring default. The initial values are
     * the authors' general recipe (batches of 38,400, Adam β₁ 0.9, multiple shooting as their LP–PD script);
     * each preset overrides what its example script sets.
     */
    public static final class Defaults {
        /** The training pipeline, e.g. teacher-forcing or teacher-forcing+multiple-shooting. */
        public String trainer = "teacher-forcing";
        public int epochs = 200;
        public int batch_size = 38_400;
        public double learning_rate = 1e-3;
        public double beta1 = 0.9;
        public double beta2 = 0.999;
        public double l2 = 1e-6;
        /**
         * Teacher forcing's sample weights 1/(1 + (Δv/δ ÷ s)²), s this multiple of the training voltage's median speed
         * (see TrainingSettings); null: every sample weighs 1, as the authors' loss.
         */
        public Double tf_weight_scale;
        public int snapshot_every = 10;
        /** Selection metric id (score, loss, gamma or combined; see SelectionMetric). */
        public String selection = "score";
        public double band_low_hz = 20;
        public double band_high_hz = 500;
        public int band_order = 6;
        /** ReLU threshold of the band-passed trace; NaN = none. */
        public double threshold_mV = Double.NaN;
        public double smoothing_ms = 20;
        public double spike_threshold_mV = -20;
        public double train_fraction = 0.9;
        public double validation_fraction = 0.1;
        // closed-loop stages (the authors' LP–PD multiple-shooting script)
        public int closed_loop_epochs = 100;
        public double shot_ms = 3.0;
        public int shots_per_batch = 1280;
        public double rho_v = 1.0;
        public double rho_x = 0.1;
        public double gamma = 0.1;
        public double gamma_final = 0.1;
        public boolean train_initial_states = true;
        /** The closed-loop stages' optimiser: the authors' multiple shooting, Adam(3e-3, (0.9, 0.9)) and ρ₀ 0.0015. */
        public double closed_loop_learning_rate = 3e-3;
        public double closed_loop_beta2 = 0.9;
        public double closed_loop_l2 = 1.5e-3;
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
    /** A neuron or input count that a circuit preset takes from the channels it is given. */
    public static final int ANY = -1;

    /** How many modelled neurons and measured inputs the preset expects ({@link #ANY}: as many as given). */
    public int neuronCount() { return neurons; }
    public int inputCount() { return inputs; }
    public Defaults defaults() { return defaults; }

    public ModelSpec build(List<String> neuronNames, List<String> inputNames) {
        if ((neurons != ANY && neuronNames.size() != neurons) || (inputs != ANY && inputNames.size() != inputs) || neuronNames.isEmpty())
            throw new org.rmmfiji.data.InvalidInputException("preset '" + id + "' models " + neurons + " neuron(s) with " + inputs
                    + " measured input(s); got neurons " + neuronNames + " and inputs " + inputNames);
        ModelSpec s = builder.build(neuronNames, inputNames);
        s.preset = id;
        return s;
    }
}
