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

    /** A stream resumed from a stored state delivers what the first one delivers from there on, as float32 rows too. */
    @Test
    void aResumedStreamGoesOnBitForBit() {
        FilterBank bank = new FilterBank(new FilterBankSpec(java.util.List.of(new FilterBankSpec.BlockSpec("diagonal", new double[] {0.3, 5}),
                new FilterBankSpec.BlockSpec("gobf", Presets.synTau()))), 0.1);
        float[] v = new float[6_000];
        for (int k = 0; k < v.length; k++) v[k] = (float) (-60 + 20 * Math.sin(k * 0.003) + (k % 700 < 10 ? 70 : 0));
        int offset = 500, length = 5_000, at = 1_234;
        FilterStateStream first = new FilterStateStream(bank, v, offset, length);
        first.skip(at);
        double[] stored = first.state();
        int n = length - at, width = bank.size() + 3;
        float[] expected = new float[n * width], resumed = new float[n * width];
        assertEquals(n, first.nextRows(expected, 2, width, n));
        FilterStateStream again = FilterStateStream.resume(bank, v, offset, length, at, stored);
        assertEquals(at, again.position());
        for (int done = 0; done < n; ) done += again.nextRows(resumed, 2 + done * width, width, 777);
        assertArrayEquals(expected, resumed, 0.0f);
        // the rows are the (float) of the states next() delivers
        FilterStateStream third = FilterStateStream.resume(bank, v, offset, length, at, stored);
        double[] chunk = new double[bank.size() * n];
        third.next(chunk, n);
        for (int t = 0; t < n; t += 101)
            for (int q = 0; q < bank.size(); q++) assertEquals((float) chunk[q * n + t], expected[2 + t * width + q], 0.0f, "sample " + t + ", state " + q);
    }
}
