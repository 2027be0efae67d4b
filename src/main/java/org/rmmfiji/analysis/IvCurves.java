package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.FilterBank;

/**
 * Current–voltage curves of a cell's intrinsic currents. Steady state: I_c(v) = ψ_c(v, DC·v), every filter state
 * settled at the held voltage (the authors' steady-state IV). Post-step: the cell held at v_hold until its filters
 * settle, then stepped to v and read {@code after_ms} later, what a voltage-clamp protocol measures. Every other output
 * of a current (its conductance and the ḡ-weighted mean of its gates) is reported on the same grid.
 */
public final class IvCurves {
    private IvCurves() {}

    /** One output of one current on the voltage grid. */
    public static final class Curve {
        public final String current;
        /** "current", "conductance", "activation", "inactivation". */
        public final String output;
        public final double[] values;

        Curve(String current, String output, double[] values) {
            this.current = current;
            this.output = output;
            this.values = values;
        }

        /** nA for a current, µS for a conductance, dimensionless for a gate. */
        public String unit() { return unitOf(output); }
    }

    public static String unitOf(String output) {
        return output.equals("current") ? "nA" : output.equals("conductance") ? "uS" : org.rmmfiji.data.Units.DIMENSIONLESS;
    }

    /** The curves of one cell. */
    public static final class Result {
        public final String neuron;
        public final double[] voltage_mV;
        /** Every output of every intrinsic current (current first, then the current's other outputs). */
        public final List<Curve> curves;
        /** Σ r_c·I_c: what the simulator adds up, readout weights included. */
        public final double[] total_nA;
        /** NaN for steady-state curves. */
        public final double holding_mV;
        public final double after_ms;

        Result(String neuron, double[] v, List<Curve> curves, double[] total, double holding, double after) {
            this.neuron = neuron;
            this.voltage_mV = v;
            this.curves = curves;
            this.total_nA = total;
            this.holding_mV = holding;
            this.after_ms = after;
        }

        /** The curve of one current's output, or null. */
        public Curve curve(String current, String output) {
            for (Curve c : curves) if (c.current.equals(current) && c.output.equals(output)) return c;
            return null;
        }
    }

    /** Evenly spaced voltages from lo to hi; lo ≥ hi or fewer than 2 points is refused. */
    public static double[] grid(double lo, double hi, int points) {
        if (!(lo < hi)) throw new InvalidInputException("the voltage range needs lo < hi, got lo = " + lo + " mV, hi = " + hi + " mV");
        if (points < 2) throw new InvalidInputException("a voltage grid needs at least 2 points, got " + points);
        return ActivationCurves.grid(lo, hi, points);
    }

    public static Result steadyState(IsolatedCell cell, double[] v) {
        return evaluate(cell, v, k -> cell.steadyStates(k, v), Double.NaN, Double.NaN);
    }

    /** Refuses a holding voltage that is not a number and a read time under one sample of a model step {@code dt}; returns the steps. */
    public static int checkPostStep(double holding, double afterMs, double dt) {
        if (!Double.isFinite(holding)) throw new InvalidInputException("the holding voltage must be a number of mV, got " + holding);
        int steps = (int) Math.round(afterMs / dt);
        if (!(afterMs > 0) || steps < 1)
            throw new InvalidInputException("the time after the step must be at least one sample (" + dt + " ms), got " + afterMs + " ms");
        return steps;
    }

    /**
     * Post-step curves: filters settled at {@code holding}, then {@code afterMs} (≥ one sample) at each test voltage
     * of {@code v}; the currents are read at the voltage step's end.
     */
    public static Result postStep(IsolatedCell cell, double holding, double afterMs, double[] v) {
        int steps = checkPostStep(holding, afterMs, cell.dt());
        return evaluate(cell, v, k -> {
            FilterBank bank = cell.bank(k);
            int T = v.length;
            double[] x = cell.steadyStates(k, filled(T, holding));
            for (int n = 0; n < steps; n++) bank.step(x, T, v);
            return x;
        }, holding, steps * cell.dt());
    }

    private interface States { double[] of(int k); }

    private static Result evaluate(IsolatedCell cell, double[] v, States states, double holding, double after) {
        double[][] x = new double[cell.edgeCount()][];
        for (int k = 0; k < x.length; k++) x[k] = states.of(k);
        List<Curve> curves = new ArrayList<>();
        double[] total = new double[v.length];
        for (IsolatedCell.Ref r : cell.currents()) {
            double[] xs = x[r.local];
            List<String> outs = r.model.outputs();
            double weight = cell.network().edges().get(r.edge).readout()[r.current];
            for (int o = 0; o < outs.size(); o++) {
                double[] y = cell.output(r, v, xs, o);
                curves.add(new Curve(r.name, outs.get(o), y));
                if (o == 0) for (int t = 0; t < v.length; t++) total[t] += weight * y[t];
            }
        }
        return new Result(cell.name(), v.clone(), curves, total, holding, after);
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
