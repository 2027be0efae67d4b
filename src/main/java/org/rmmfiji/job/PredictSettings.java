package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/** Settings of the Predict command (snake_case: parameter names, macro keys, launcher keys). */
public final class PredictSettings extends ModelRunSettings {
    @Key("The fitted model (*.rmm.json) to predict with.")
    public String model_file = "";
}
