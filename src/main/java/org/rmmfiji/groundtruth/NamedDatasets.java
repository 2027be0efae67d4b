package org.rmmfiji.groundtruth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.math.Rng;

/**
 * The named ground-truth datasets, generated reproducibly (own exp and RNG, so the same bits on every JVM):
 * <ul>
 * <li>{@code hh}: one Hodgkin–Huxley neuron at 20 kHz; segment 0 trains (60 s, OU current whose mean ramps
 * from 0 to 10 nA, through the onset of repetitive firing), segment 1 validates (20 s, mean 6 nA, another seed);</li>
 * <li>{@code pd-lp}: an AB/PD 1 burster, recorded as a measured input, drives LP 4 through AB→LP glutamatergic
 * and PD→LP cholinergic synapses of 30 nS; LP gets an OU current; 10 kHz; 220 s split 180 / 20 / 20 s.</li>
 * </ul>
 * Models are integrated by exponential Euler at 0.025 ms and sampled at the recording rate; the injected
 * current is held over each recording interval, as the discrete-time model sees it.
 */
public final class NamedDatasets {
    private NamedDatasets() {}

    static final double DT_SIM = 0.025;

    public static final NamedDataset HH = new NamedDataset("hh",
            "Hodgkin–Huxley neuron, 20 kHz, 60 s OU-driven training segment (mean ramp 0 → 10 nA) and 20 s validation segment (mean 6 nA)",
            "hh-lumped", List.of("V"), List.of(), List.of("I"), new int[][] {{0}, {1}, {}}, null);

    public static final NamedDataset PD_LP = new NamedDataset("pd-lp",
            "AB/PD 1 burster (measured input) driving LP 4 through 30 nS glutamatergic and 30 nS cholinergic synapses, OU current into LP, 10 kHz, 180 s train / 20 s validation / 20 s test",
            "lp-pd", List.of("LP"), List.of("PD"), List.of("I_LP"), null, new double[] {180.0 / 220, 20.0 / 220});

    public static List<NamedDataset> all() { return List.of(HH, PD_LP); }

    public static NamedDataset get(String name) {
        for (NamedDataset d : all()) if (d.name.equals(name)) return d;
        throw new InvalidInputException("unknown dataset '" + name + "'; the datasets are hh, pd-lp");
    }

    /** Writes the recording and truth files of a dataset into a folder; returns the content hash. */
    public static String generate(NamedDataset d, Path folder, double durationScale) throws IOException {
        Tables t = simulate(d, durationScale);
        CsvRecordings.write(folder.resolve(d.recordingFile()), t.dt, t.names, t.segments);
        CsvRecordings.write(folder.resolve(d.truthFile()), t.dt, t.truthNames, t.truthSegments);
        return t.hash();
    }

    /** The bundled sample: an excerpt of {@code hh} (training 30–42 s, across the firing onset; validation 0–4 s). */
    public static final String SAMPLE_FILE = "hh-excerpt.csv.gz";

    public static void writeSample(Path folder) throws IOException {
        Tables t = hh(1.0);
        List<List<double[]>> excerpt = new ArrayList<>();
        excerpt.add(slice(t.segments.get(0), 30_000 / t.dt, 42_000 / t.dt));
        excerpt.add(slice(t.segments.get(1), 0, 4_000 / t.dt));
        CsvRecordings.write(folder.resolve(SAMPLE_FILE), t.dt, t.names, excerpt);
    }

    private static List<double[]> slice(List<double[]> cols, double from, double to) {
        List<double[]> out = new ArrayList<>();
        for (double[] c : cols) out.add(java.util.Arrays.copyOfRange(c, (int) Math.round(from), (int) Math.round(to)));
        return out;
    }

    /** Columns of the recording and truth files, per segment. */
    static final class Tables {
        double dt;
        List<String> names = new ArrayList<>();
        List<List<double[]>> segments = new ArrayList<>();
        List<String> truthNames = new ArrayList<>();
        List<List<double[]>> truthSegments = new ArrayList<>();

        /** SHA-256 over float32 little-endian samples: segment by segment, recording columns then truth columns. */
        String hash() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (int s = 0; s < segments.size(); s++) {
                    for (List<double[]> cols : List.of(segments.get(s), truthSegments.get(s))) {
                        for (double[] c : cols) {
                            ByteBuffer bb = ByteBuffer.allocate(4 * c.length).order(ByteOrder.LITTLE_ENDIAN);
                            for (double v : c) bb.putFloat((float) v);
                            md.update(bb.array());
                        }
                    }
                }
                StringBuilder sb = new StringBuilder();
                for (byte b : md.digest()) sb.append(String.format("%02x", b));
                return sb.toString();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The same content hash, computed from files read back (recording then truth), for checking a copy. */
    public static String hashOf(Recording rec, Recording truth) {
        Tables t = new Tables();
        for (int s = 0; s < rec.segments().size(); s++) {
            t.segments.add(columns(rec.segments().get(s)));
            t.truthSegments.add(columns(truth.segments().get(s)));
        }
        return t.hash();
    }

    private static List<double[]> columns(Segment seg) {
        List<double[]> cols = new ArrayList<>();
        for (int c = 0; c < seg.channelCount(); c++) cols.add(seg.channelAsDouble(c));
        return cols;
    }

