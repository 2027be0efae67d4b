package org.rmmfiji.job;

import org.rmmfiji.train.ProgressListener;
import org.rmmfiji.train.TrainingSettings;
import org.rmmfiji.train.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.metrics.ScoreSettings;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;

/** A fitted model and a recording → the free-run prediction CSV, and metrics (the recorded voltage is there). */
public final class PredictJob {
    private PredictJob() {}

    /**
     * Binds a fitted model to a recording: the channels given in the settings, else those the model was fitted on
     * (its provenance); the recording's step must be the model's.
     */
    static ChannelMap bind(ModelRunSettings s, Recording rec, Network net, ModelFile mf) {
        if (Math.abs(rec.dt() - net.dt()) > 1e-6 * net.dt())
            throw new InvalidInputException(rec.source() + " is sampled every " + rec.dt() + " ms but the model was fitted at δ = " + net.dt()
                    + " ms; the model's step must equal the data's (set resample_ms=" + net.dt() + " if that is a whole multiple)");
        int m = net.modelledCount(), n = net.voltageCount();
        List<String> voltages = new ArrayList<>();
        List<String> givenNeurons = ChannelGuess.channels(rec, s.neurons), givenInputs = ChannelGuess.channels(rec, s.inputs);
        List<String> fitted = mf.provenance.voltage_channels;
        voltages.addAll(!givenNeurons.isEmpty() ? givenNeurons : fitted.subList(0, Math.min(m, fitted.size())));
        voltages.addAll(!givenInputs.isEmpty() ? givenInputs : fitted.subList(Math.min(m, fitted.size()), fitted.size()));
        if (voltages.size() != n)
            throw new InvalidInputException("the model needs " + n + " voltage channel(s) (" + m + " modelled, " + (n - m) + " input); got " + voltages);
        List<String> currents = !s.currents.isBlank() ? ChannelGuess.currents(rec, s.currents, voltages.subList(0, m)) : mf.provenance.current_channels;
        return ChannelMap.bind(rec, net, voltages, currents);
    }

    public static FitResult run(PredictSettings s, ProgressListener listener) throws IOException {
        if (s.model_file.isBlank()) throw new InvalidInputException("model_file is not set: choose a fitted model (*.rmm.json)");
        s.requireRecording("predict");
        Path out = Outputs.outputFolder(s.output_dir, "the prediction");
        ModelFile mf = ModelFiles.read(Paths.get(s.model_file));
        Network net = ModelFiles.toNetwork(mf, s.model_file);
        Recording rec = s.open();
        for (String w : rec.warnings()) listener.warning(w);
        ChannelMap map = bind(s, rec, net, mf);
        ScoreSettings score = mf.score != null ? mf.score : new ScoreSettings();
        TrainingSettings t = new TrainingSettings();
        t.score = score;
        Dataset all = new Dataset(rec, List.of(), rec.segments(), List.of());
        String name = (s.output_name.isBlank() ? FitJob.recordingName(s) : s.output_name) + "-predicted";
        FitResult r = new FitResult();
        r.network = net;
        r.model = mf;
        r.dt = net.dt();
        // distinct from Fit RMM's NAME-prediction.csv and NAME-metrics.csv, so a fit's results are never replaced
        r.predictionFile = out.resolve(name + ".csv");
        r.metricsFile = out.resolve(name + "-metrics.csv");
        r.plotFiles = Outputs.plotFiles(out, name, net);
        List<Path> files = new ArrayList<>(List.of(r.predictionFile, r.metricsFile));
        files.addAll(r.plotFiles);
        Outputs.requireAbsent(files, s.overwrite, "Predict RMM");
        r.plotFrom_ms = s.plot_from_ms;
        r.plotLength_ms = s.plot_length_ms;
        listener.message("Predicting " + rec.source() + " with " + Paths.get(s.model_file).getFileName() + "…");
        List<MetricsReport> metrics = Validation.evaluate(net, rec.segments(), map, score, t.dump_fraction, "recording");
        r.metrics = metrics;
        FitJob.preview(r, net, all, map, t.dump_fraction);
        r.previewPart = "recording";
        Outputs.writePrediction(r.predictionFile, net, rec, map, !s.record_currents.isBlank(), t.dump_fraction);
        Outputs.writeMetrics(r.metricsFile, metrics);
        r.written = List.of(r.predictionFile, r.metricsFile);
        Outputs.warnAboutQuality(metrics, listener);
        return r;
    }
}
