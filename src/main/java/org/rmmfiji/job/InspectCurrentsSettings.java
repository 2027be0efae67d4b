package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/**
 * Settings of Inspect Currents (snake_case: parameter names, macro keys, launcher keys). The recording is optional:
 * without one the command shows what the model is (IV and gate curves, admittance, bifurcations, ablation under DC
 * current); with one it adds each current's trace along the recording and along a free run.
 */
public final class InspectCurrentsSettings extends ModelRunSettings {
    @Key("The fitted model (*.rmm.json); several separated by commas, or an ensemble summary (*.rmmensemble.json: its kept members), add IV envelopes (mean ± SD over the fits); the other results are the first model's.")
    public String model_file = "";
    @Key("The modelled neuron to inspect (its name in the model); empty: the first.")
    public String neuron = "";
    @Key(value = "Lowest voltage of the IV, gate and admittance curves and of the bifurcation search.", unit = "mV")
    public double v_low_mV = -100;
    @Key(value = "Highest voltage of the curves and of the bifurcation search.", unit = "mV")
    public double v_high_mV = 40;
    @Key("Voltages on that grid.")
    public int v_points = 141;
    @Key(value = "Holding voltage of the post-step IV curves.", unit = "mV")
    public double holding_mV = -80;
    @Key(value = "Time after the voltage step at which the post-step currents are read.", unit = "ms")
    public double post_step_ms = 5;
    @Key(value = "Lowest frequency of the admittance map.", unit = "Hz")
    public double f_low_Hz = 0.5;
    @Key(value = "Highest frequency of the admittance map (at most the Nyquist frequency of the model's step).", unit = "Hz")
    public double f_high_Hz = 500;
    @Key("Frequencies of the admittance map, log-spaced.")
    public int f_points = 60;
    @Key("Currents to remove in the ablation run, comma separated: a name removes it, name=0.5 scales it; empty: no ablation run.")
    public String ablate = "";
    @Key(value = "DC current injected in the ablation run; empty: the ablated cell's first bifurcation current + 0.1 nA (PNAS Fig. 4E), or 0 nA when it has none.", unit = "nA")
    public Double ablation_current_nA;
    @Key(value = "Length of the ablation run (the intact and the ablated cell, each from rest under the same current).", unit = "ms")
    public double ablation_ms = 2000;
    @Key("Index of the recording's segment for the current traces, from 0 (only with a recording).")
    public int segment = 0;
}
