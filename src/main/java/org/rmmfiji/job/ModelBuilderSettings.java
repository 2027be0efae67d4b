package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/** Settings of Model Builder, a window: the only key says which architecture it opens with. */
public final class ModelBuilderSettings {
    @Key("An architecture file (*.rmmspec.json) to open in the builder; empty: start from nothing (or choose a preset in the window).")
    public String spec_file = "";
}
