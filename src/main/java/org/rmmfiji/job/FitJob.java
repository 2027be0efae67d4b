package org.rmmfiji.job;

import org.rmmfiji.train.CancelToken;
import org.rmmfiji.train.History;
import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.SelectionMetric;
import org.rmmfiji.train.ClosedLoopTrainer;
import org.rmmfiji.train.Shots;
import org.rmmfiji.train.StopReason;
import org.rmmfiji.train.TeacherForcingTrainer;
import org.rmmfiji.train.Trainer;
import org.rmmfiji.train.Trainers;
import org.rmmfiji.train.Training;
import org.rmmfiji.train.TrainingData;
import org.rmmfiji.train.TrainingSettings;
import org.rmmfiji.train.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.reflect.TypeToken;

import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.EnsembleFile;
import org.rmmfiji.io.Json;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.io.Provenance;
import org.rmmfiji.io.SoftwareVersion;
import org.rmmfiji.io.SpecFiles;
import org.rmmfiji.math.Kernels;
import org.rmmfiji.math.Rng;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.model.ModelSpec;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Circuits;
import org.rmmfiji.model.Connectivity;
import org.rmmfiji.model.Preset;
import org.rmmfiji.model.Presets;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * The main job: recording → spec and settings → training pipeline → fitted model, free-run metrics and
 * prediction, written to the output folder. Every input is checked before anything is written, and every
 * file is written atomically, so bad input leaves the folder as it was.
 */
public final class FitJob {
    private FitJob() {}

    /** Everything resolved from the settings, before any training. */
    static final class Plan {
        Recording recording;
        Network network;
        ChannelMap channels;
        Dataset dataset;
        TrainingSettings training;
        List<Trainer> trainers;
        /** The split as applied (the preset's fractions where the user left them unset). */
        Map<String, Object> splitUsed = new LinkedHashMap<>();
        List<String> voltageChannels;
        List<String> currentChannels;
        Path outputDir;
        String outputName;
        Preset preset;
        List<Provenance.InputFile> inputs = new ArrayList<>();
        /** model, spec, prediction, metrics, then one plot per modelled neuron: checked before training. */
        List<Path> files;
        /** The batch of the training part an ensemble member trains on; null: the whole training part. */
        TrainingBatch batch;
        /** Its samples within each training segment. */
        List<EnsembleFile.Range> batchRanges;
        /**
         * What the user must be told before training that is not the recording reader's: a neuron fitted without an
         * injected current, a training setting no stage of the trainer reads.
         */
        List<String> settingWarnings = new ArrayList<>();

        /** Everything to tell the user before training: the recording reader's warnings, then the settings'. */
        List<String> warnings() {
            List<String> w = new ArrayList<>(recording.warnings());
            w.addAll(settingWarnings);
            return w;
        }
    }

    /**
     * One fit. Settings that ask for an ensemble (ensemble_seeds or ensemble_segments above 1) are refused: those run
     * through {@link EnsembleJob}, which calls this job once per member.
     */
    public static FitResult run(FitSettings s, ProgressListener listener, CancelToken cancel) throws IOException {
        Plan plan = plan(s);
        plan.warnings().forEach(listener::warning);
        return fit(plan, s, listener, cancel);
    }

