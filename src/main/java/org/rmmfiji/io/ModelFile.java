package org.rmmfiji.io;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;

import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.metrics.ScoreSettings;
import org.rmmfiji.model.ModelSpec;

/**
 * The fitted-model file {@code *.rmm.json}: everything needed to predict again without the training data
 * (spec, δ, parameters, normalisation, channel binding), plus provenance, metrics and the training history.
 * Field names are the file's keys; the layout is frozen at format_version 1.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 1;
    public static final String KIND = "rmm-model";

    /** One parameter block. */
    public static final class Block {
        public String name;
        public boolean trainable;
        public double[] values;
    }

    /** Input normalisation of one current. */
    public static final class Normalisation {
        public int edge;
        public int current;
        public double[] values;
    }

    public int format_version = FORMAT_VERSION;
    public String kind = KIND;
    public double dt_ms;
    public ModelSpec spec;
    public List<Block> parameters = new ArrayList<>();
    public List<Normalisation> normalisation = new ArrayList<>();
    public ScoreSettings score;
    public List<MetricsReport> metrics = new ArrayList<>();
    public Provenance provenance = new Provenance();
    public JsonElement history;
}
