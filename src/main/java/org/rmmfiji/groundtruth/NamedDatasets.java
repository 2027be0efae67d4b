package org.rmmfiji.groundtruth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.Presets;

/**
 * The named ground-truth datasets, generated reproducibly (own exp and RNG, so the same bits on every JVM):
 * <ul>
 * <li>one-neuron datasets ({@link #ONE_NEURON}): a model neuron and the current injected into it, channels
 * {@code V} and {@code I}, split by segment (train, validation and, for {@code pd-burster}, test), each segment
 * driven by an OU current at its own seed, as its {@link OneNeuronProtocol} and description say:
 * {@code hh} and {@code hh-protocol2} (Hodgkin–Huxley under two protocols), {@code fs-interneuron}
 * (Wang–Buzsáki), {@code rs-adapting} (Pospischil RS with an M current), {@code lp-alone} (Prinz LP 4) and
 * {@code pd-burster} (Prinz AB/PD 1, an endogenous burster);</li>
 * <li>{@code pd-lp}: an AB/PD 1 burster, recorded as a measured input, drives LP 4 through AB→LP glutamatergic
 * and PD→LP cholinergic synapses of 30 nS; LP gets an OU current; 10 kHz; 220 s split 180 / 20 / 20 s.</li>
 * <li>circuits ({@link #CIRCUITS}), every cell modelled and driven by its own OU current, 10 kHz, 160 s split
 * 120 / 20 / 20 s, their connectivity stated by {@link #trueSynapses}: {@code pyloric3} (PD, LP, PY) and {@code hco}
 * (a half-centre oscillator).</li>
 * </ul>
 * Models are integrated by exponential Euler at 0.025 ms and sampled at the recording rate; the injected
 * current is held over each recording interval, as the discrete-time model sees it.
 */
public final class NamedDatasets {
    private NamedDatasets() {}

    static final double DT_SIM = 0.025;

    /** The preset the one-neuron datasets suggest; the one place to change it. */
    static final String ONE_NEURON_PRESET = Presets.NEURON_LUMPED;

    /** Rates and settling: 20 kHz for the narrow spikes of the fast models, 10 kHz for STG neurons (as pd-lp). */
    static final double DT_FAST = 0.05, DT_STG = 0.1, SETTLE_FAST_MS = 500, SETTLE_STG_MS = 3000;

    private static OneNeuronProtocol.Drive drive(double ms, double meanFrom, double meanTo, double tauMs, double sigma, long seed) {
        return new OneNeuronProtocol.Drive(ms, meanFrom, meanTo, tauMs, sigma, seed);
    }

    /** The one-neuron datasets and how each is made (insertion order is the listing order). */
    static final Map<NamedDataset, OneNeuronProtocol> ONE_NEURON = new LinkedHashMap<>();

    private static NamedDataset oneNeuron(String name, String model, OneNeuronProtocol p) {
        int n = p.segments.size();
        int[][] split = n == 3 ? new int[][] {{0}, {1}, {2}} : new int[][] {{0}, {1}, {}};
        NamedDataset d = new NamedDataset(name, model + ", " + describe(p), ONE_NEURON_PRESET, List.of("V"), List.of(), List.of("I"), split, null);
        ONE_NEURON.put(d, p);
        return d;
    }

    /** "20 kHz; train 60 s (OU τ 2 ms, σ 5 nA, mean 0 → 10 nA); validation 20 s (…)" from the protocol itself. */
    private static String describe(OneNeuronProtocol p) {
        String[] parts = {"train", "validation", "test"};
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.0f kHz", 1 / p.dtMs));
        for (int k = 0; k < p.segments.size(); k++) {
            OneNeuronProtocol.Drive d = p.segments.get(k);
            String mean = d.meanFromNa == d.meanToNa ? String.format(Locale.ROOT, "mean %s nA", num(d.meanFromNa))
                    : String.format(Locale.ROOT, "mean %s → %s nA", num(d.meanFromNa), num(d.meanToNa));
            sb.append(String.format(Locale.ROOT, "; %s %.0f s (OU τ %s ms, σ %s nA, %s, seed %d)", parts[k], d.durationMs / 1000,
                    num(d.tauMs), num(d.sigmaNa), mean, d.seed));
        }
        return sb.toString();
    }

    static String num(double x) { return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString(); }

    /** Hodgkin–Huxley; the training mean crosses the step-current onset of repetitive firing (≈ 6.5 nA), though with σ 5 nA it fires (≈ 45 Hz) from the start. */
    public static final NamedDataset HH = oneNeuron("hh", "Hodgkin–Huxley neuron",
            new OneNeuronProtocol(HodgkinHuxley::new, DT_FAST, SETTLE_FAST_MS,
                    drive(60_000, 0, 10, 2, 5, 123), drive(20_000, 6, 6, 2, 5, 456)));