    /** Trains a planned fit and writes its files (the plan's warnings have been given). */
    static FitResult fit(Plan plan, FitSettings s, ProgressListener listener, CancelToken cancel) throws IOException {
        listener.message(String.format(java.util.Locale.ROOT, "Fitting %s (%d parameters) to %s: %d training, %d validation, %d test segment(s), δ = %s ms",
                plan.preset.id(), plan.network.parameterCount(), plan.recording.source(), plan.dataset.train().size(),
                plan.dataset.validation().size(), plan.dataset.test().size(), plan.recording.dt()));
        long t0 = System.nanoTime();
        History h = Training.run(plan.trainers, plan.network, new TrainingData(plan.dataset, plan.channels), plan.training, listener, cancel,
                !s.initial_model.isBlank());
        if (h.stopped == StopReason.CANCELLED && h.selected < 0) throw new CancelledException("the fit was cancelled before any snapshot was scored; nothing was written");
        if (h.stopped == StopReason.CANCELLED) listener.message("Cancelled: writing the best so far (" + keptName(h.snapshots.get(h.selected)) + "), marked \"stopped\": \"cancelled\"");
        double fitSeconds = (System.nanoTime() - t0) * 1e-9;
        if (h.selected >= 0) {
            History.Snapshot kept = h.snapshots.get(h.selected);
            listener.message(String.format(java.util.Locale.ROOT, "kept %s (one of %d scored), selected by %s (%.4g)", keptName(kept),
                    h.snapshots.size(), plan.training.selection.id(), kept.selection_value));
        }
        listener.message("Scoring the fitted model in free run…");
        List<MetricsReport> metrics = evaluateParts(plan.network, plan.dataset, plan.channels, plan.training);
        ModelFile mf = new ModelFile();
        ModelFiles.capture(plan.network, mf);
        mf.score = plan.training.score;
        mf.metrics = metrics;
        mf.history = Json.GSON.toJsonTree(h);
        mf.provenance = provenance(s, plan, h, h.trainer);
        Path out = plan.outputDir;
        FitResult r = new FitResult();
        r.network = plan.network;
        r.model = mf;
        r.metrics = metrics;
        r.history = h;
        r.dt = plan.recording.dt();
        r.fitSeconds = fitSeconds;
        r.dataset = plan.dataset;
        r.channels = plan.channels;
        r.training = plan.training;
        r.modelFile = plan.files.get(0);
        Path specFile = plan.files.get(1);
        r.predictionFile = plan.files.get(2);
        r.metricsFile = plan.files.get(3);
        r.plotFiles = plan.files.subList(4, plan.files.size());
        preview(r, plan.network, plan.dataset, plan.channels, plan.training.dump_fraction);
        r.plotFrom_ms = s.plot_from_ms;
        r.plotLength_ms = s.plot_length_ms;
        ModelFiles.write(r.modelFile, mf);
        SpecFiles.write(specFile, plan.network.spec());     // the architecture used, to edit and pass as spec_file
        Outputs.writePrediction(r.predictionFile, plan.network, plan.recording, plan.channels, !s.record_currents.isBlank(), plan.training.dump_fraction);
        Outputs.writeMetrics(r.metricsFile, metrics);
        r.written = List.of(r.modelFile, specFile, r.predictionFile, r.metricsFile);
        Outputs.warnAboutQuality(metrics, listener);
        return r;
    }

    /** Thrown when the user cancelled; nothing has been written. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public CancelledException(String m) { super(m); }
    }

    static void preview(FitResult r, Network net, Dataset d, ChannelMap map, double dump) {
        List<Segment> seg = !d.validation().isEmpty() ? d.validation() : !d.test().isEmpty() ? d.test() : d.train();
        r.previewPart = !d.validation().isEmpty() ? "validation" : !d.test().isEmpty() ? "test" : "train";
        r.preview = FreeRun.run(net, seg.get(0), map, null, dump);
        r.previewSegment = seg.get(0).name();
    }

    static List<MetricsReport> evaluateParts(Network net, Dataset d, ChannelMap map, TrainingSettings t) {
        List<MetricsReport> out = new ArrayList<>();
        String[] names = {"train", "validation", "test"};
        List<List<Segment>> parts = List.of(d.train(), d.validation(), d.test());
        for (int p = 0; p < 3; p++) {
            if (parts.get(p).isEmpty()) continue;
            out.addAll(Validation.evaluate(net, parts.get(p), map, t.score, t.dump_fraction, names[p]));
        }
        return out;
    }

    /** Resolves and checks everything for one fit (not an ensemble member); writes nothing. */
    static Plan plan(FitSettings s) throws IOException {
        EnsembleLayout layout = EnsembleLayout.of(s);
        if (layout.size() > 1)
            throw new InvalidInputException(layout.describe() + " asks for an ensemble of " + layout.size()
                    + " fits; run it with EnsembleJob (Fit RMM does so itself), or set ensemble_seeds=1 and ensemble_segments=1 for one fit");
        return plan(s, null, null);
    }

