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
        this(bank, v, offset, length, bank.warmStart(v, offset, length), 0);
    }

    private FilterStateStream(FilterBank bank, float[] v, int offset, int length, double[] x, int k) {
        this.bank = bank;
        this.v = v;
        this.offset = offset;
        this.length = length;
        this.x = x;
        this.k = k;
    }

    /**
     * A stream that goes on from a state an earlier stream over the same segment had at {@code position} (see
     * {@link #state}): it delivers the same states, bit for bit, without the warm-up and the samples before.
     */
    public static FilterStateStream resume(FilterBank bank, float[] v, int offset, int length, int position, double[] state) {
        if (state.length != bank.size()) throw new IllegalArgumentException("a state of " + state.length + " values for a bank of " + bank.size());
        if (position < 0 || position > length) throw new IllegalArgumentException("position " + position + " outside the segment's " + length + " samples");
        return new FilterStateStream(bank, v, offset, length, state.clone(), position);
    }

    /** A copy of the state the stream will deliver next (the state at {@link #position()}). */
    public double[] state() { return x.clone(); }

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

    /**
     * Writes the states of up to {@code max} next samples as float32 rows into {@code rows} (state s of sample t at
     * {@code rows[at + t*stride + s]}) and returns how many samples it wrote. A sample's states go to neighbouring
     * addresses: writing them a chunk apart, as {@link #next} does, costs several times the stepping itself.
     */
    public int nextRows(float[] rows, int at, int stride, int max) {
        int n = Math.min(max, length - k);
        for (int t = 0; t < n; t++) {
            int o = at + t * stride;
            for (int s = 0; s < x.length; s++) rows[o + s] = (float) x[s];
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