    /**
     * The same HH neuron under slower, larger fluctuations than {@code hh} at a fixed mean inside the firing range (≈ 64 Hz).
     * These and the next three protocols were chosen with {@code SpikeReliability} (test sources) so that the truth's own
     * spike times survive a 3 % input-gain error and another starting state (Γ ≥ 0.9, {@code ProtocolReliability}): the
     * fluctuations, not the mean, time the spikes.
     */
    public static final NamedDataset HH_PROTOCOL2 = oneNeuron("hh-protocol2", "Hodgkin–Huxley neuron, second protocol",
            new OneNeuronProtocol(HodgkinHuxley::new, DT_FAST, SETTLE_FAST_MS,
                    drive(60_000, 8, 8, 5, 8, 789), drive(20_000, 8, 8, 5, 8, 790)));

    /** Wang–Buzsáki FS interneuron: rheobase ≈ 0.17 nA; under σ 3 nA the ramp goes from ≈ 30 to ≈ 170 Hz, validation ≈ 41 Hz. */
    public static final NamedDataset FS_INTERNEURON = oneNeuron("fs-interneuron", "Wang–Buzsáki fast-spiking interneuron",
            new OneNeuronProtocol(WangBuzsaki::new, DT_FAST, SETTLE_FAST_MS,
                    drive(60_000, 0, 5, 1.5, 3, 601), drive(20_000, 0.5, 0.5, 1.5, 3, 602)));

    /**
     * Pospischil RS cell with M-current adaptation: rheobase ≈ 0.06 nA; under σ 0.7 nA the ramp goes from ≈ 18 to ≈ 60 Hz,
     * validation ≈ 30 Hz. Its 400 MΩ input resistance and no hyperpolarisation-activated current let the negative
     * excursions reach −150 mV briefly: the smallest σ that keeps its spike times reliable.
     */
    public static final NamedDataset RS_ADAPTING = oneNeuron("rs-adapting", "Pospischil et al. 2008 regular-spiking cell with an M current",
            new OneNeuronProtocol(PospischilRs::new, DT_FAST, SETTLE_FAST_MS,
                    drive(60_000, 0.05, 0.35, 1, 0.7, 701), drive(20_000, 0.15, 0.15, 1, 0.7, 702)));

    /**
     * Prinz LP 4 alone: fires tonically without current, silent below ≈ −0.3 nA; under σ 1.25 nA the ramp goes from
     * silent to ≈ 30 Hz. Validation holds it below its tonic range (mean −1 nA, ≈ 8 Hz), where the fluctuations time
     * every spike; at the means where it fires tonically its spike times are not reproducible.
     */
    public static final NamedDataset LP_ALONE = oneNeuron("lp-alone", "Prinz 2004 LP 4 model neuron alone",
            new OneNeuronProtocol(() -> new PrinzNeuron(PrinzTable.densities("LP 4")), DT_STG, SETTLE_STG_MS,
                    drive(60_000, -1.5, 1, 2, 1.25, 801), drive(20_000, -1, -1, 2, 1.25, 802)));

    /** Prinz AB/PD 1 alone, an endogenous burster (≈ 1.4 s period without current); weak OU noise keeps it bursting. */
    public static final NamedDataset PD_BURSTER = oneNeuron("pd-burster", "Prinz 2004 AB/PD 1 burster alone",
            new OneNeuronProtocol(() -> new PrinzNeuron(PrinzTable.densities("AB/PD 1")), DT_STG, SETTLE_STG_MS,
                    drive(120_000, 0, 0, 5, 0.1, 901), drive(20_000, 0, 0, 5, 0.1, 902), drive(20_000, 0, 0, 5, 0.1, 903)));

    public static final NamedDataset PD_LP = new NamedDataset("pd-lp",
            "AB/PD 1 burster (measured input) driving LP 4 through 30 nS glutamatergic and 30 nS cholinergic synapses, OU current into LP, 10 kHz, 180 s train / 20 s validation / 20 s test",
            "lp-pd", List.of("LP"), List.of("PD"), List.of("I_LP"), null, new double[] {180.0 / 220, 20.0 / 220});

    /** The circuit datasets and how each is made (insertion order is the listing order, after the others). */
    static final Map<NamedDataset, CircuitProtocol> CIRCUITS = new LinkedHashMap<>();

