package org.rmmfiji.job;

import org.rmmfiji.io.RecordingSettings;

/** What fitting and predicting share beyond the recording: the channel binding and where results go. */
public class ModelRunSettings extends RecordingSettings {
    /** Voltage channel(s) of the modelled neuron(s), comma separated; empty: guessed (fit) or as fitted (predict). */
    public String neurons = "";
    /** Measured input voltage channel(s), comma separated; empty: guessed (fit) or as fitted (predict). */
    public String inputs = "";
    /** Injected-current channel per modelled neuron, comma separated; "none": no current; empty: guessed or as fitted. */
    public String currents = "";
    /** Folder for the results. */
    public String output_dir = "";
    /** Base name of the output files; empty: the recording's name. */
    public String output_name = "";
    /** Currents to add to the prediction CSV: empty (none) or "all". */
    public String record_currents = "";
}
