package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmmfiji.data.InvalidInputException;

/**
 * Where a cell's resting state loses or gains stability as a DC current is injected. Every held voltage v̄ is an
 * equilibrium of the model for the DC current I(v̄) = Σψ(v̄, DC·v̄) (the steady-state IV). Its stability is that of the
 * model's own discrete map linearised there, z = (v, x):
 * <pre>v' = v + δc⁻¹(I − ψ(v, x)),  x' = A x + B v</pre>
 * whose eigenvalues are the roots of the characteristic equation z − 1 + δc⁻¹·Y(v̄, z) = 0 with Y the admittance.
 * Along a voltage grid the number of eigenvalues outside the unit circle is counted; where it changes, bisection finds
 * the voltage, and the eigenvalue on the circle gives the type: at z = 1 a fold (the IV slope is zero), a complex pair
 * a Hopf (Neimark–Sacker) bifurcation with frequency arg(z)/(2πδ), at z = −1 a flip (period doubling, a step that is
 * too coarse for the model's fastest current).
 */
public final class Bifurcations {
    private Bifurcations() {}

    public enum Type { FOLD, HOPF, FLIP }

    /** One equilibrium on the grid. */
    public static final class Equilibrium {
        public final double voltage_mV;
        public final double current_nA;
        /** Eigenvalues of the linearised map outside the unit circle (0: stable). */
        public final int unstable;
        /** The largest eigenvalue modulus. */
        public final double radius;

        Equilibrium(double v, double i, int unstable, double radius) {
            this.voltage_mV = v;
            this.current_nA = i;
            this.unstable = unstable;
            this.radius = radius;
        }

        public boolean stable() { return unstable == 0; }
    }

    /** A change of stability between two grid points. */
    public static final class Bifurcation {
        public final Type type;
        public final double voltage_mV;
        /** The DC current at which the equilibrium at {@link #voltage_mV} exists. */
        public final double current_nA;
        /** Hopf: the frequency of the oscillation that is born (Hz); 0 for a fold, the Nyquist frequency for a flip. */
        public final double frequency_Hz;
        /** Unstable eigenvalues below and above the voltage. */
        public final int unstableBelow;
        public final int unstableAbove;

        Bifurcation(Type type, double v, double i, double f, int below, int above) {
            this.type = type;
            this.voltage_mV = v;
            this.current_nA = i;
            this.frequency_Hz = f;
            this.unstableBelow = below;
            this.unstableAbove = above;
        }
    }

    /** The equilibria on a grid and the bifurcations between them. */
    public static final class Result {
        public final String neuron;
        public final List<Equilibrium> equilibria;
        public final List<Bifurcation> bifurcations;

        Result(String neuron, List<Equilibrium> e, List<Bifurcation> b) {
            this.neuron = neuron;
            this.equilibria = e;
            this.bifurcations = b;
        }

        /** The first bifurcation, upward in voltage, where a stable equilibrium becomes unstable (how rest is lost); null if none. */
        public Bifurcation lossOfStability() {
            for (Bifurcation b : bifurcations) if (b.unstableBelow == 0 && b.unstableAbove > 0) return b;
            return null;
        }
    }

    /**
     * The DC current {@code delta} nA beyond a bifurcation, on its unstable side: the direction in which the equilibrium
     * current changes as the voltage moves into the unstable side (PNAS Fig. 4E injects the bifurcation current + 0.1 nA).
     */
    public static double beyond(IsolatedCell cell, Bifurcation b, double delta) {
        double step = b.unstableAbove > b.unstableBelow ? 0.1 : -0.1;
        double[] i = cell.steadyCurrent(new double[] {b.voltage_mV, b.voltage_mV + step});
        return b.current_nA + Math.copySign(delta, i[1] - i[0]);
    }

    /**
     * The resting potential without injected current: the lowest zero of the steady-state IV on the grid (interpolated)
     * whose equilibrium is stable; NaN when no zero on the grid is stable.
     */
    public static double rest(IsolatedCell cell, double[] grid) {
        double[] i = cell.steadyCurrent(grid);
        Linearised lin = new Linearised(cell);
        for (int k = 1; k < grid.length; k++) {
            if (!(i[k - 1] < 0 && i[k] >= 0 || i[k - 1] > 0 && i[k] <= 0)) continue;
            double v = grid[k - 1] + (grid[k] - grid[k - 1]) * -i[k - 1] / (i[k] - i[k - 1]);
            if (lin.equilibrium(v).stable()) return v;
        }
        return Double.NaN;
    }

    /** Bisection steps: the grid spacing divided by 2⁴⁰, far below any meaningful voltage. */
    static final int BISECTIONS = 40;

