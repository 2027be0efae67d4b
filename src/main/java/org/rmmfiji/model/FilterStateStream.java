package org.rmmfiji.model;

/**
 * The filter states of one voltage over one segment, delivered chunk by chunk, so a long recording is never held as
 * a full feature matrix: the bank starts at the DC state of the first sample, runs once over the whole segment
 * (warm-up), and then a second pass yields x[k] (the state before v[k] is applied) for k = 0, 1, ….
 */
public final class FilterStateStream {
    private final FilterBank bank;
    private final float[] v;
    private final int offset;
    private final int length;
    private final double[] x;
    private final double[] in = new double[1];
    private int k;

    public FilterStateStream(FilterBank bank, float[] v, int offset, int length) {
        this.bank = bank;
        this.v = v;
        this.offset = offset;
        this.length = length;
        this.x = bank.warmStart(v, offset, length);
    }

    /** The next sample index the stream will deliver. */
    public int position() { return k; }

    public boolean hasNext() { return k < length; }

    /**
     * Writes the states of up to {@code max} next samples feature-major into {@code chunk} (state s of sample t at
     * {@code chunk[s*max + t]}) and returns how many samples it wrote.
     */
    public int next(double[] chunk, int max) {
        int n = Math.min(max, length - k);
        for (int t = 0; t < n; t++) {
            for (int s = 0; s < x.length; s++) chunk[s * max + t] = x[s];
            in[0] = v[offset + k + t];
            bank.step(x, 1, in);
        }
        k += n;
        return n;
    }

    /** Advances without delivering (to skip the transient). */
    public void skip(int samples) {
        int n = Math.min(samples, length - k);
        for (int t = 0; t < n; t++) {
            in[0] = v[offset + k + t];
            bank.step(x, 1, in);
        }
        k += n;
    }
}
