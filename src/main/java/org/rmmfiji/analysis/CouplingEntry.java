package org.rmmfiji.analysis;

/**
 * One row of the coupling matrix: what the fitted model says one pre → post synapse does. Fields are the CSV's and
 * the Results table's columns (snake_case, units in the name). Figures of a lumped synapse that depend on its
 * scale are NaN and {@link #note} says why.
 */
public final class CouplingEntry {
    public String pre;
    public String post;
    public String kind;
    public int components;
    /** RMS and peak |I| of the synaptic current forced by the recording (nA). */
    public double rms_nA = Double.NaN;
    public double peak_nA = Double.NaN;
    /** Σḡ_k, the conductance with every gate open (µS), and the mean conductance along the recording (µS). */
    public double g_max_uS = Double.NaN;
    public double g_mean_uS = Double.NaN;
    /** Each component's reversal (mV), and their mean weighted by each component's mean conductance. */
    public double[] reversals_mV = new double[0];
    public double e_effective_mV = Double.NaN;
    /** 5th and 95th percentiles of the postsynaptic voltage along the recording (mV). */
    public double post_v_low_mV;
    public double post_v_high_mV;
    /** The postsynaptic cell's firing threshold along the recording (mV; NaN when it does not spike). */
    public double post_threshold_mV = Double.NaN;
    /** Share of the current's time integral |I| dt that is outward (hyperpolarising). */
    public double outward_fraction;
    /** excitatory, inhibitory or mixed (see {@link CouplingMatrix#sign}). */
    public String sign;
    /** The postsynaptic neuron's free-run score with the synapse and without it (other cells held at their recording). */
    public double score_intact = Double.NaN;
    public double score_ablated = Double.NaN;
    public double ablation_drop = Double.NaN;
    public String note;
}
