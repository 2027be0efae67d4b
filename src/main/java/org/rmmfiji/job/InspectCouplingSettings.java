package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/** Settings of Inspect Synaptic Coupling (snake_case: parameter names, macro keys, launcher keys). */
public final class InspectCouplingSettings extends ModelRunSettings {
    @Key("The fitted model (*.rmm.json), or several separated by commas, or an ensemble summary (*.rmmensemble.json: its kept members), for the spread of each entry.")
    public String model_file = "";
    @Key("Index of the recording's segment (sweep or file) to analyse, from 0.")
    public int segment = 0;
    @Key("Which part of the segment: \"all\", or \"train\", \"validation\" or \"test\" as the (first) model was split when fitted (by time fraction); the held-out test part is what neither training nor selection saw.")
    public String part = "all";
    @Key("Also ablate each synapse: the postsynaptic cell's free-run score with and without it, the other cells held at their recording (one free run per synapse and model).")
    public boolean ablation = true;
}