    /** 120 s train, 20 s validation, 20 s test of one segment, split by time as pd-lp. */
    static final double CIRCUIT_MS = 160_000;
    static final double[] CIRCUIT_SPLIT = {120.0 / 160, 20.0 / 160};

    private static NamedDataset circuit(String name, String description, CircuitProtocol p) {
        List<String> neurons = new ArrayList<>(), currents = new ArrayList<>();
        for (CircuitProtocol.Cell c : p.cells) {
            neurons.add(c.name);
            currents.add("I_" + c.name);
        }
        NamedDataset d = new NamedDataset(name, description + "; " + p.describe(), Presets.CIRCUIT_SYNCOND, neurons, List.of(), currents, null,
                CIRCUIT_SPLIT.clone());
        CIRCUITS.put(d, p);
        return d;
    }

    /**
     * The pyloric circuit of Prinz et al. (2004, their canonical network, with AB/PD 1 for AB/PD) changed so that the
     * truth holds absent, inhibitory and excitatory connections: PY→LP removed, LP→PY excitatory (E 0 mV, 30 nS,
     * glutamatergic kinetics). Without PY→LP nothing but PD's next burst ends LP's, and a depolarised LP holds PD
     * silent for good; so LP and PY sit below threshold and fire on their fluctuations (as lp-alone's validation),
     * after PD's inhibition releases them. Measured over the 160 s: PD bursts every ≈ 1.5 s (median; 10–90 % of cycles
     * 1.0–2.2 s), LP and PY fire in ≈ 80 % of cycles from phase ≈ 0.5 to ≈ 0.8. The fluctuations time the spikes: a
     * second start of the circuit settled 0.7 s longer has the same spike times (Γ 1.00 in 20 s windows) after 60 s.
     */
    public static final NamedDataset PYLORIC3 = circuit("pyloric3",
            "Three-cell pyloric circuit, Prinz 2004 AB/PD 1 (PD), LP 4 (LP) and PY 1 (PY): canonical synapses AB→LP glut 30 nS, PD→LP chol 30 nS, AB→PY glut 10 nS, PD→PY chol 3 nS, LP→AB/PD glut 30 nS; PY→LP removed, LP→PY excitatory (E 0 mV) 30 nS; every cell modelled, no inputs; 10 kHz, 120 s train / 20 s validation / 20 s test",
            new CircuitProtocol(CIRCUIT_MS,
                    List.of(new CircuitProtocol.Cell("PD", "AB/PD 1", 0, 0.2, 5, 1001),
                            new CircuitProtocol.Cell("LP", "LP 4", -0.8, 1.6, 2, 1002),
                            new CircuitProtocol.Cell("PY", "PY 1", -1, 1, 2, 1003)),
                    List.of(CircuitSynapse.glutamatergic("PD", "LP", 30), CircuitSynapse.cholinergic("PD", "LP", 30),
                            CircuitSynapse.glutamatergic("PD", "PY", 10), CircuitSynapse.cholinergic("PD", "PY", 3),
                            CircuitSynapse.glutamatergic("LP", "PD", 30), CircuitSynapse.excitatory("LP", "PY", 30))));

    /**
     * A half-centre oscillator (Marder &amp; Calabrese 1996, Physiol. Rev. 76:687): Prinz 2004 LP 1 and LP 2, each firing
     * single spikes tonically alone (≈ 7 and ≈ 6 Hz), burst in alternation when they inhibit each other through Prinz's
     * glutamatergic synapse, as the dynamic-clamp half-centres of STG neurons of Sharp, Skinner &amp; Marder (1996,
     * J. Neurophysiol. 76:867). Measured over the 160 s: period ≈ 1.33 s (10–90 % of cycles 1.19–1.49 s), 15 and 14
     * spikes per burst, N2's bursts start at phase 0.53 of N1's cycle. The OU currents are weak and the rhythm is the
     * circuit's own, so its spike times are not reproducible from another start (Γ ≈ 0).
     */
    public static final NamedDataset HCO = circuit("hco",
            "Half-centre oscillator, Prinz 2004 LP 1 (N1) and LP 2 (N2), tonic alone, bursting in anti-phase under reciprocal glutamatergic inhibition N1→N2 and N2→N1 of 30 nS; both modelled, no inputs; 10 kHz, 120 s train / 20 s validation / 20 s test",
            new CircuitProtocol(CIRCUIT_MS,
                    List.of(new CircuitProtocol.Cell("N1", "LP 1", 0, 0.1, 5, 1101), new CircuitProtocol.Cell("N2", "LP 2", 0, 0.1, 5, 1102)),
                    List.of(CircuitSynapse.glutamatergic("N1", "N2", 30), CircuitSynapse.glutamatergic("N2", "N1", 30))));

