package org.rmmfiji.model;

import java.util.List;

/** A built edge: its filter bank, its currents and readout mask; evaluates ψ_ij on tiles. */
public final class Edge {
    private final int post;
    private final int pre;
    private final FilterBank bank;
    private final List<Current> currents;
    private final double[] readout;

    Edge(int post, int pre, FilterBank bank, List<Current> currents, double[] readout) {
        this.post = post;
        this.pre = pre;
        this.bank = bank;
        this.currents = List.copyOf(currents);
        this.readout = readout;
    }

    public int post() { return post; }
    public int pre() { return pre; }
    public FilterBank bank() { return bank; }
    public List<Current> currents() { return currents; }
    /** The live readout mask (set an entry to 0 to ablate a current). */
    public double[] readout() { return readout; }
    public boolean intrinsic() { return post == pre; }

    /** Scratch space for one thread. */
    public final class Workspace {
        final Current.Workspace[] cws;
        final double[] tmp;
        final double[] dScaled;

        Workspace(int maxT) {
            cws = new Current.Workspace[currents.size()];
            for (int c = 0; c < cws.length; c++) cws[c] = currents.get(c).newWorkspace(maxT);
            tmp = new double[maxT];
            dScaled = new double[maxT];
        }
    }

    public Workspace newWorkspace(int maxT) { return new Workspace(maxT); }

    /** The workspaces of every network of every current in {@code ws}, current after current ({@link Current#forEachNetwork}). */
    public void forEachNetwork(Workspace ws, java.util.function.Consumer<Mlp.Workspace> action) {
        for (int c = 0; c < currents.size(); c++) currents.get(c).forEachNetwork(ws.cws[c], action);
    }

    /** psi[t] += Σ_c r_c·I_c(v[t], x[·,t]). */
    public void forward(Workspace ws, double[] p, double[] v, double[] x, int T, double[] psi) {
        for (int c = 0; c < currents.size(); c++) {
            double r = readout[c];
            if (r == 0) continue;
            currents.get(c).forward(ws.cws[c], p, v, x, T, ws.tmp);
            for (int t = 0; t < T; t++) psi[t] += r * ws.tmp[t];
        }
    }

    /** Output {@code index} of one current (see {@link Current#outputs()}), without the readout weight. */
    public void forwardOutput(Workspace ws, int c, int index, double[] p, double[] v, double[] x, int T, double[] out) {
        currents.get(c).output(ws.cws[c], p, v, x, T, index, out);
    }

    /** Backward of {@link #forward} given dPsi[t] = dL/dψ[t]. */
    public void backward(Workspace ws, double[] p, double[] v, double[] x, int T, double[] dPsi, double[] grad, double[] dv, double[] dx) {
        for (int c = 0; c < currents.size(); c++) {
            double r = readout[c];
            if (r == 0) continue;
            for (int t = 0; t < T; t++) ws.dScaled[t] = r * dPsi[t];
            currents.get(c).backward(ws.cws[c], p, v, x, T, ws.dScaled, grad, dv, dx);
        }
    }
}
