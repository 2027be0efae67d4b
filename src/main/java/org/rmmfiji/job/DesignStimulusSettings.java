package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/**
 * Settings of Design Stimulus (snake_case: parameter names, macro keys, launcher keys): a current-clamp protocol
 * good for fitting, written as CSV, as an Axon Text File for the acquisition software, and as a preview plot. The
 * common keys come first; a key named after a protocol applies to that protocol only.
 */
public final class DesignStimulusSettings {
    @Key("The protocol: ou (Ornstein–Uhlenbeck noisy current, optionally on a ramping mean), chirp (a sinusoid sweeping in frequency) "
            + "or multilevel (steps through a list of levels, optionally shuffled and with noise on top).")
    public String protocol = DesignStimulusJob.OU;
    @Key(value = "Length of the protocol.", unit = "ms")
    public double duration_ms = 60000;
    @Key(value = "Sampling step of the waveform (the acquisition's output step).", unit = "ms")
    public double sampling_step_ms = 0.1;
    @Key("Random seed of the ou noise and of the multilevel order and noise: the same seed gives the same waveform.")
    public long seed = 1;
    @Key("Folder for NAME.csv, NAME.atf and NAME.png.")
    public String output_dir = "";
    @Key("Base name of the output files; empty: stimulus-PROTOCOL.")
    public String output_name = "";
    @Key("Replace earlier files of the same name; false: refuse and name the file that exists.")
    public boolean overwrite = false;

    @Key(value = "ou: the mean current (at the start, when mean_end_nA is set).", unit = "nA")
    public double mean_nA = 0;
    @Key(value = "ou: the mean at the end, ramping linearly from mean_nA over the protocol (as the ground-truth training drives do); unset: a constant mean.",
            unit = "nA")
    public Double mean_end_nA;
    @Key(value = "ou: standard deviation of the fluctuations.", unit = "nA")
    public double sigma_nA = 1;
    @Key(value = "ou, and multilevel noise: correlation time of the fluctuations.", unit = "ms")
    public double tau_ms = 2;

    @Key(value = "chirp: frequency at the start.", unit = "Hz")
    public double f0_Hz = 1;
    @Key(value = "chirp: frequency at the end; below the Nyquist frequency, 500 / sampling_step_ms.", unit = "Hz")
    public double f1_Hz = 100;
    @Key(value = "chirp: amplitude of the sinusoid (half its peak-to-peak).", unit = "nA")
    public double amplitude_nA = 1;
    @Key(value = "chirp: the constant current the sinusoid rides on.", unit = "nA")
    public double offset_nA = 0;
    @Key("chirp: how the frequency goes from f0_Hz to f1_Hz: linear (the same Hz every second) or exponential (the same octaves every second).")
    public String sweep = DesignStimulusJob.EXPONENTIAL;

    @Key(value = "multilevel: the levels, comma separated; the list is stepped through again (shuffled anew with shuffle=true) until duration_ms is filled.",
            unit = "nA")
    public String levels_nA = "-0.5,0,0.5,1,1.5";
    @Key(value = "multilevel: how long each level is held.", unit = "ms")
    public double level_ms = 500;
    @Key("multilevel: shuffle the levels of every pass through the list with the seed; false: in the order given.")
    public boolean shuffle = false;
    @Key(value = "multilevel: standard deviation of Ornstein–Uhlenbeck noise (correlation time tau_ms) added to the levels; 0: none.", unit = "nA")
    public double level_noise_nA = 0;
}
