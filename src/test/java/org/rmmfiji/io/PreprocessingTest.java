package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;

class PreprocessingTest {

    /** 20 kHz: a 50 Hz sine plus a 6 kHz sine on −60 mV, and a current; three sweeps. */
    static Recording rec() {
        List<Segment> segs = new java.util.ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int n = 20_000;
            float[] v = new float[n], i = new float[n];
            for (int k = 0; k < n; k++) {
                double t = k * 0.05e-3;
                v[k] = (float) (-60 + 5 * Math.sin(2 * Math.PI * 50 * t) + 2 * Math.sin(2 * Math.PI * 6000 * t));
                i[k] = s;
            }
            segs.add(new Segment("sweep" + s, new float[][] {v, i}));
        }
        return new Recording("r", 0.05, List.of(new Channel("V", "mV"), new Channel("I", "nA")), segs, List.of());
    }

    @Test
    void sweepsOffsetLowPassAndDecimation() {
        Preprocessing p = new Preprocessing();
        p.sweeps = "1-2";
        p.voltage_offset_mV = -10;
        p.lowpass_hz = 1000;
        p.resample_ms = 0.1;
        Recording r = p.apply(rec());
        assertEquals(2, r.segments().size());
        assertEquals(1.0f, r.segments().get(0).get(1, 0), 0f, "sweep 1 kept first");
        assertEquals(0.1, r.dt(), 1e-12);
        assertEquals(10_000, r.segments().get(0).length());
        double maxDev = 0;
        for (int k = 1000; k < 9000; k++) {
            double t = k * 0.1e-3;
            double expected = -70 + 5 * Math.sin(2 * Math.PI * 50 * t);
            maxDev = Math.max(maxDev, Math.abs(r.segments().get(0).get(0, k) - expected));
        }
        assertTrue(maxDev < 0.05, "the 6 kHz component is gone and the 50 Hz one kept, without phase shift: " + maxDev);
        String notes = String.join("\n", r.notes());
        assertTrue(notes.contains("decimated by 2") && notes.contains("low-pass") && notes.contains("-10.000 mV") && notes.contains("1-2"), notes);
    }

    @Test
    void impossibleSettingsAreNamed() {
        Preprocessing p = new Preprocessing();
        p.resample_ms = 0.07;
        assertTrue(assertThrows(InvalidInputException.class, () -> p.apply(rec())).getMessage().contains("whole multiple"));
        Preprocessing q = new Preprocessing();
        q.sweeps = "5";
        assertTrue(assertThrows(InvalidInputException.class, () -> q.apply(rec())).getMessage().contains("sweeps 0–2"));
        Preprocessing w = new Preprocessing();
        w.sweeps = "a-b";
        assertTrue(assertThrows(InvalidInputException.class, () -> w.apply(rec())).getMessage().contains("'a-b'"));
    }
}
