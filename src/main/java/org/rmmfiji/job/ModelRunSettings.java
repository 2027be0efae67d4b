package org.rmmfiji.job;

import org.rmmfiji.io.Key;
import org.rmmfiji.io.RecordingSettings;

/** What fitting and predicting share beyond the recording: the channel binding and where results go. */
public class ModelRunSettings extends RecordingSettings {
    @Key("Voltage channel(s) of the modelled neuron(s), comma separated (V or its column name V_mV); empty: guessed (fit) or as fitted (predict).")
    public String neurons = "";
    @Key("Measured input voltage channel(s), comma separated; empty: guessed (fit) or as fitted (predict).")
    public String inputs = "";
    @Key("Injected-current channel per modelled neuron, comma separated; \"none\": no current; empty: guessed or as fitted.")
    public String currents = "";
    @Key("Folder for the results.")
    public String output_dir = "";
    @Key("Base name of the output files; empty: the recording's name.")
    public String output_name = "";
    @Key("Currents to add to the prediction CSV: empty (none) or \"all\".")
    public String record_currents = "";
    @Key("Replace this command's own earlier files of the same name; false: refuse and name the file that exists.")
    public boolean overwrite = false;
    @Key(value = "Start of the plotted window, from the first sample the free run predicts (after the filter transient, or where a part cut from a sweep begins).", unit = "ms")
    public double plot_from_ms = 0;
    @Key(value = "Length of the plotted window (an overview panel shows the whole segment).", unit = "ms")
    public double plot_length_ms = 2000;
}
