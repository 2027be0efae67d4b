package org.rmmfiji.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rmmfiji.math.Rng;

/** The tile gather copies exactly the rows asked for, whatever the tile length and wherever the rows lie in the chunks. */
class FeatureMatrixTest {

    @Test
    void gatherCopiesEveryColumnOfTheChosenRows() {
        int rows = (1 << 16) + 300, width = 5;       // rows on both sides of a chunk boundary
        FeatureMatrix m = new FeatureMatrix(width, rows);
        for (int r = 0; r < rows; r++) for (int c = 0; c < width; c++) m.set(r, c, r * 10 + c);
        Rng rng = new Rng(2);
        int[] idx = new int[600];
        for (int k = 0; k < idx.length; k++) idx[k] = k % 3 == 0 ? (1 << 16) - 150 + k / 2 : (int) (rng.nextDouble() * rows);
        for (int T : new int[] {1, 7, 8, 13, 256}) {
            for (int from : new int[] {0, 37}) {
                double[] tile = new double[width * T];
                m.gather(idx, from, T, tile);
                for (int t = 0; t < T; t++)
                    for (int c = 0; c < width; c++)
                        assertEquals(m.get(idx[from + t], c), tile[c * T + t], 0.0, "T " + T + ", sample " + t + ", column " + c);
            }
        }
    }
}
