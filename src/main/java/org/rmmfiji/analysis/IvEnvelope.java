package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;

/**
 * The IV curves of an ensemble of fits (seeds × data segments) as envelopes: for every current's every output and
 * for the total, the mean and SD over the fits at each voltage. Where the fits agree the band is narrow; a current
 * the data does not pin down shows a wide one.
 */
public final class IvEnvelope {
    /** One curve across the fits. */
    public static final class Band {
        /** The current's name, or "total". */
        public final String current;
        public final String output;
        public final double[] mean;
        public final double[] sd;

        Band(String current, String output, double[] mean, double[] sd) {
            this.current = current;
            this.output = output;
            this.mean = mean;
            this.sd = sd;
        }

        /** The fraction of voltages at which {@code truth} lies within mean ± k·SD. */
        public double inside(double[] truth, double k) {
            int n = 0;
            for (int i = 0; i < mean.length; i++) if (Math.abs(truth[i] - mean[i]) <= k * sd[i]) n++;
            return n / (double) mean.length;
        }
    }

    public final double[] voltage_mV;
    public final int fits;
    public final List<Band> bands;

    private IvEnvelope(double[] v, int fits, List<Band> bands) {
        this.voltage_mV = v;
        this.fits = fits;
        this.bands = bands;
    }

    /** The band of one current's output ("total" for the total current), or null. */
    public Band band(String current, String output) {
        for (Band b : bands) if (b.current.equals(current) && b.output.equals(output)) return b;
        return null;
    }

    /** Fits on the same voltage grid with the same currents (the first fit's order); anything else is refused with what differs. */
    public static IvEnvelope of(List<IvCurves.Result> fits) {
        if (fits.isEmpty()) throw new InvalidInputException("an IV envelope needs at least one fit");
        IvCurves.Result first = fits.get(0);
        for (IvCurves.Result r : fits) {
            if (!java.util.Arrays.equals(r.voltage_mV, first.voltage_mV)) throw new InvalidInputException("the fits of an envelope must share the voltage grid");
            if (r.curves.size() != first.curves.size()) throw new InvalidInputException("the fits of an envelope must have the same currents: " + names(first) + " and " + names(r));
            for (int c = 0; c < r.curves.size(); c++)
                if (!r.curves.get(c).current.equals(first.curves.get(c).current) || !r.curves.get(c).output.equals(first.curves.get(c).output))
                    throw new InvalidInputException("the fits of an envelope must have the same currents: " + names(first) + " and " + names(r));
        }
        List<Band> bands = new ArrayList<>();
        List<double[]> totals = new ArrayList<>();
        for (IvCurves.Result r : fits) totals.add(r.total_nA);
        bands.add(band("total", "current", totals));
        for (int c = 0; c < first.curves.size(); c++) {
            List<double[]> ys = new ArrayList<>();
            for (IvCurves.Result r : fits) ys.add(r.curves.get(c).values);
            bands.add(band(first.curves.get(c).current, first.curves.get(c).output, ys));
        }
        return new IvEnvelope(first.voltage_mV.clone(), fits.size(), bands);
    }

    private static List<String> names(IvCurves.Result r) {
        List<String> n = new ArrayList<>();
        for (IvCurves.Curve c : r.curves) if (c.output.equals("current")) n.add(c.current);
        return n;
    }

    private static Band band(String current, String output, List<double[]> ys) {
        double[][] m = meanSd(ys);
        return new Band(current, output, m[0], m[1]);
    }

    /** {mean, sample SD} at each point of curves of one length (SD 0 for one curve); two passes, so no cancellation. */
    public static double[][] meanSd(List<double[]> ys) {
        int n = ys.get(0).length, k = ys.size();
        double[] mean = new double[n], sd = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double[] y : ys) s += y[i];
            mean[i] = s / k;
            double s2 = 0;
            for (double[] y : ys) s2 += (y[i] - mean[i]) * (y[i] - mean[i]);
            sd[i] = k > 1 ? Math.sqrt(s2 / (k - 1)) : 0;
        }
        return new double[][] {mean, sd};
    }
}
