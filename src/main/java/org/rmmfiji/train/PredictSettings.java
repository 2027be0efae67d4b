package org.rmmfiji.train;

/** Settings of the Predict command (snake_case: parameter names, macro keys, launcher keys). */
public final class PredictSettings extends org.rmmfiji.io.RecordingSettings {
    public String model_file = "";
    /** Channel overrides; empty: the channels the model was fitted with. */
    public String neurons = "";
    public String inputs = "";
    public String currents = "";
    public String output_dir = "";
    public String output_name = "";
    public String record_currents = "";
}
