package org.rmmfiji.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.AtomicFiles;
import org.rmmfiji.io.CsvRecordings;
import org.rmmfiji.metrics.MetricsReport;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;
import org.rmmfiji.train.ProgressListener;

/** Writes the prediction CSV and the metrics table shared by Fit RMM and Predict. */
final class Outputs {
    private Outputs() {}

    /**
     * (edge, current, output) of every current and, for conductance-based ones, their conductance, for the prediction
     * CSV. Gates have no unit the recording readers take, so they stay out of it (the coupling and current figures
     * carry them).
     */
    static int[][] allCurrents(Network net) {
        List<int[]> l = new ArrayList<>();
        for (int e = 0; e < net.edges().size(); e++)
            for (int c = 0; c < net.edges().get(e).currents().size(); c++) {
                l.add(new int[] {e, c, 0});
                int g = net.edges().get(e).currents().get(c).outputs().indexOf("conductance");
                if (g > 0) l.add(new int[] {e, c, g});
            }
        return l.toArray(new int[0][]);
    }

    /** The column of one output, named after its quantity and unit: I_LP_intrinsic_pred_nA (current), g_V_Na_pred_uS (conductance). */
    static String currentColumn(Network net, int[] eco) {
        Edge edge = net.edges().get(eco[0]);
        Current c = edge.currents().get(eco[1]);
        String output = c.outputs().get(eco.length > 2 ? eco[2] : 0);
        String post = net.voltageName(edge.post());
        String pre = edge.intrinsic() ? "" : "_from_" + net.voltageName(edge.pre());
        String body = post + "_" + c.name() + pre + "_pred";
        switch (output) {
            case "current": return "I_" + body + "_nA";
            case "conductance": return "g_" + body + "_uS";
            default: throw new IllegalArgumentException("the prediction file has no column for output '" + output + "'");
        }
    }

    /** Free-runs every segment of the recording and writes t_ms, recorded and predicted voltages, chosen currents. */
    static void writePrediction(Path file, Network net, Recording rec, ChannelMap map, boolean withCurrents, double dumpFraction) throws IOException {
        int[][] cur = withCurrents ? allCurrents(net) : new int[0][];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < net.modelledCount(); i++) {
            names.add("V_" + net.voltageName(i) + "_mV");
            names.add("V_" + net.voltageName(i) + "_pred_mV");
        }
        for (int[] ec : cur) names.add(currentColumn(net, ec));
        List<List<double[]>> segs = new ArrayList<>();
        double[] starts = new double[rec.segments().size()];
        int s = 0;
        for (Segment seg : rec.segments()) {
            FreeRun.Result r = FreeRun.run(net, seg, map, cur, dumpFraction);
            List<double[]> cols = new ArrayList<>();
            for (int i = 0; i < net.modelledCount(); i++) {
                cols.add(r.measured[i]);
                cols.add(r.predicted[i]);
            }
            for (int c = 0; c < cur.length; c++) cols.add(r.currents[c]);
            segs.add(cols);
            starts[s++] = r.start * net.dt();
        }
        CsvRecordings.write(file, net.dt(), starts, names, segs, true);   // segment column always: t_ms restarts per segment
    }

    static void writeMetrics(Path file, List<MetricsReport> reports) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("neuron,part,score,loss,gamma,spike_count_ratio,spikes_data,spikes_model,subthreshold_rmse_mV,variance_explained,diverged,duration_ms,"
                    + "quality,quality_reason\n");
            for (MetricsReport r : reports) {
                w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%d,%d,%s,%s,%s,%s,%s,%s%n", r.neuron, r.part, r.score, r.loss, r.gamma,
                        r.spike_count_ratio, r.spikes_data, r.spikes_model, r.subthreshold_rmse_mV, r.variance_explained, r.diverged, r.duration_ms,
                        Quality.verdict(r), Quality.reason(r)));
            }
        });
    }

    /** One WARNING line per report that is not ok. */
    static void warnAboutQuality(List<MetricsReport> reports, ProgressListener listener) {
        for (MetricsReport m : reports) {
            String w = Quality.warning(m);
            if (w != null) listener.warning(w);
        }
    }

    /** The plot files of a prediction base name: base.png for the first neuron, base-NAME.png for the others. */
    static List<Path> plotFiles(Path dir, String base, Network net) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < net.modelledCount(); i++) out.add(dir.resolve(i == 0 ? base + ".png" : base + "-" + net.voltageName(i) + ".png"));
        return out;
    }

    /** The output folder a user named: set, and a folder (or not there yet); {@code purpose} says what goes into it. */
    static Path outputFolder(String dir, String purpose) {
        if (dir == null || dir.isBlank()) throw new InvalidInputException("output_dir is not set: choose a folder for " + purpose);
        Path out = java.nio.file.Paths.get(dir);
        if (Files.exists(out) && !Files.isDirectory(out)) throw new InvalidInputException("output_dir " + out + " is a file, not a folder");
        return out;
    }

    /**
     * Refuses, before any work, to replace a file unless asked to: names differ per command, so this only ever
     * stops a command from replacing its own earlier results.
     */
    static void requireAbsent(List<Path> files, boolean overwrite, String command) {
        if (overwrite) return;
        for (Path f : files)
            if (Files.exists(f))
                throw new InvalidInputException(f.toAbsolutePath() + " exists already; choose another output_name or output_dir, or set overwrite=true to let "
                        + command + " replace its earlier files");
    }

    /** A number as the tables write it: six significant digits, NaN for anything not finite. */
    static String num(double x) { return Double.isFinite(x) ? String.format(java.util.Locale.ROOT, "%.6g", x) : "NaN"; }
}