    static Tables simulate(NamedDataset d, double durationScale) {
        if (d == HH) return hh(durationScale);
        if (d == PD_LP) return pdLp(durationScale);
        throw new IllegalArgumentException(d.name);
    }

    private static Tables hh(double scale) {
        Tables t = new Tables();
        t.dt = 0.05;
        t.names = List.of("V_mV", "I_nA");
        t.truthNames = List.of("I_Na_nA", "I_K_nA", "I_L_nA", "g_Na_uS", "g_K_uS");
        hhSegment(t, 60_000 * scale, 0, 10, 123);
        hhSegment(t, 20_000 * scale, 6, 6, 456);
        return t;
    }

    private static void hhSegment(Tables t, double durationMs, double meanFrom, double meanTo, long seed) {
        int sub = (int) Math.round(t.dt / DT_SIM);
        int n = (int) Math.round(durationMs / t.dt);
        Rng rng = new Rng(seed);
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(2.0, 5.0, t.dt, meanFrom, rng);
        HodgkinHuxley hh = new HodgkinHuxley();
        for (int k = 0; k < 20_000; k++) hh.step(0, DT_SIM);           // settle at rest
        double[] v = new double[n], i = new double[n], ina = new double[n], ik = new double[n], il = new double[n], gna = new double[n], gk = new double[n];
        for (int k = 0; k < n; k++) {
            double mean = meanFrom + (meanTo - meanFrom) * k / Math.max(1, n - 1);
            double u = ou.next(mean);
            v[k] = hh.v;
            i[k] = u;
            ina[k] = hh.iNa();
            ik[k] = hh.iK();
            il[k] = hh.iL();
            gna[k] = hh.gNa();
            gk[k] = hh.gK();
            for (int s = 0; s < sub; s++) hh.step(u, DT_SIM);
        }
        t.segments.add(List.of(v, i));
        t.truthSegments.add(List.of(ina, ik, il, gna, gk));
    }

    private static Tables pdLp(double scale) {
        Tables t = new Tables();
        t.dt = 0.1;
        t.names = List.of("V_LP_mV", "V_PD_mV", "I_LP_nA");
        List<String> truth = new ArrayList<>();
        for (String c : PrinzNeuron.CURRENTS) truth.add("I_" + c + "_LP_nA");
        truth.add("I_syn_glut_LP_nA");
        truth.add("I_syn_chol_LP_nA");
        truth.add("I_syn_LP_nA");
        truth.add("g_syn_glut_LP_uS");
        truth.add("g_syn_chol_LP_uS");
        t.truthNames = truth;
        int sub = (int) Math.round(t.dt / DT_SIM);
        int n = (int) Math.round(220_000 * scale / t.dt);
        PrinzNeuron pd = new PrinzNeuron(PrinzTable.densities("AB/PD 1"));
        PrinzNeuron lp = new PrinzNeuron(PrinzTable.densities("LP 4"));
        GradedSynapse glut = GradedSynapse.glutamatergic(30), chol = GradedSynapse.cholinergic(30);
        Rng rng = new Rng(2025);
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(PD_LP_OU_TAU_MS, PD_LP_OU_SIGMA_NA, t.dt, 0, rng);
        for (int k = 0; k < 3000 / DT_SIM; k++) stepPair(pd, lp, glut, chol, 0);   // drop Prinz's 3 s transient
        double[] vlp = new double[n], vpd = new double[n], ilp = new double[n];
        double[][] ion = new double[8][n];
        double[] iglut = new double[n], ichol = new double[n], isyn = new double[n], gglut = new double[n], gchol = new double[n];
        double[] gs = new double[8], es = new double[8], cur = new double[8];
        for (int k = 0; k < n; k++) {
            double u = ou.next(PD_LP_OU_MEAN_NA);
            vlp[k] = lp.v;
            vpd[k] = pd.v;
            ilp[k] = u;
            lp.currents(gs, es, cur);
            for (int c = 0; c < 8; c++) ion[c][k] = cur[c];
            iglut[k] = glut.current(lp.v);
            ichol[k] = chol.current(lp.v);
            isyn[k] = iglut[k] + ichol[k];
            gglut[k] = glut.conductance();
            gchol[k] = chol.conductance();
            for (int s = 0; s < sub; s++) stepPair(pd, lp, glut, chol, u);
        }
        List<double[]> truthCols = new ArrayList<>();
        for (double[] c : ion) truthCols.add(c);
        truthCols.addAll(List.of(iglut, ichol, isyn, gglut, gchol));
        t.segments.add(List.of(vlp, vpd, ilp));
        t.truthSegments.add(truthCols);
        return t;
    }

    static final double PD_LP_OU_MEAN_NA = 0.0, PD_LP_OU_SIGMA_NA = 0.5, PD_LP_OU_TAU_MS = 5.0;

    private static void stepPair(PrinzNeuron pd, PrinzNeuron lp, GradedSynapse glut, GradedSynapse chol, double uLp) {
        double vpd = pd.v;
        double gSyn = glut.conductance() + chol.conductance();
        double gE = glut.conductance() * glut.e + chol.conductance() * chol.e;
        pd.step(0, 0, 0, DT_SIM);
        lp.step(uLp, gSyn, gE, DT_SIM);
        glut.step(vpd, DT_SIM);
        chol.step(vpd, DT_SIM);
    }
}