    /** The recording of a fit, read once and shared by the members of an ensemble. */
    static final class Source {
        final Recording recording;
        final Provenance.InputFile input;
        /** What the outputs are named after unless output_name is given. */
        final String name;

        Source(Recording recording, Provenance.InputFile input, String name) {
            this.recording = recording;
            this.input = input;
            this.name = name;
        }

        static Source open(FitSettings s) throws IOException {
            s.requireRecording("fit");
            Recording rec = s.open();
            return new Source(rec, recordingInput(s), recordingName(s));
        }
    }

    /** The recording's provenance: the file's name, SHA-256 and size, or the table's title, where it was and its rows. */
    static Provenance.InputFile recordingInput(org.rmmfiji.io.RecordingSettings s) throws IOException {
        return s.table() != null ? s.table() : input(Paths.get(s.recording_file));
    }

    /**
     * What outputs are named after: the file's name without its extension ({@code cell1.abf} → {@code cell1}), or the
     * table's title, likewise, with any character a file name cannot hold replaced by '_'.
     */
    static String recordingName(org.rmmfiji.io.RecordingSettings s) {
        if (s.table() == null) return baseName(Paths.get(s.recording_file));
        String n = s.table().name.trim().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        for (String ext : new String[] {".gz", ".csv", ".tsv", ".txt", ".xls"}) if (n.endsWith(ext)) n = n.substring(0, n.length() - ext.length());
        return n.isEmpty() || n.startsWith(".") ? "table" + n : n;
    }

