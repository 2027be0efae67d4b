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
                m.gather(idx, from, T, new float[width * T], tile);
                for (int t = 0; t < T; t++)
                    for (int c = 0; c < width; c++)
                        assertEquals(m.get(idx[from + t], c), tile[c * T + t], 0.0, "T " + T + ", sample " + t + ", column " + c);
            }
        }
    }

    /** Writing rows of a streamed block: column runs and whole-row writers, across a chunk boundary, and moving rows to the front. */
    @Test
    void rowsAreWrittenAndMovedAcrossChunks() {
        int rows = (1 << 16) + 300, width = 6, row0 = (1 << 16) - 200, n = 450;
        FeatureMatrix m = new FeatureMatrix(width, rows);
        double[] featureMajor = new double[2 * n];
        for (int t = 0; t < n; t++) { featureMajor[t] = t + 0.1; featureMajor[n + t] = -t; }
        m.putColumns(row0, n, 1, 2, featureMajor, n);
        m.putRows(row0, n, 3, (dest, at, stride, count) -> {
            for (int t = 0; t < count; t++) for (int q = 0; q < 3; q++) dest[at + t * stride + q] = (float) (1000 * q + (at / stride + t) % (1 << 16));
            return count;
        });
        for (int t = 0; t < n; t++) {
            int r = row0 + t;
            assertEquals((float) (t + 0.1), m.get(r, 1), 0.0);
            assertEquals(-t, m.get(r, 2), 0.0);
            for (int q = 0; q < 3; q++) assertEquals(1000 * q + r % (1 << 16), m.get(r, 3 + q), 0.0, "row " + r + ", state " + q);
        }
        assertEquals(Double.POSITIVE_INFINITY, m.min[1], "a block's rows leave the ranges alone");
        int[] idx = {row0 + 5, 3, row0 + 300, row0 + 1};
        double[][] before = new double[idx.length][width];
        for (int k = 0; k < idx.length; k++) m.row(idx[k], 0, width, before[k]);
        m.moveToFront(idx, 0, idx.length);
        double[] after = new double[width];
        for (int k = 0; k < idx.length; k++) {
            m.row(k, 0, width, after);
            org.junit.jupiter.api.Assertions.assertArrayEquals(before[k], after, 0.0, "moved row " + k);
        }
    }
}