    public static Result find(IsolatedCell cell, double[] voltages) {
        if (voltages.length < 2) throw new InvalidInputException("the bifurcation finder needs a voltage grid of at least 2 points");
        for (int i = 1; i < voltages.length; i++)
            if (!(voltages[i] > voltages[i - 1])) throw new InvalidInputException("the bifurcation finder's voltage grid must increase");
        Linearised lin = new Linearised(cell);
        List<Equilibrium> eq = new ArrayList<>();
        for (double v : voltages) eq.add(lin.equilibrium(v));
        List<Bifurcation> out = new ArrayList<>();
        for (int i = 1; i < eq.size(); i++) {
            Equilibrium a = eq.get(i - 1), b = eq.get(i);
            if (a.unstable == b.unstable) continue;
            double lo = a.voltage_mV, hi = b.voltage_mV;
            for (int n = 0; n < BISECTIONS; n++) {
                double mid = 0.5 * (lo + hi);
                if (unstableCount(lin.eigenvalues(cell.slopes(mid))) == a.unstable) lo = mid;
                else hi = mid;
            }
            out.add(lin.classify(0.5 * (lo + hi), a.unstable, b.unstable));
        }
        return new Result(cell.name(), eq, out);
    }

    public static Equilibrium equilibrium(IsolatedCell cell, double v) { return new Linearised(cell).equilibrium(v); }

    private static int unstableCount(Complex_F64[] z) {
        int n = 0;
        for (Complex_F64 c : z) if (c.getMagnitude() > 1) n++;
        return n;
    }

    /** The isolated cell's discrete map linearised at its equilibria; the banks' A and B, which no voltage changes, built once. */
    private static final class Linearised {
        final IsolatedCell cell;
        final double[][][] a;
        final double[][] b;
        final int n;

        Linearised(IsolatedCell cell) {
            this.cell = cell;
            a = new double[cell.edgeCount()][][];
            b = new double[cell.edgeCount()][];
            int size = 1;
            for (int k = 0; k < a.length; k++) {
                a[k] = cell.bank(k).stateMatrix();
                b[k] = cell.bank(k).inputVector();
                size += b[k].length;
            }
            n = size;
        }

        Equilibrium equilibrium(double v) {
            IsolatedCell.Slopes s = cell.slopes(v);
            Complex_F64[] z = eigenvalues(s);
            double r = 0;
            for (Complex_F64 c : z) r = Math.max(r, c.getMagnitude());
            return new Equilibrium(v, s.current_nA, unstableCount(z), r);
        }

        Bifurcation classify(double v, int below, int above) {
            IsolatedCell.Slopes s = cell.slopes(v);
            Complex_F64 critical = null;
            for (Complex_F64 c : eigenvalues(s))
                if (critical == null || Math.abs(c.getMagnitude() - 1) < Math.abs(critical.getMagnitude() - 1)) critical = c;
            double arg = Math.abs(Math.atan2(critical.imaginary, critical.real));
            double f = arg / (2 * Math.PI * cell.dt()) * 1000.0;
            // a real eigenvalue has arg 0 or π; a complex pair lies strictly between
            Type type = arg < 1e-6 ? Type.FOLD : Math.PI - arg < 1e-6 ? Type.FLIP : Type.HOPF;
            return new Bifurcation(type, v, s.current_nA, type == Type.FOLD ? 0 : f, below, above);
        }

        /** The Jacobian of the map at the equilibrium whose slopes are {@code s}. */
        DMatrixRMaj jacobian(IsolatedCell.Slopes s) {
            DMatrixRMaj J = new DMatrixRMaj(n, n);
            double h = cell.dt() * cell.inverseCapacitance();
            J.set(0, 0, 1 - h * s.dPsiDv);
            int o = 1;
            for (int k = 0; k < a.length; k++) {
                for (int r = 0; r < a[k].length; r++) {
                    J.set(0, o + r, -h * s.dPsiDx[k][r]);
                    J.set(o + r, 0, b[k][r]);
                    for (int c = 0; c < a[k].length; c++) J.set(o + r, o + c, a[k][r][c]);
                }
                o += a[k].length;
            }
            return J;
        }

        Complex_F64[] eigenvalues(IsolatedCell.Slopes s) {
            DMatrixRMaj J = jacobian(s);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
            if (!eig.decompose(J)) throw new IllegalStateException("the eigenvalues of the linearised model at " + s.voltage_mV + " mV did not converge");
            Complex_F64[] z = new Complex_F64[eig.getNumberOfEigenvalues()];
            for (int i = 0; i < z.length; i++) z[i] = eig.getEigenvalue(i);
            return z;
        }
    }
}