    /**
     * Resolves and checks everything; writes nothing. {@code batch} (may be null: the whole training part) trains on
     * one batch of the training part, as an ensemble member does; {@code source} (may be null: read it) is the
     * recording already read.
     */
    static Plan plan(FitSettings s, TrainingBatch batch, Source source) throws IOException {
        Plan p = new Plan();
        if (source == null) s.requireRecording("fit");
        p.outputDir = Outputs.outputFolder(s.output_dir, "the model file and results");
        requireFiniteNumbers(s);
        if (source == null) source = Source.open(s);
        p.recording = source.recording;
        p.inputs.add(source.input);
        p.batch = batch;
        p.outputName = s.output_name == null || s.output_name.isBlank() ? source.name : s.output_name;

        ModelFile initial = null;
        if (!s.initial_model.isBlank()) {
            Path mp = Paths.get(s.initial_model);
            initial = ModelFiles.read(mp);
            p.inputs.add(input(mp));
        }
        String presetId = initial != null && initial.spec.preset != null && s.spec_file.isBlank() ? initial.spec.preset : s.preset;
        p.preset = Presets.get(presetId);
        Preset.Defaults d = p.preset.defaults();
        ModelSpec fileSpec = null;
        if (!s.spec_file.isBlank()) {
            Path sp = Paths.get(s.spec_file);
            fileSpec = SpecFiles.read(sp);
            p.inputs.add(input(sp));
        }
        int nNeurons = fileSpec != null ? fileSpec.neurons.size() : initial != null ? initial.spec.neurons.size() : p.preset.neuronCount();
        int nInputs = fileSpec != null ? fileSpec.inputs.size() : initial != null ? initial.spec.inputs.size() : p.preset.inputCount();
        String neuronsGiven = s.neurons, inputsGiven = s.inputs, currentsGiven = s.currents;
        if (initial != null && neuronsGiven.isBlank() && !initial.provenance.voltage_channels.isEmpty()) {
            List<String> vc = initial.provenance.voltage_channels;
            neuronsGiven = String.join(",", vc.subList(0, nNeurons));
            if (inputsGiven.isBlank()) inputsGiven = String.join(",", vc.subList(nNeurons, vc.size()));
            if (currentsGiven.isBlank()) {
                List<String> cc = new ArrayList<>();
                for (String c : initial.provenance.current_channels) cc.add(c.isEmpty() ? "none" : c);
                currentsGiven = String.join(",", cc);
            }
        }
        List<String> neurons = ChannelGuess.neurons(p.recording, neuronsGiven, nNeurons);
        List<String> inputs = ChannelGuess.inputs(p.recording, inputsGiven, neurons, nInputs);
        p.currentChannels = ChannelGuess.currents(p.recording, currentsGiven, neurons);
        if (currentsGiven.isBlank()) p.settingWarnings.addAll(ChannelGuess.withoutCurrent(p.recording, neurons, p.currentChannels));
        p.voltageChannels = new ArrayList<>(neurons);
        p.voltageChannels.addAll(inputs);
        if ((nNeurons != Preset.ANY && neurons.size() != nNeurons) || (nInputs != Preset.ANY && inputs.size() != nInputs))
            throw new InvalidInputException("the model has " + count(nNeurons) + " neuron(s) and " + count(nInputs) + " input(s); got neurons " + neurons + " and inputs " + inputs);

        if (initial != null) {
            if (Math.abs(initial.dt_ms - p.recording.dt()) > 1e-6 * initial.dt_ms)
                throw new InvalidInputException(s.initial_model + ": the model's step is " + initial.dt_ms + " ms but the recording's is " + p.recording.dt() + " ms");
            if (!s.connectivity.isBlank() || s.synapse_sparsity != null)
                throw new InvalidInputException("connectivity and synapse_sparsity shape a new model; a fit continued from initial_model keeps that model's synapses");
            p.network = ModelFiles.toNetwork(initial, s.initial_model);
        } else {
            ModelSpec spec = fileSpec != null ? fileSpec : p.preset.build(names(neurons), names(inputs));
            if (!s.connectivity.isBlank()) Circuits.connect(spec, Connectivity.parse(s.connectivity, spec.neurons, spec.inputs));
            if (s.synapse_sparsity != null) {
                if (!(s.synapse_sparsity >= 0)) throw new InvalidInputException("synapse_sparsity must be ≥ 0, got " + s.synapse_sparsity);
                Circuits.setSparsity(spec, s.synapse_sparsity);
            }
            if (p.preset.neuronCount() == Preset.ANY && fileSpec == null && spec.edges.stream().allMatch(e -> e.intrinsic()))
                throw new InvalidInputException("preset " + p.preset.id() + " couples cells, but the model has no synapse: neurons " + spec.neurons
                        + ", inputs " + spec.inputs + (s.connectivity.isBlank() ? "" : ", connectivity " + s.connectivity)
                        + "; name at least two voltage channels (neurons=, inputs=) or a connectivity with a synapse");
            realize(spec, s.filter_realization);
            if (s.capacitance_nF != null) {
                if (!(s.capacitance_nF > 0)) throw new InvalidInputException("capacitance_nF must be a positive number of nF (leave it unset to learn 1/C), got " + s.capacitance_nF);
                spec.capacitance_nF = s.capacitance_nF;
            }
            p.network = new Network(spec, p.recording.dt());
            p.network.initialise(new Rng(s.seed));
        }
        p.channels = ChannelMap.bind(p.recording, p.network, p.voltageChannels, p.currentChannels);
        p.dataset = split(s, p.recording, d, p.splitUsed);
        if (batch != null) {
            p.batchRanges = batch.ranges(p.dataset);
            batch.record(p.splitUsed, p.batchRanges);
            p.dataset = batch.apply(p.dataset);
        }

        TrainingSettings t = new TrainingSettings(d);
        t.epochs = orDefault(s.epochs, t.epochs);
        t.batch_size = orDefault(s.batch_size, t.batch_size);
        t.learning_rate = orDefault(s.learning_rate, t.learning_rate);
        t.l2 = orDefault(s.l2, t.l2);
        if (s.tf_weight_scale != null) t.tf_weight_scale = s.tf_weight_scale == 0 ? null : s.tf_weight_scale;   // 0: equal weights
        t.snapshot_every = orDefault(s.snapshot_every, t.snapshot_every);
        if (!s.selection.isBlank()) t.selection = SelectionMetric.of(s.selection);
        t.closed_loop_epochs = orDefault(s.closed_loop_epochs, t.closed_loop_epochs);
        t.shot_ms = orDefault(s.shot_ms, t.shot_ms);
        t.shots_per_batch = orDefault(s.shots_per_batch, t.shots_per_batch);
        t.rho_v = orDefault(s.rho_v, t.rho_v);
        t.rho_x = orDefault(s.rho_x, t.rho_x);
        if (s.gamma != null) t.gamma = t.gamma_final = s.gamma;
        t.gamma_final = orDefault(s.gamma_final, t.gamma_final);
        if (s.train_initial_states != null) t.train_initial_states = s.train_initial_states;
        t.closed_loop_learning_rate = orDefault(s.closed_loop_learning_rate, t.closed_loop_learning_rate);
        t.closed_loop_l2 = orDefault(s.closed_loop_l2, t.closed_loop_l2);
        t.seed = s.seed;
        t.threads = orDefault(s.threads, t.threads);
        p.trainers = Trainers.pipeline(s.trainer.isBlank() ? d.trainer : s.trainer);
        p.settingWarnings.addAll(unusedSettings(s, p.trainers));
        t.validate(p.recording.dt());
        if (Trainers.closedLoop(p.trainers))   // before any stage runs, not when the shooting stage starts
            Shots.check(p.network, p.dataset.train(), ClosedLoopTrainer.shotSamples(t, p.recording.dt()), t.dump_fraction);
        checkLengths(p, t);
        p.training = t;
        p.files = outputFiles(p.outputDir, p.outputName, p.network);
        Outputs.requireAbsent(p.files, s.overwrite, "Fit RMM");
        return p;
    }

