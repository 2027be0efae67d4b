package org.rmmfiji.io;

import java.util.ArrayList;
import java.util.List;

/** What the ABF1 and ABF2 headers say, in one shape (byte layouts: reference §4). */
final class AbfHeader {
    /** One epoch of the waveform table. */
    static final class Epoch {
        int type;               // 1 step, 2 ramp, 3 pulse, 4 triangle, 5 cosine, 7 biphasic
        double initLevel, levelInc;
        int initDuration, durationInc, pulsePeriod, pulseWidth;
    }

    /** One recorded (ADC) channel in acquisition order. */
    static final class AdcChannel {
        String name, unit;
        double gain = 1, offset;   // value = raw·gain + offset (int16 data)
    }

    String version;
    boolean abf2;
    int operationMode;          // 1 variable-length events, 3 gap-free, 5 episodic …
    int dataFormat;             // 0 int16, 1 float32
    double samplingIntervalUs;  // per channel
    long dataStart;             // byte
    long totalSamples;          // over all channels
    int sweepCount;
    int[] sweepLengths;         // per channel, when sweeps vary in length (null otherwise)
    double sweepStartToStartS;
    List<AdcChannel> channels = new ArrayList<>();

    // the command waveform of the active DAC
    int activeDac;
    String dacName = "", dacUnit = "";
    double holdingLevel;
    boolean waveformEnabled;
    int waveformSource;         // 0 none, 1 epochs, 2 stimulus file
    boolean keepLastLevel;      // nInterEpisodeLevel ≠ 0
    int activeDacRaw;           // as stored, to check it before the waveform is rebuilt
    int[] flagsRaw = {0, 0};    // nWaveformEnable, nInterEpisodeLevel as stored
    List<Epoch> epochs = new ArrayList<>();

    List<double[]> tagTimesAndTypes = new ArrayList<>();
    List<String> tagComments = new ArrayList<>();
    double synchTimeUnitUs;
    /** Plausible but unusual header values, applied; said to the user with the recording's warnings. */
    List<String> warnings = new ArrayList<>();
    /** Start of each sweep (ms from the start of the recording) where the header says; null otherwise. */
    double[] sweepStartsMs;

    int bytesPerSample() { return dataFormat == 1 ? 4 : 2; }
}
