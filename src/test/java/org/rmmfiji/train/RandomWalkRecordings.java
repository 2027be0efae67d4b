package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.math.Rng;

/** Test recordings of a neuron V driven by a current I, with a measured input P: mean-reverting random walks, one segment per length. */
final class RandomWalkRecordings {
    private RandomWalkRecordings() {}

    /** With {@code spikes}, V gets a ±6 mV pulse pair every 700 samples, so its ranges and median are not those of noise alone. */
    static Recording make(long seed, boolean spikes, double dt, int... lengths) {
        Rng r = new Rng(seed);
        List<Segment> segs = new ArrayList<>();
        for (int s = 0; s < lengths.length; s++) {
            int n = lengths[s];
            float[] v = new float[n], i = new float[n], p = new float[n];
            double a = -55, b = 0, c = -50;
            for (int k = 0; k < n; k++) {
                a += 0.3 * r.nextGaussian() - 0.01 * (a + 55) + (spikes ? (k % 700 < 15 ? 6 : k % 700 < 30 ? -6 : 0) : 0);
                b += 0.2 * r.nextGaussian() - 0.05 * b;
                c += 0.5 * r.nextGaussian() - 0.02 * (c + 50);
                v[k] = (float) a;
                i[k] = (float) b;
                p[k] = (float) c;
            }
            segs.add(new Segment("segment " + s, new float[][] {v, i, p}));
        }
        return new Recording("test", dt, List.of(new Channel("V", "mV"), new Channel("I", "nA"), new Channel("P", "mV")), segs, List.of());
    }
}
