package org.rmmfiji.model;

/**
 * One membrane current of an edge, as written in spec and model files. Fields are snake_case because they
 * are the file's keys. Which fields matter depends on {@code type}:
 * <ul>
 * <li>{@code "lumped"}: an MLP on [v; selected filter states]: {@code states} (indices into the edge's bank,
 * null = all), {@code voltage_input}, {@code layers} (units per layer, last = 1), {@code activations},
 * {@code output_bias}, {@code layer_reg_weights};</li>
 * <li>{@code "leak"}: g_L(v − E_L) with g_L = softplus(raw) > 0: {@code g0_uS}, {@code e0_mV},
 * {@code train_g}, {@code train_e}, {@code reg_e} (an L2 prior ‖E − E0‖²). {@code e0_mV} unset (null) means
 * "from the recording": when the network is first normalised on training data, E0 becomes the median of the
 * training voltage of the leak's neuron, {@code e0_origin} says so, and both are written into the spec beside
 * the model, so a model file reproduces the fit.</li>
 * <li>{@code "synaptic"}: a conductance-based synapse Σ_k ḡ_k s_k(x) (v − E_k) ({@link SynapticCurrent}):
 * {@code states}, {@code layers} (gate-net units, the last = the number of components K), {@code g0_uS}
 * (initial total ḡ, split evenly over the components), {@code train_g}, {@code reversals_mV} (E_k: fixed, or
 * the start and L2 prior of learned ones with {@code train_e}, {@code reg_e}), {@code sparsity} (weight of Σḡ, in µS, added
 * to the training loss as it is, pushing absent synapses to zero) and {@code norm_limits_mV} (gate inputs normalised from
 * these voltage limits times each state's DC gain, as the authors do; null: from the training data).</li>
 * <li>{@code "gated"}: a data-driven conductance-based current Σ_k ḡ_k m_k(x_a) h_k(x_h) (v − E_k) ({@link GatedCurrent}):
 * {@code activation_states} and/or {@code inactivation_states} (indices into the bank; a missing one means no such
 * gate), {@code activation_opens_on} ({@code "depolarisation"}, the default, or {@code "hyperpolarisation"} for an
 * H current), {@code layers} (gate-net hidden units, the last = K sub-conductances), {@code g0_uS} (total ḡ, split
 * over K), {@code train_g}, {@code e0_mV} (reversal: fixed, or start and prior with {@code train_e}, {@code reg_e}),
 * {@code reversal_spread_mV} (σ of a random start of each E_k around e0_mV), {@code activation_norm_mV} and
 * {@code inactivation_norm_mV} (gate-input limits in mV, times each state's DC gain; null: from the training data)
 * and {@code layer_reg_weights}.</li>
 * </ul>
 * {@code reg_weight} multiplies the current's whole regulariser.
 */
public final class CurrentSpec {
    public String type;
    public String name;
    public double reg_weight = 1.0;

    // lumped
    public int[] states;
    public boolean voltage_input = true;
    public int[] layers;
    public String[] activations;
    public boolean output_bias = false;
    public double[] layer_reg_weights;

    // leak
    public double g0_uS;
    /** Initial (and prior) leak reversal in mV; null: taken from the training voltage (see the class comment). */
    public Double e0_mV;
    /** Where e0_mV came from when it was not given, e.g. "median of the training voltage"; null when given. */
    public String e0_origin;
    public boolean train_g = true;
    public boolean train_e = true;
    public boolean reg_e = false;

    // synaptic
    public double[] reversals_mV;
    public double sparsity = 0.0;
    public double[] norm_limits_mV;

    // gated
    public int[] activation_states;
    public int[] inactivation_states;
    /** "depolarisation" (null means this) or "hyperpolarisation". */
    public String activation_opens_on;
    public double reversal_spread_mV = 0.0;
    public double[] activation_norm_mV;
    public double[] inactivation_norm_mV;

    public static CurrentSpec lumped(String name, int[] states, int[] layers, String[] activations) {
        CurrentSpec c = new CurrentSpec();
        c.type = "lumped";
        c.name = name;
        c.states = states;
        c.layers = layers;
        c.activations = activations;
        c.layer_reg_weights = new double[layers.length];
        java.util.Arrays.fill(c.layer_reg_weights, 1.0);
        return c;
    }

    /** A leak with E0 given (null: from the training voltage). */
    public static CurrentSpec leak(double g0, Double e0, boolean trainE, boolean regE) {
        CurrentSpec c = new CurrentSpec();
        c.type = "leak";
        c.name = "leak";
        c.g0_uS = g0;
        c.e0_mV = e0;
        c.train_e = trainE;
        c.reg_e = regE;
        return c;
    }

    /**
     * A conductance-based synapse of K components on the given gate-net hidden units, each starting at (and, when
     * learned, pulled weakly toward) its reversal.
     */
    public static CurrentSpec synaptic(String name, int[] states, int hidden, double g0, double[] reversals, boolean trainE) {
        CurrentSpec c = new CurrentSpec();
        c.type = "synaptic";
        c.name = name;
        c.states = states;
        c.layers = new int[] {hidden, reversals.length};
        c.activations = new String[] {"sigmoid", "sigmoid"};
        c.layer_reg_weights = new double[] {1.0, 1.0};
        c.g0_uS = g0;
        c.reversals_mV = reversals.clone();
        c.train_e = trainE;
        c.reg_e = trainE;
        return c;
    }

    /**
     * A gated current of K = {@code layers[last]} sub-conductances with fixed ḡ and E (the authors' HH setting); set
     * {@code train_g}, {@code train_e}, {@code reg_e} and the rest on the result. Either state list may be null (no
     * such gate).
     */
    public static CurrentSpec gated(String name, int[] activationStates, double[] activationNorm, int[] inactivationStates,
                                    double[] inactivationNorm, int[] layers, double g0, double e0) {
        CurrentSpec c = new CurrentSpec();
        c.type = "gated";
        c.name = name;
        c.activation_states = activationStates;
        c.activation_norm_mV = activationNorm;
        c.inactivation_states = inactivationStates;
        c.inactivation_norm_mV = inactivationNorm;
        c.layers = layers.clone();
        c.g0_uS = g0;
        c.e0_mV = e0;
        c.train_g = false;
        c.train_e = false;
        return c;
    }

    /** A leak whose reversal is learned, starts at the median training voltage and is pulled weakly toward it. */
    public static CurrentSpec leakFromData(double g0) { return leak(g0, null, true, true); }
}
