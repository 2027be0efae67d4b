package org.rmmfiji.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a fitted model came from: inputs with their SHA-256, settings, software and machine. */
public final class Provenance {

    /** An input: a file, or a table a front end held in memory (then {@code source} says which, and there is no SHA-256). */
    public static final class InputFile {
        public String name;
        public String sha256;
        public Long bytes;
        /** Where a recording not read from a file came from, e.g. "table window"; absent for a file. */
        public String source;
        /** The rows of such a table; absent for a file. */
        public Integer rows;
    }

    public List<InputFile> inputs = new ArrayList<>();
    public List<String> voltage_channels = new ArrayList<>();
    public List<String> current_channels = new ArrayList<>();
    public List<String> recording_notes = new ArrayList<>();
    /** The settings as the user gave them (unset ones are absent). */
    public Map<String, Object> settings = new LinkedHashMap<>();
    /** The train / validation / test split as applied. */
    public Map<String, Object> split = new LinkedHashMap<>();
    /** The training settings actually used: the user's, and the preset's where the user left them unset. */
    public Map<String, Object> training = new LinkedHashMap<>();
    public String trainer;
    public long seed;
    public int threads;
    public String software_version;
    public String software_commit;
    public String jvm;
    /** Which implementation of the training kernels ran ("scalar" or "vector (N-bit)"); both give the same bits. */
    public String kernels;
    /**
     * How teacher forcing held its rows: "in memory", or "streamed" when they would not fit the heap (recomputed per
     * block and shuffled within it, so the same seed gives another model than in memory; a larger -Xmx reproduces it).
     */
    public String feature_store;
    public String os;
    public String created;
    public boolean capacitance_fixed;
    public List<String> notes = new ArrayList<>();
}
