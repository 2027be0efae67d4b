package org.rmmfiji.train;

/**
 * Teacher-forcing regressors of one modelled neuron, sample-major in chunks so hours of data fit and a
 * shuffled gather reads one contiguous row per sample. Row layout: [v, u, dv/dt target, then the filter
 * states of every edge into the neuron, edge after edge].
 */
final class FeatureMatrix {
    static final int V = 0, U = 1, TARGET = 2, STATES = 3;
    private static final int CHUNK_ROWS = 1 << 16;

    final int width;
    private final float[][] chunks;
    final int rows;
    final double[] min;
    final double[] max;

    FeatureMatrix(int width, int rows) {
        this.width = width;
        this.rows = rows;
        int nChunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        chunks = new float[nChunks][];
        for (int c = 0; c < nChunks; c++) chunks[c] = new float[Math.min(CHUNK_ROWS, rows - c * CHUNK_ROWS) * width];
        min = new double[width];
        max = new double[width];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    void set(int row, int col, double value) {
        float f = (float) value;
        chunks[row / CHUNK_ROWS][(row % CHUNK_ROWS) * width + col] = f;
        if (f < min[col]) min[col] = f;
        if (f > max[col]) max[col] = f;
    }

    double get(int row, int col) { return chunks[row / CHUNK_ROWS][(row % CHUNK_ROWS) * width + col]; }

    /**
     * Writes columns [col, col+cols) of rows [row0, row0+n) from feature-major values (column col+q of row row0+t
     * from {@code values[q*stride + t]}), rounded to float32 as {@link #set} rounds them. The ranges are left alone:
     * a streamed block's rows are a part of the data, whose ranges were taken over all of it.
     */
    void putColumns(int row0, int n, int col, int cols, double[] values, int stride) {
        for (int t = 0; t < n; t++) {
            int r = row0 + t;
            float[] ch = chunks[r / CHUNK_ROWS];
            int base = (r % CHUNK_ROWS) * width + col;
            for (int q = 0; q < cols; q++) ch[base + q] = (float) values[q * stride + t];
        }
    }

    /** Writes float32 rows into a matrix's storage: n rows from {@code at}, a row every {@code stride} values; returns how many it wrote. */
    interface RowWriter { int write(float[] rows, int at, int stride, int n); }

    /**
     * Fills columns [col, …) of rows [row0, row0+n) from a writer that writes whole rows of them, straight into the
     * matrix's storage (no intermediate copy). The ranges are left alone, as in {@link #putColumns}.
     */
    void putRows(int row0, int n, int col, RowWriter writer) {
        for (int done = 0; done < n; ) {
            int r = row0 + done;
            int inChunk = Math.min(n - done, CHUNK_ROWS - r % CHUNK_ROWS);
            int wrote = writer.write(chunks[r / CHUNK_ROWS], (r % CHUNK_ROWS) * width + col, width, inChunk);
            if (wrote != inChunk) throw new IllegalStateException("a row writer wrote " + wrote + " of " + inChunk + " rows");
            done += inChunk;
        }
    }

    /** Moves rows idx[from], …, idx[from+n−1] to rows 0 … n−1 (through a copy, as the two may overlap). */
    void moveToFront(int[] idx, int from, int n) {
        float[] moved = new float[n * width];
        for (int t = 0; t < n; t++) {
            int r = idx[from + t];
            System.arraycopy(chunks[r / CHUNK_ROWS], (r % CHUNK_ROWS) * width, moved, t * width, width);
        }
        for (int t = 0; t < n; t++) System.arraycopy(moved, t * width, chunks[t / CHUNK_ROWS], (t % CHUNK_ROWS) * width, width);
    }

    /** The median of one column over every row (the lower middle value for an even count). */
    double median(int col) {
        float[] values = new float[rows];
        for (int r = 0; r < rows; r++) values[r] = chunks[r / CHUNK_ROWS][(r % CHUNK_ROWS) * width + col];
        java.util.Arrays.sort(values);
        return values[(rows - 1) / 2];
    }

    /**
     * Copies every column of the given rows into a feature-major tile: tile[c*T + t] = row idx[from + t], column c.
     * The rows are first copied whole, one after another, into {@code stage} (at least T·width values): a loop that
     * does nothing but copy keeps more of the rows' cache misses in flight than one that also converts and scatters
     * (measured: a third less time per row on 10⁶ shuffled rows). Then eight staged rows at a time go to the tile, so
     * that each column's eight values fill one cache line of it.
     */
    void gather(int[] idx, int from, int T, float[] stage, double[] tile) {
        for (int t = 0; t < T; t++) {
            int r = idx[from + t];
            System.arraycopy(chunks[r / CHUNK_ROWS], (r % CHUNK_ROWS) * width, stage, t * width, width);
        }
        int t = 0;
        for (; t + 7 < T; t += 8) {
            int s = t * width;
            for (int c = 0; c < width; c++, s++) {
                int to = c * T + t;
                for (int j = 0; j < 8; j++) tile[to + j] = stage[s + j * width];
            }
        }
        for (; t < T; t++)
            for (int c = 0; c < width; c++) tile[c * T + t] = stage[t * width + c];
    }

    /** Columns [col, col+n) of one row into {@code out}. */
    void row(int r, int col, int n, double[] out) {
        float[] ch = chunks[r / CHUNK_ROWS];
        int base = (r % CHUNK_ROWS) * width + col;
        for (int c = 0; c < n; c++) out[c] = ch[base + c];
    }
}
