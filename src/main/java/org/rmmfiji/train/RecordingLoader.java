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

    static Recording load(Path file, FitSettings s) throws IOException {
        ReadOptions o = ReadOptions.of(s.sampling_step_ms, s.mat_voltage_unit, s.mat_current_unit, s.nwb_series);
        return Preprocessing.of(s.sweeps, s.voltage_offset_mV, s.lowpass_hz, s.resample_ms).apply(Recordings.open(file, o));
    }

    static Recording load(Path file, PredictSettings s) throws IOException {
        ReadOptions o = ReadOptions.of(s.sampling_step_ms, s.mat_voltage_unit, s.mat_current_unit, s.nwb_series);
        return Preprocessing.of(s.sweeps, s.voltage_offset_mV, s.lowpass_hz, s.resample_ms).apply(Recordings.open(file, o));
    }
}