    /** Keys only a teacher-forcing stage reads. */
    static final List<String> TEACHER_FORCING_KEYS = List.of("epochs", "batch_size", "learning_rate", "l2", "tf_weight_scale");
    /** Keys only a closed-loop stage (multiple shooting, GTF) reads. */
    static final List<String> CLOSED_LOOP_KEYS = List.of("closed_loop_epochs", "shot_ms", "shots_per_batch", "rho_v", "rho_x",
            "train_initial_states", "closed_loop_learning_rate", "closed_loop_l2");
    /** Keys only a GTF stage reads. */
    static final List<String> GTF_KEYS = List.of("gamma", "gamma_final");

    /**
     * A warning for the training settings the user set that no stage of the pipeline reads: teacher forcing and the
     * closed-loop stages each have their own epochs, Adam and L2, so {@code epochs=200} or {@code learning_rate=1e-3}
     * with a preset that shoots from the start would otherwise change nothing, quietly.
     */
    static List<String> unusedSettings(FitSettings s, List<Trainer> stages) {
        List<String> ids = new ArrayList<>();
        for (Trainer x : stages) ids.add(x.id());
        String pipeline = String.join("+", ids);
        List<String> out = new ArrayList<>();
        if (!ids.contains(TeacherForcingTrainer.ID))
            unused(s, TEACHER_FORCING_KEYS, " is a teacher-forcing setting", " are teacher-forcing settings",
                    ", but the trainer " + pipeline + " has no teacher-forcing stage", " (its own: " + String.join(", ", CLOSED_LOOP_KEYS)
                            + "; or trainer=\"teacher-forcing+" + pipeline + "\" to warm-start by teacher forcing)", out);
        List<String> closedLoopAndGtf = new ArrayList<>(CLOSED_LOOP_KEYS);
        closedLoopAndGtf.addAll(GTF_KEYS);
        if (!Trainers.closedLoop(stages))
            unused(s, closedLoopAndGtf, " is a setting", " are settings", " of multiple shooting or GTF, but the trainer " + pipeline + " has neither", "", out);
        else if (!ids.contains(ClosedLoopTrainer.GTF))
            unused(s, GTF_KEYS, " only pulls", " only pull", " a GTF stage toward the data, but the trainer " + pipeline + " has none", "", out);
        return out;
    }

