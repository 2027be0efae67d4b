package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.math.Kernels;

/**
 * A fixed, stable bank of linear filters of one voltage: x[k+1] = A x[k] + B v[k], poles p = exp(−δ/τ).
 * It is made of blocks, each either diagonal (first-order low-pass filters of unit DC gain) or an
 * orthonormal GOBF cascade (Takenaka–Malmquist all-pass sections, section i: A=p, B=C=√(1−p²), D=−p);
 * a bank with both kinds is the authors' "mixed" bank. States are numbered block after block.
 *
 * <p>Batched stepping works on lanes: state s of lane b is at {@code x[s*lanes + b]}.
 */
public final class FilterBank {

    /** One block of the bank. */
    public static final class Block {
        final boolean gobf;
        final double[] tau;
        final double[] pole;
        final double[] gain;   // √(1−p²) for GOBF, (1−p) for diagonal

        Block(boolean gobf, double[] tau, double dt) {
            this.gobf = gobf;
            this.tau = tau.clone();
            this.pole = new double[tau.length];
            this.gain = new double[tau.length];
            for (int i = 0; i < tau.length; i++) {
                pole[i] = StrictMath.exp(-dt / tau[i]);
                gain[i] = gobf ? Math.sqrt(1 - pole[i] * pole[i]) : 1 - pole[i];
            }
        }

        public boolean isGobf() { return gobf; }
        public double[] tau() { return tau.clone(); }
    }

    private final double dt;
    private final List<Block> blocks;
    private final int size;

    public FilterBank(FilterBankSpec spec, double dt) {
        this.dt = dt;
        List<Block> bs = new ArrayList<>();
        int n = 0;
        for (FilterBankSpec.BlockSpec b : spec.blocks()) {
            for (double t : b.tauMs()) {
                if (!(t > 0) || !Double.isFinite(t))
                    throw new InvalidInputException("filter time constant " + t + " ms: every τ must be a positive number of ms");
                if (t < dt / 10)
                    throw new InvalidInputException("filter time constant " + t + " ms is below δ/10 = " + (dt / 10)
                            + " ms; the filter would not resolve it at this sampling step");
            }
            bs.add(new Block(b.gobf(), b.tauMs(), dt));
            n += b.tauMs().length;
        }
        if (n == 0) throw new InvalidInputException("a filter bank needs at least one time constant");
        this.blocks = List.copyOf(bs);
        this.size = n;
    }

    public int size() { return size; }