    public static List<NamedDataset> all() {
        List<NamedDataset> all = new ArrayList<>(ONE_NEURON.keySet());
        all.add(1, PD_LP);
        all.addAll(CIRCUITS.keySet());
        return List.copyOf(all);
    }

    /**
     * The true synaptic connectivity of a dataset, one entry per synaptic component (AB/PD's pairs as two entries); a
     * connection that is absent has none. Empty for the one-neuron datasets.
     */
    public static List<CircuitSynapse> trueSynapses(NamedDataset d) {
        if (d == PD_LP) return PD_LP_SYNAPSES;
        CircuitProtocol p = CIRCUITS.get(d);
        return p == null ? List.of() : p.synapses;
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (NamedDataset d : all()) names.add(d.name);
        return names;
    }

    public static NamedDataset get(String name) {
        for (NamedDataset d : all()) if (d.name.equals(name)) return d;
        throw new InvalidInputException("unknown dataset '" + name + "'; the datasets are " + String.join(", ", names()));
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
        Tables t = ONE_NEURON.get(HH).simulate(1.0);
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
        OneNeuronProtocol p = ONE_NEURON.get(d);
        if (p != null) return p.simulate(durationScale);
        if (d == PD_LP) return pdLp(durationScale);
        CircuitProtocol c = CIRCUITS.get(d);
        if (c != null) return c.simulate(durationScale);
        throw new IllegalArgumentException(d.name);
    }

    /** pd-lp's synapses: AB/PD's glutamatergic and cholinergic copies onto LP, 30 nS each. */
    static final List<CircuitSynapse> PD_LP_SYNAPSES = List.of(CircuitSynapse.glutamatergic("PD", "LP", 30), CircuitSynapse.cholinergic("PD", "LP", 30));

    private static Tables pdLp(double scale) { return pdLp(scale, 1.0); }

    /**
     * pd-lp with LP's injected current scaled by {@code lpCurrentGain} (1: the dataset itself), so that a test can ask
     * how reproducible LP's spike times are under a slightly wrong input gain; PD gets no current either way.
     */
    static Tables pdLp(double scale, double lpCurrentGain) {
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
        PrinzCircuit c = new PrinzCircuit();
        PrinzNeuron pd = c.cell(c.cell("PD", PrinzTable.densities("AB/PD 1")));
        PrinzNeuron lp = c.cell(c.cell("LP", PrinzTable.densities("LP 4")));
        GradedSynapse glut = c.synapseAt(c.synapse(PD_LP_SYNAPSES.get(0))), chol = c.synapseAt(c.synapse(PD_LP_SYNAPSES.get(1)));
        Rng rng = new Rng(2025);
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(PD_LP_OU_TAU_MS, PD_LP_OU_SIGMA_NA, t.dt, 0, rng);
        double[] u = new double[2];                                                  // PD gets no current
        for (int k = 0; k < 3000 / DT_SIM; k++) c.step(u, DT_SIM);                  // drop Prinz's 3 s transient
        double[] vlp = new double[n], vpd = new double[n], ilp = new double[n];
        double[][] ion = new double[8][n];
        double[] iglut = new double[n], ichol = new double[n], isyn = new double[n], gglut = new double[n], gchol = new double[n];
        double[] gs = new double[8], es = new double[8], cur = new double[8];
        for (int k = 0; k < n; k++) {
            u[1] = lpCurrentGain * ou.next(PD_LP_OU_MEAN_NA);
            vlp[k] = lp.v;
            vpd[k] = pd.v;
            ilp[k] = u[1];
            lp.currents(gs, es, cur);
            for (int q = 0; q < 8; q++) ion[q][k] = cur[q];
            iglut[k] = glut.current(lp.v);
            ichol[k] = chol.current(lp.v);
            isyn[k] = iglut[k] + ichol[k];
            gglut[k] = glut.conductance();
            gchol[k] = chol.conductance();
            for (int s = 0; s < sub; s++) c.step(u, DT_SIM);
        }
        List<double[]> truthCols = new ArrayList<>();
        for (double[] col : ion) truthCols.add(col);
        truthCols.addAll(List.of(iglut, ichol, isyn, gglut, gchol));
        t.segments.add(List.of(vlp, vpd, ilp));
        t.truthSegments.add(truthCols);
        return t;
    }

    static final double PD_LP_OU_MEAN_NA = 0.0, PD_LP_OU_SIGMA_NA = 0.5, PD_LP_OU_TAU_MS = 5.0;
}
