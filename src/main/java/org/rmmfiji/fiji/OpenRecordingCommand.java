package org.rmmfiji.fiji;

import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.OpenRecordingSettings;

/**
 * Open Recording ({@code File › Import › Electrophysiology Recording…}): any readable recording → a trace window (the
 * chosen channels of one segment) and a summary in the Results table (one row per channel: unit, segments, samples,
 * duration, range). The recording stays available by the window's title: Fit RMM, Predict RMM and the Inspect commands
 * take {@code recording=[title]} instead of a file, and read it exactly as it was opened here.
 */
@Plugin(type = Command.class, label = "Open Recording", headless = true,
        description = "Open an electrophysiology recording (ABF, MAT, NWB, CSV) as a trace window and a summary table; later commands take it by title")
public class OpenRecordingCommand extends RecordingCommand {
    /** Every default is the settings class's: one source for the dialog, macros and the launcher. */
    private static final OpenRecordingSettings DEFAULTS = new OpenRecordingSettings();
    @Parameter private LogService log;

    @Parameter(label = "Channels to draw (empty: all)", required = false, persist = false)
    private String channels = DEFAULTS.channels;
    @Parameter(label = "Segment to draw (sweep or file, from 0)", min = "0", persist = false)
    private int segment = DEFAULTS.segment;
    @Parameter(label = "From (ms)", min = "0", persist = false)
    private double from_ms = DEFAULTS.from_ms;
    @Parameter(label = "Length (ms, 0: all)", min = "0", persist = false)
    private double length_ms = DEFAULTS.length_ms;

    /** The trace window's title, which later commands take as {@code recording=[title]}. */
    @Parameter(type = ItemIO.OUTPUT) private String window_title;
    @Parameter(type = ItemIO.OUTPUT) private String summary;
    @Parameter(type = ItemIO.OUTPUT) private String warnings;

    @Override
    public void run() {
        try {
            OpenRecordingSettings s = CommandFields.copy(this, new OpenRecordingSettings());
            if (s.recording != null && !s.recording.isBlank())
                throw new InvalidInputException("Open Recording reads a file: give recording_file, not recording=[" + s.recording + "]");
            Recording rec = s.open();
            rec.segment(s.segment);                     // refuses a segment the recording does not have
            List<Integer> chosen = TraceFigure.channels(rec, s.channels);
            String title = Paths.get(s.recording_file).getFileName().toString();
            ImagePlus figure = TraceFigure.build(title, rec, s.segment, chosen, s.from_ms, s.length_ms);   // checks the window before registering
            window_title = OpenRecordings.register(title, s);
            figure.setTitle(window_title);
            figure.setProperty("Info", summarise(rec));
            for (String w : rec.warnings()) log.warn(w);
            warnings = String.join("\n", rec.warnings());
            table(rec);
            summary = summarise(rec);
            log.info("Open Recording: " + window_title + "\n" + summary);
            if (!java.awt.GraphicsEnvironment.isHeadless()) figure.show();
        } catch (InvalidInputException e) {
            log.error("Open Recording: " + e.getMessage());
            cancel("Open Recording: " + e.getMessage());
        } catch (java.io.IOException e) {
            log.error("Open Recording: could not read " + e.getMessage());
            cancel("Open Recording: could not read " + e.getMessage());
        }
    }

    /** One row per channel in the Results table, for macros: channel, unit, segments, samples, duration_ms, dt_ms, min, max. */
    static ResultsTable table(Recording rec) {
        ResultsTable rt = ResultsTable.getResultsTable();
        if (rt == null) rt = new ResultsTable();
        rt.reset();
        for (int c = 0; c < rec.channels().size(); c++) {
            Channel ch = rec.channels().get(c);
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (Segment seg : rec.segments())
                for (int k = 0; k < seg.length(); k++) {
                    float v = seg.get(c, k);
                    if (Float.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
                }
            rt.incrementCounter();
            rt.addValue("channel", ch.name());
            rt.addValue("unit", ch.unit());
            rt.addValue("segments", rec.segments().size());
            rt.addValue("samples", rec.totalSamples());
            rt.addValue("duration_ms", rec.durationMs());
            rt.addValue("dt_ms", rec.dt());
            rt.addValue("min", lo);
            rt.addValue("max", hi);
        }
        rt.show("Results");
        return rt;
    }

    static String summarise(Recording rec) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d channel(s), %d segment(s), %.1f s at %.4g ms", rec.source(), rec.channels().size(),
                rec.segments().size(), rec.durationMs() / 1000, rec.dt()));
        for (Channel c : rec.channels()) sb.append("\n  ").append(c.name()).append(" (").append(c.unit()).append(')');
        for (String w : rec.warnings()) sb.append("\n  warning: ").append(w);
        return sb.toString();
    }
}