    /** The states a current reads: {@code chosen} checked against a bank of {@code size} states, or all of them when null. */
    static int[] select(int[] chosen, int size, String who) {
        if (chosen == null) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) all[i] = i;
            return all;
        }
        for (int s : chosen)
            if (s < 0 || s >= size) throw new InvalidInputException(who + " selects filter state " + s + " but the bank has " + size + " states");
        return chosen.clone();
    }
    public double dt() { return dt; }
    public List<Block> blocks() { return blocks; }

    public double maxTau() {
        double m = 0;
        for (Block b : blocks) for (double t : b.tau) m = Math.max(m, t);
        return m;
    }

    /** Samples to drop after warm-up: ⌈log(fraction)/log(p_max)⌉, ≈ 4.6 τ_max for 1 %. */
    public int transientSamples(double fraction) {
        double pMax = StrictMath.exp(-dt / maxTau());
        return (int) Math.ceil(StrictMath.log(fraction) / StrictMath.log(pMax));
    }

    /** DC gain of every state: 1 for diagonal filters, √((1+p)/(1−p)) for GOBF states. */
    public double[] dcGains() {
        double[] g = new double[size];
        int s = 0;
        for (Block b : blocks) {
            for (int i = 0; i < b.pole.length; i++, s++) {
                double p = b.pole[i];
                g[s] = b.gobf ? Math.sqrt((1 + p) / (1 - p)) : 1.0;
            }
        }
        return g;
    }

    /**
     * The frequency response of every state to the input voltage, (zI − A)⁻¹B at z = e^{jωδ}: re[s] + j·im[s] is the
     * complex amplitude of state s under v[k] = e^{jωkδ}. At ω = 0 it is {@link #dcGains()}. A diagonal state is
     * (1−p)/(z−p); GOBF section i is √(1−p_i²)/(z−p_i) times the all-pass sections before it, Π_{j<i} (1−p_j z)/(z−p_j).
     *
     * @param omega angular frequency in rad/ms
     */
    public double[][] transfer(double omega) {
        double zr = Math.cos(omega * dt), zi = Math.sin(omega * dt);
        double[] re = new double[size], im = new double[size];
        int s = 0;
        for (Block b : blocks) {
            double ar = 1, ai = 0;   // the all-pass product so far (GOBF)
            for (int i = 0; i < b.pole.length; i++, s++) {
                double p = b.pole[i], g = b.gain[i];
                double dr = zr - p, di = zi, d2 = dr * dr + di * di;
                double hr = g * dr / d2, hi = -g * di / d2;            // g/(z−p)
                re[s] = b.gobf ? hr * ar - hi * ai : hr;
                im[s] = b.gobf ? hr * ai + hi * ar : hi;
                if (b.gobf) {                                          // times (1 − p z)/(z − p)
                    double nr = 1 - p * zr, ni = -p * zi;
                    double qr = (nr * dr + ni * di) / d2, qi = (ni * dr - nr * di) / d2;
                    double tr = ar * qr - ai * qi;
                    ai = ar * qi + ai * qr;
                    ar = tr;
                }
            }
        }
        return new double[][] {re, im};
    }

    /** A as a dense matrix (column s is A applied to the unit state s with zero input), for linear analysis. */
    public double[][] stateMatrix() {
        double[][] a = new double[size][size];
        double[] x = new double[size], zero = new double[1];
        for (int c = 0; c < size; c++) {
            java.util.Arrays.fill(x, 0);
            x[c] = 1;
            step(x, 1, zero);
            for (int r = 0; r < size; r++) a[r][c] = x[r];
        }
        return a;
    }

    /** B: the states after one step from zero with a unit input. */
    public double[] inputVector() {
        double[] x = new double[size];
        step(x, 1, new double[] {1});
        return x;
    }

    /** Sets lane b of x to the steady state for a constant input v. */
    public void setDc(double[] x, int lanes, int b, double v) {
        double[] g = dcGains();
        for (int s = 0; s < size; s++) x[s * lanes + b] = g[s] * v;
    }

    /** One step of every lane: x ← A x + B v, with v[b] the input of lane b. */
    public void step(double[] x, int lanes, double[] v) {
        int s0 = 0;
        for (Block b : blocks) {
            int n = b.pole.length;
            if (!b.gobf && lanes == 1) {
                for (int i = 0; i < n; i++) x[s0 + i] = b.pole[i] * x[s0 + i] + b.gain[i] * v[0];
            } else if (!b.gobf) {
                Kernels k = Kernels.get();
                for (int i = 0; i < n; i++) k.lowPass(x, (s0 + i) * lanes, b.pole[i], b.gain[i], v, lanes);
            } else if (lanes == 1) {
                // one trajectory (free run, warm-up, filter streams): no scratch lanes needed
                double u = v[0];                                      // input of the first section
                for (int i = 0; i < n; i++) {
                    int k = s0 + i;
                    double p = b.pole[i], g = b.gain[i];
                    double s = x[k];
                    double y = g * s - p * u;                         // all-pass output from the old state
                    x[k] = p * s + g * u;
                    u = y;
                }
            } else {
                // section by section over all lanes, so the inner loop runs along contiguous lanes (vectorised)
                double[] u = carry(lanes);
                System.arraycopy(v, 0, u, 0, lanes);
                Kernels k = Kernels.get();
                for (int i = 0; i < n; i++) k.allPassSection(x, (s0 + i) * lanes, b.pole[i], b.gain[i], u, lanes);
            }
            s0 += n;
        }
    }

    /** Per-thread scratch for the value carried along a GOBF cascade, one per lane (a bank is shared by threads). */
    private final ThreadLocal<double[][]> carry = ThreadLocal.withInitial(() -> new double[1][0]);

    private double[] carry(int lanes) {
        double[][] c = carry.get();
        if (c[0].length < lanes) c[0] = new double[lanes];
        return c[0];
    }

    /**
     * The transpose of {@link #step} for backpropagation through time: given lam = dL/dx[k+1] of every lane,
     * replaces it by dL/dx[k] = Aᵀ lam and adds dL/dv[k] = Bᵀ lam into dv.
     */
    public void stepAdjoint(double[] lam, int lanes, double[] dv) {
        int s0 = 0;
        for (Block b : blocks) {
            int n = b.pole.length;
            if (!b.gobf) {
                for (int i = 0; i < n; i++) {
                    double p = b.pole[i], g = b.gain[i];
                    int o = (s0 + i) * lanes;
                    for (int l = 0; l < lanes; l++) {
                        double y = lam[o + l];
                        dv[l] += g * y;
                        lam[o + l] = p * y;
                    }
                }
            } else {
                // the cascade backwards: mu is dL/d(input of section i), carried from the last section to the first
                double[] mu = carry(lanes);
                java.util.Arrays.fill(mu, 0, lanes, 0.0);
                Kernels k = Kernels.get();
                for (int i = n - 1; i >= 0; i--) k.allPassSection(lam, (s0 + i) * lanes, b.pole[i], b.gain[i], mu, lanes);
                for (int l = 0; l < lanes; l++) dv[l] += mu[l];
            }
            s0 += n;
        }
    }

    /**
     * The warm-up the authors use: start at the DC state of v[0], run over the whole segment, then
     * return the state from which a second pass begins (the end state of the first).
     */
    public double[] warmStart(float[] v, int offset, int length) {
        double[] x = new double[size];
        setDc(x, 1, 0, v[offset]);
        double[] in = new double[1];
        for (int k = 0; k < length; k++) {
            in[0] = v[offset + k];
            step(x, 1, in);
        }
        return x;
    }
}
