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

    /** The median of one column over every row (the lower middle value for an even count). */
    double median(int col) {
        float[] values = new float[rows];
        for (int r = 0; r < rows; r++) values[r] = chunks[r / CHUNK_ROWS][(r % CHUNK_ROWS) * width + col];
        java.util.Arrays.sort(values);
        return values[(rows - 1) / 2];
    }

    /** Copies columns [col, col+n) of the given rows into a feature-major tile: tile[(c)*T + t]. */
    void gather(int[] idx, int from, int T, int col, int n, double[] tile) {
        for (int t = 0; t < T; t++) {
            int r = idx[from + t];
            float[] ch = chunks[r / CHUNK_ROWS];
            int base = (r % CHUNK_ROWS) * width + col;
            for (int c = 0; c < n; c++) tile[c * T + t] = ch[base + c];
        }
    }
}
