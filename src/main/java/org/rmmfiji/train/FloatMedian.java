package org.rmmfiji.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The lower median of float values that lie in ranges of arrays (an hour of recorded voltage), or of the steps
 * |a[k + lag] − a[k]| along them, found without copying them: a radix select over the values' order-preserving bit
 * patterns, one pass counting the high 16 bits and one counting the low 16 bits of the values in the median's bucket.
 * It returns what sorting all the values with {@link java.util.Arrays#sort(float[])} and taking element (n − 1) / 2
 * returns.
 */
final class FloatMedian {
    private static final int BUCKETS = 1 << 16;

    private final List<float[]> arrays = new ArrayList<>();
    /** Per range: from, to and the lag (0: the values themselves). */
    private final List<int[]> ranges = new ArrayList<>();
    private long count;

    /** Adds a[from, to) to the values (the array is read when {@link #lower()} runs, not copied). */
    void add(float[] a, int from, int to) {
        arrays.add(a);
        ranges.add(new int[] {from, to, 0});
        count += to - from;
    }

    /** Adds the steps |a[k + lag] − a[k]| for from ≤ k &lt; to − lag (in float arithmetic), lag ≥ 1. */
    void addSteps(float[] a, int from, int to, int lag) {
        if (lag < 1) throw new IllegalArgumentException("lag " + lag);
        if (to - lag <= from) return;
        arrays.add(a);
        ranges.add(new int[] {from, to - lag, lag});
        count += to - lag - from;
    }

    private static float at(float[] a, int k, int lag) { return lag == 0 ? a[k] : Math.abs(a[k + lag] - a[k]); }

    /** How many values were added. */
    long count() { return count; }

    double lower() {
        if (count == 0) throw new IllegalStateException("the median of no values");
        long rank = (count - 1) / 2;
        long[] high = new long[BUCKETS];
        for (int r = 0; r < arrays.size(); r++) {
            float[] a = arrays.get(r);
            int lag = ranges.get(r)[2];
            for (int k = ranges.get(r)[0], to = ranges.get(r)[1]; k < to; k++) high[key(at(a, k, lag)) >>> 16]++;
        }
        int bucket = 0;
        while (rank >= high[bucket]) rank -= high[bucket++];
        long[] low = new long[BUCKETS];
        for (int r = 0; r < arrays.size(); r++) {
            float[] a = arrays.get(r);
            int lag = ranges.get(r)[2];
            for (int k = ranges.get(r)[0], to = ranges.get(r)[1]; k < to; k++) {
                int key = key(at(a, k, lag));
                if (key >>> 16 == bucket) low[key & 0xFFFF]++;
            }
        }
        int bits = 0;
        while (rank >= low[bits]) rank -= low[bits++];
        return value(bucket << 16 | bits);
    }

    /**
     * The float's bits turned so that unsigned integer order is {@link Float#compare} order (−0 before +0, NaN
     * last): negative values have every bit flipped, the others only the sign bit.
     */
    static int key(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ (bits >> 31 | Integer.MIN_VALUE);
    }

    static float value(int key) { return Float.intBitsToFloat(key < 0 ? key ^ Integer.MIN_VALUE : ~key); }
}
