package org.rmmfiji.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.data.Units;
import org.rmmfiji.metrics.Butterworth;

/**
 * Optional preprocessing, applied in this order and each written into the recording's notes (and so into a
 * model's provenance): sweep selection, a voltage offset (liquid-junction correction), zero-phase low-pass
 * filtering, and decimation to a coarser step with a zero-phase anti-alias filter (the model step equals the
 * data step, and rigs record at 20–50 kHz).
 */
public final class Preprocessing {
    /** Segments to keep, e.g. "0-3,7"; empty: all. */
    public String sweeps = "";
    /** Added to every voltage channel (mV), e.g. minus the liquid-junction potential. */
    public double voltage_offset_mV = 0;
    /** Zero-phase Butterworth low-pass (order 4) cut-off in Hz; 0: none. */
    public double lowpass_hz = 0;
    /** Decimate to this step (ms), an integer multiple of the recording's; 0: keep the step. */
    public double resample_ms = 0;

    public static Preprocessing of(String sweeps, double offsetMv, double lowpassHz, double resampleMs) {
        Preprocessing p = new Preprocessing();
        p.sweeps = sweeps == null ? "" : sweeps;
        p.voltage_offset_mV = offsetMv;
        p.lowpass_hz = lowpassHz;
        p.resample_ms = resampleMs;
        return p;
    }

    public boolean isIdentity() {
        return sweeps.isBlank() && voltage_offset_mV == 0 && lowpass_hz == 0 && resample_ms == 0;
    }

    public Recording apply(Recording rec) {
        if (isIdentity()) return rec;
        for (double v : new double[] {voltage_offset_mV, lowpass_hz, resample_ms})
            if (!Double.isFinite(v)) throw new InvalidInputException("preprocessing settings must be finite numbers");
        List<String> notes = new ArrayList<>(rec.notes());
        List<Segment> segs = selectSweeps(rec, notes);
        double dt = rec.dt();
        int q = 1;
        if (resample_ms > 0) {
            double ratio = resample_ms / dt;
            q = (int) Math.round(ratio);
            if (q < 1 || Math.abs(ratio - q) > 1e-6 * ratio)
                throw new InvalidInputException("resample_ms " + resample_ms + " is not a whole multiple of the recording's step " + dt + " ms");
            notes.add(String.format(Locale.ROOT, "decimated by %d to %s ms after a zero-phase anti-alias low-pass at %.0f Hz", q, resample_ms, 0.8 * 500 / resample_ms));
        }
        if (lowpass_hz < 0) throw new InvalidInputException("lowpass_hz must be positive (or 0 for none), got " + lowpass_hz);
        double fs = 1000 / dt;
        Butterworth lp = lowpass_hz > 0 ? Butterworth.lowPass(4, Math.min(lowpass_hz, 0.45 * fs), fs) : null;
        if (lp != null) notes.add(String.format(Locale.ROOT, "zero-phase Butterworth low-pass (order 4) at %.0f Hz", lowpass_hz));
        Butterworth antiAlias = q > 1 ? Butterworth.lowPass(8, 0.8 * fs / (2 * q), fs) : null;
        if (voltage_offset_mV != 0) notes.add(String.format(Locale.ROOT, "%+.3f mV added to every voltage channel", voltage_offset_mV));
        List<Channel> channels = rec.channels();
        int nc = channels.size();
        List<Segment> out = new ArrayList<>();
        for (Segment s : segs) {
            int len = (s.length() + q - 1) / q;
            float[][] cols = new float[nc][];
            for (int c = 0; c < nc; c++) {
                double[] x = s.channelAsDouble(c);
                if (channels.get(c).kind() == Units.Kind.VOLTAGE && voltage_offset_mV != 0) for (int k = 0; k < x.length; k++) x[k] += voltage_offset_mV;
                if (lp != null && x.length > 3) x = lp.filtfilt(x);
                if (antiAlias != null && x.length > 3) x = antiAlias.filtfilt(x);
                cols[c] = new float[len];
                for (int k = 0; k < len; k++) cols[c][k] = (float) x[k * q];
            }
            out.add(new Segment(s.name(), cols).startingAt(s.startMs()));
        }
        return new Recording(rec.source(), dt * q, channels, out, notes);
    }

    private List<Segment> selectSweeps(Recording rec, List<String> notes) {
        if (sweeps.isBlank()) return rec.segments();
        List<Segment> kept = new ArrayList<>();
        int n = rec.segments().size();
        for (String part : sweeps.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int from, to;
            try {
                int dash = p.indexOf('-');
                from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("sweeps: '" + p + "' is not a sweep number or range like 0-3");
            }
            if (from < 0 || to >= n || from > to)
                throw new InvalidInputException(rec.source() + " has sweeps 0–" + (n - 1) + "; '" + p + "' is outside them");
            for (int i = from; i <= to; i++) kept.add(rec.segments().get(i));
        }
        notes.add("sweeps kept: " + sweeps);
        return kept;
    }
}