    /**
     * Adds to {@code out} one warning naming the keys among {@code keys} the user set (not left unset), when there are
     * any: "k=v, …" + what they are (said of one key or of several) + why they are not read + ", so … nothing" + more.
     */
    private static void unused(FitSettings s, List<String> keys, String isOne, String areMany, String why, String more, List<String> out) {
        List<String> set = new ArrayList<>();
        for (String k : keys) {
            java.lang.reflect.Field f = SettingsKeys.field(FitSettings.class, k);
            if (f == null) throw new IllegalStateException("FitSettings has no key " + k);
            Object v;
            try {
                v = f.get(s);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (v != null) set.add(k + "=" + v);
        }
        if (set.isEmpty()) return;
        boolean one = set.size() == 1;
        out.add(String.join(", ", set) + (one ? isOne : areMany) + why + (one ? ", so it changes" : ", so they change") + " nothing" + more);
    }

    /** Every numeric setting must be a number: NaN would otherwise fall through to a default unnoticed. */
    static void requireFiniteNumbers(FitSettings s) {
        for (java.lang.reflect.Field f : FitSettings.class.getFields()) {
            if (f.getType() != double.class && f.getType() != Double.class) continue;
            try {
                Object v = f.get(s);
                if (v != null && !Double.isFinite((Double) v)) throw new InvalidInputException(f.getName() + " must be a finite number, got " + v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Re-realises every filter bank as diagonal or GOBF, keeping the τ grids ("preset" keeps the spec's). */
    static void realize(ModelSpec spec, String realization) {
        if (realization == null || realization.isBlank() || realization.equals("preset")) return;
        if (!realization.equals("diagonal") && !realization.equals("gobf"))
            throw new InvalidInputException("filter_realization must be preset, diagonal or gobf; got '" + realization + "'");
        for (org.rmmfiji.model.EdgeSpec e : spec.edges) {
            // a conductance-based synapse's gates are monotone in the voltage history only on diagonal filters
            if (e.currents.stream().anyMatch(c -> "synaptic".equals(c.type))) continue;
            for (org.rmmfiji.model.FilterBankSpec.BlockSpec b : e.filter_bank.blocks()) b.type = realization;
        }
    }

    private static String count(int n) { return n == Preset.ANY ? "any number of" : Integer.toString(n); }

    private static int orDefault(Integer given, int preset) { return given != null ? given : preset; }

    private static double orDefault(Double given, double preset) { return given != null ? given : preset; }

    private static void checkLengths(Plan p, TrainingSettings t) {
        int k0 = FreeRun.transientSamples(p.network, t.dump_fraction);
        for (List<Segment> part : List.of(p.dataset.train(), p.dataset.validation(), p.dataset.test())) {
            for (Segment seg : part) {
                // training rows start after the transient of their own part; a free run also warms up on a part's lead
                boolean training = part == p.dataset.train();
                int first = training ? k0 : FreeRun.firstSample(p.network, seg, t.dump_fraction), lead = k0 - first;
                if (seg.length() < first + 2)
                    throw new InvalidInputException(seg.name() + " has " + seg.length() + " samples (" + String.format("%.1f", seg.length() * p.recording.dt())
                            + " ms), shorter than the filters' transient of " + k0 + " samples (≈4.6 τ_max = " + String.format("%.1f", k0 * p.recording.dt())
                            + " ms) that is dropped after warm-up" + (lead > 0 ? ", less the " + lead + " samples of recording just before it" : "") + "; "
                            + (p.batch != null && training ? "ensemble_segments=" + p.batch.count() + " cuts each training part into "
                                    + p.batch.count() + " batches: use fewer ensemble_segments, a larger train_fraction or more data"
                                    : "use longer segments or a split with longer parts"));
            }
        }
        if (p.dataset.train().isEmpty()) throw new InvalidInputException("the split leaves no training data");
    }

    /** The files a fit writes, never those of Predict RMM (which end in -predicted…). */
    static List<Path> outputFiles(Path dir, String name, Network net) {
        List<Path> f = new ArrayList<>(List.of(dir.resolve(name + ModelFiles.SUFFIX), dir.resolve(name + SpecFiles.SUFFIX),
                dir.resolve(name + "-prediction.csv"), dir.resolve(name + "-metrics.csv")));
        f.addAll(Outputs.plotFiles(dir, name + "-prediction", net));
        return f;
    }

    /** The dataset of the split; what was applied is put into {@code used} (may be null). */
    static Dataset split(FitSettings s, Recording rec, Preset.Defaults d, Map<String, Object> used) {
        if ("segments".equals(s.split)) {
            if (used != null) {
                used.put("split", "segments");
                used.put("train_segments", s.train_segments);
                used.put("validation_segments", s.validation_segments);
                used.put("test_segments", s.test_segments);
            }
            return Dataset.bySegments(rec, ChannelGuess.indices(s.train_segments, "train_segments"),
                    ChannelGuess.indices(s.validation_segments, "validation_segments"), ChannelGuess.indices(s.test_segments, "test_segments"));
        }
        if (!"fraction".equals(s.split)) throw new InvalidInputException("split must be 'fraction' or 'segments', got '" + s.split + "'");
        double tf = orDefault(s.train_fraction, d.train_fraction);
        double vf = orDefault(s.validation_fraction, d.validation_fraction);
        if (used != null) {
            used.put("split", "fraction");
            used.put("train_fraction", tf);
            used.put("validation_fraction", vf);
        }
        return Dataset.byFraction(rec, tf, vf);
    }

    static List<String> names(List<String> channels) {
        List<String> out = new ArrayList<>();
        for (String c : channels) out.add(ChannelGuess.neuronName(c));
        return out;
    }

    static String baseName(Path p) {
        String n = p.getFileName().toString();
        for (String ext : new String[] {".gz", ".csv", ".tsv", ".txt", ".abf"}) if (n.endsWith(ext)) n = n.substring(0, n.length() - ext.length());
        return n;
    }

    static Provenance.InputFile input(Path file) throws IOException {
        Provenance.InputFile in = new Provenance.InputFile();
        in.name = file.getFileName().toString();
        in.sha256 = ModelFiles.sha256(file);
        in.bytes = Files.size(file);
        return in;
    }

    static Provenance provenance(FitSettings s, Plan p, History h, String trainer) {
        Provenance pr = new Provenance();
        pr.inputs = p.inputs;
        pr.voltage_channels = p.voltageChannels;
        pr.current_channels = p.currentChannels;
        pr.recording_notes = p.recording.notes();
        Map<String, Object> settings = Json.GSON.fromJson(Json.GSON.toJsonTree(s), new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
        pr.settings = settings;
        pr.split = p.splitUsed;
        pr.training = Json.GSON.fromJson(Json.GSON.toJsonTree(p.training), new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
        pr.trainer = trainer;
        pr.seed = p.training.seed;
        pr.threads = p.training.threads;
        pr.software_version = SoftwareVersion.version();
        pr.software_commit = SoftwareVersion.commit();
        pr.jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        pr.kernels = Kernels.get().name();
        pr.feature_store = org.rmmfiji.train.TeacherForcingTrainer.streamsFeatures(p.network, new TrainingData(p.dataset, p.channels), p.training.dump_fraction)
                ? "streamed" : "in memory";
        pr.os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        pr.created = Instant.now().toString();
        pr.capacitance_fixed = p.network.capacitanceFixed();
        if (pr.capacitance_fixed) pr.notes.add("capacitance fixed at " + p.network.spec().capacitance_nF + " nF");
        if (h.selected >= 0) pr.notes.add("kept " + keptName(h.snapshots.get(h.selected)) + ", selected by " + p.training.selection.id());
        if (p.batch != null) pr.notes.add("an ensemble member: trained on batch " + p.batch.batch() + " of " + p.batch.count() + " of the training part (split.ensemble_batch)");
        if (h.stopped != StopReason.COMPLETED) pr.notes.add("training stopped: " + h.stopped.id() + (h.stop_detail != null ? " (" + h.stop_detail + ")" : ""));
        return pr;
    }

    /** How a kept snapshot is named to the user: its epoch, or the model a continued fit started from, which no snapshot of training beat. */
    static String keptName(History.Snapshot kept) {
        return History.STARTING_MODEL.equals(kept.trainer) ? "the model the fit started from (no snapshot of training beat it on validation)"
                : "the snapshot of epoch " + kept.epoch;
    }
}
