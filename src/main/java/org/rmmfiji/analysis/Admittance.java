package org.rmmfiji.analysis;

import org.rmmfiji.data.InvalidInputException;

/**
 * The local admittance of a cell around a held voltage v̄: the complex ratio of current to voltage for a small
 * sinusoidal voltage clamp, Y(v̄, ω) = ∂ψ/∂v + Σ_e ∂ψ/∂x_e · (e^{jωδ}I − A_e)⁻¹B_e, every filter at its DC state for v̄
 * (PNAS §2.5). Y(v̄, 0) is the slope of the steady-state IV curve; a negative real part is a regenerative (amplifying)
 * current at that voltage and frequency. Units: nA/mV = µS.
 */
public final class Admittance {
    private Admittance() {}

    /** {re, im} of Y(v, ω) with ω = 2π·f and f in Hz. */
    public static double[] at(IsolatedCell cell, double v, double frequencyHz) {
        return at(cell, cell.slopes(v), frequencyHz);
    }

    static double[] at(IsolatedCell cell, IsolatedCell.Slopes s, double frequencyHz) {
        return at(s, transfers(cell, frequencyHz));
    }

    /** The banks' frequency responses at f: h[k] = {re, im} of the k-th intrinsic edge's states (they do not depend on v̄). */
    static double[][][] transfers(IsolatedCell cell, double frequencyHz) {
        double omega = 2 * Math.PI * frequencyHz / 1000.0;    // rad/ms
        double[][][] h = new double[cell.edgeCount()][][];
        for (int k = 0; k < h.length; k++) h[k] = cell.bank(k).transfer(omega);
        return h;
    }

    private static double[] at(IsolatedCell.Slopes s, double[][][] transfers) {
        double re = s.dPsiDv, im = 0;
        for (int k = 0; k < transfers.length; k++) {
            double[][] h = transfers[k];
            double[] d = s.dPsiDx[k];
            for (int q = 0; q < d.length; q++) {
                re += d[q] * h[0][q];
                im += d[q] * h[1][q];
            }
        }
        return new double[] {re, im};
    }

    /** Y on a (voltage, frequency) grid. */
    public static final class Map {
        public final String neuron;
        public final double[] voltage_mV;
        public final double[] frequency_Hz;
        /** re[i][j], im[i][j]: voltage i, frequency j (µS). */
        public final double[][] re;
        public final double[][] im;

        Map(String neuron, double[] v, double[] f, double[][] re, double[][] im) {
            this.neuron = neuron;
            this.voltage_mV = v;
            this.frequency_Hz = f;
            this.re = re;
            this.im = im;
        }

        public double magnitude(int i, int j) { return Math.hypot(re[i][j], im[i][j]); }
    }

    /** Refuses a frequency outside 0 … the Nyquist frequency of a model step {@code dt} (ms). */
    public static void checkFrequencies(double[] frequenciesHz, double dt) {
        double nyquist = 500.0 / dt;
        for (double f : frequenciesHz)
            if (!(f >= 0) || f > nyquist)
                throw new InvalidInputException("admittance frequency " + f + " Hz is outside 0 … " + nyquist + " Hz (the Nyquist frequency of the model's "
                        + dt + " ms step)");
    }

    public static Map map(IsolatedCell cell, double[] voltages, double[] frequenciesHz) {
        checkFrequencies(frequenciesHz, cell.dt());
        double[][] re = new double[voltages.length][frequenciesHz.length], im = new double[voltages.length][frequenciesHz.length];
        double[][][][] h = new double[frequenciesHz.length][][][];
        for (int j = 0; j < h.length; j++) h[j] = transfers(cell, frequenciesHz[j]);
        for (int i = 0; i < voltages.length; i++) {
            IsolatedCell.Slopes s = cell.slopes(voltages[i]);
            for (int j = 0; j < frequenciesHz.length; j++) {
                double[] y = at(s, h[j]);
                re[i][j] = y[0];
                im[i][j] = y[1];
            }
        }
        return new Map(cell.name(), voltages.clone(), frequenciesHz.clone(), re, im);
    }

    /** Log-spaced frequencies from lo to hi Hz (both > 0). */
    public static double[] logFrequencies(double lo, double hi, int points) {
        if (!(lo > 0) || !(hi > lo) || points < 2)
            throw new InvalidInputException("admittance frequencies need 0 < lo < hi and at least 2 points, got " + lo + " … " + hi + " Hz, " + points + " points");
        double[] f = new double[points];
        for (int j = 0; j < points; j++) f[j] = lo * Math.pow(hi / lo, j / (points - 1.0));
        return f;
    }
}
