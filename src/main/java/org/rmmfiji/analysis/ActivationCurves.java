package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.SynapticCurrent;

/**
 * Steady-state activation of every conductance-based synapse against a held presynaptic voltage: every filter state
 * at its DC value for that voltage (x = DC·v), as the authors compute steady-state curves, so s_k(v) is what the gate
 * settles to when the presynaptic cell sits at v.
 */
public final class ActivationCurves {
    private ActivationCurves() {}

    /** The curves of one synapse on a voltage grid. */
    public static final class Curve {
        public final String pre;
        public final String post;
        public final double[] voltage_mV;
        /** activation[k][i]: component k at voltage i, in [0, 1]. */
        public final double[][] activation;
        /** Σḡ_k s_k(v) (µS). */
        public final double[] conductance_uS;

        Curve(String pre, String post, double[] v, double[][] a, double[] g) {
            this.pre = pre;
            this.post = post;
            this.voltage_mV = v;
            this.activation = a;
            this.conductance_uS = g;
        }
    }

    /** Evenly spaced voltages from {@code low} to {@code high}. */
    public static double[] grid(double low, double high, int points) {
        double[] v = new double[points];
        for (int i = 0; i < points; i++) v[i] = low + (high - low) * i / (points - 1);
        return v;
    }

    public static List<Curve> compute(Network net, double[] voltages) {
        double[] p = net.parameters();
        int T = voltages.length;
        List<Curve> out = new ArrayList<>();
        for (Edge edge : net.edges()) {
            if (edge.intrinsic()) continue;
            double[] dc = edge.bank().dcGains();
            double[] x = new double[dc.length * T];
            for (int s = 0; s < dc.length; s++) for (int t = 0; t < T; t++) x[s * T + t] = dc[s] * voltages[t];
            for (Current c : edge.currents()) {
                if (!(c instanceof SynapticCurrent)) continue;
                SynapticCurrent sc = (SynapticCurrent) c;
                Current.Workspace ws = sc.newWorkspace(T);
                double[] vPost = new double[T];   // unused by the gates
                double[][] a = new double[sc.components()][T];
                for (int k = 0; k < a.length; k++) sc.output(ws, p, vPost, x, T, 2 + k, a[k]);
                double[] g = new double[T];
                sc.output(ws, p, vPost, x, T, 1, g);
                out.add(new Curve(net.voltageName(edge.pre()), net.voltageName(edge.post()), voltages.clone(), a, g));
            }
        }
        return out;
    }
}
