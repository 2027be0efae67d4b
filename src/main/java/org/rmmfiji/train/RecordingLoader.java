package org.rmmfiji.train;

import java.io.IOException;
import java.nio.file.Path;

import org.rmmfiji.data.Recording;
import org.rmmfiji.io.Preprocessing;
import org.rmmfiji.io.ReadOptions;
import org.rmmfiji.io.Recordings;

/** Opens a recording with the reader its content calls for, then applies the requested preprocessing. */
final class RecordingLoader {
    private RecordingLoader() {}

    static Recording load(Path file, double samplingStepMs, String sweeps, double offsetMv, double lowpassHz, double resampleMs) throws IOException {
        ReadOptions o = new ReadOptions();
        o.sampling_step_ms = samplingStepMs;
        Preprocessing p = new Preprocessing();
        p.sweeps = sweeps == null ? "" : sweeps;
        p.voltage_offset_mV = offsetMv;
        p.lowpass_hz = lowpassHz;
        p.resample_ms = resampleMs;
        return p.apply(Recordings.open(file, o));
    }

    static Recording load(Path file, FitSettings s) throws IOException {
        return load(file, s.sampling_step_ms, s.sweeps, s.voltage_offset_mV, s.lowpass_hz, s.resample_ms);
    }

    static Recording load(Path file, PredictSettings s) throws IOException {
        return load(file, s.sampling_step_ms, s.sweeps, s.voltage_offset_mV, s.lowpass_hz, s.resample_ms);
    }
}
