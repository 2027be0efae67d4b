package org.rmmfiji.job;

/** Settings of the Predict command (snake_case: parameter names, macro keys, launcher keys). */
public final class PredictSettings extends ModelRunSettings {
    public String model_file = "";
}
