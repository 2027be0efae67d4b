package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FilterStateStreamTest {

    @Test
    void chunksEqualOneLongPass() {
        FilterBank bank = new FilterBank(FilterBankSpec.gobf(Presets.synTau()), 0.1);
        float[] v = new float[10_000];
        for (int k = 0; k < v.length; k++) v[k] = (float) (-60 + 20 * Math.sin(k * 0.003) + (k % 700 < 10 ? 70 : 0));
        // reference: warm start, then step sample by sample
        double[] x = bank.warmStart(v, 0, v.length);
        double[][] expected = new double[v.length][];
        for (int k = 0; k < v.length; k++) {
            expected[k] = x.clone();
            bank.step(x, 1, new double[] {v[k]});
        }
        FilterStateStream s = new FilterStateStream(bank, v, 0, v.length);
        s.skip(123);
        int max = 1000;
        double[] chunk = new double[bank.size() * max];
        while (s.hasNext()) {
            int k0 = s.position();
            int n = s.next(chunk, max);
            for (int t = 0; t < n; t += 97) {
                double[] got = new double[bank.size()];
                for (int q = 0; q < got.length; q++) got[q] = chunk[q * max + t];
                assertArrayEquals(expected[k0 + t], got, 0.0, "sample " + (k0 + t));
            }
        }
        assertEquals(v.length, s.position());
    }
}
