package org.rmmfiji.fiji;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.io.Provenance;
import org.rmmfiji.io.ReadOptions;
import org.rmmfiji.io.Json;
import org.rmmfiji.io.OpenRecordingSettings;
import org.rmmfiji.io.RecordingSettings;
import org.rmmfiji.io.TableRecordings;

/**
 * The recordings Open Recording has opened in this Fiji, by trace-window title: what was read and how (the file and
 * its reading keys), so that a later command given {@code recording=[title]} reads exactly the same data, and its
 * provenance names the file. A closed window's recording stays available until Fiji quits. A title no trace window has
 * may name an open table ({@link OpenTables}), which is read as it is when the command runs.
 */
final class OpenRecordings {
    private OpenRecordings() {}

    /** What each trace window was opened with: how its file is read, and what it shows (to draw it again with a prediction). */
    private static final Map<String, OpenRecordingSettings> OPEN = new LinkedHashMap<>();

    /** Registers what was opened under {@code title}, or {@code title-2}, {@code title-3}, … when taken; returns the title used. */
    static synchronized String register(String title, OpenRecordingSettings how) {
        String t = title;
        for (int k = 2; OPEN.containsKey(t) && !same(OPEN.get(t), how); k++) t = title + "-" + k;
        OPEN.put(t, Json.GSON.fromJson(Json.GSON.toJson(how), OpenRecordingSettings.class));   // a copy: later edits do not reach it
        return t;
    }

    /** The settings a trace window was opened with; null for a title no trace window was opened under. */
    static synchronized OpenRecordingSettings shown(String title) { return OPEN.get(title); }

    private static boolean same(RecordingSettings a, RecordingSettings b) {
        RecordingSettings x = new RecordingSettings(), y = new RecordingSettings();
        x.readAs(a);
        y.readAs(b);
        return Json.GSON.toJson(x).equals(Json.GSON.toJson(y));
    }

    static synchronized List<String> titles() { return new ArrayList<>(OPEN.keySet()); }

    /**
     * When the settings name an open recording ({@code recording}), fills in its file and reading keys; when no trace
     * window has that title but an open table has ({@link OpenTables}), converts the table (columns {@code t_ms} and
     * {@code <name>_<unit>}, as a CSV's) and gives it to the settings, described for provenance by its title, the kind of
     * window and its rows. Giving both a window and a different file is refused, as is a title nothing is open under
     * (with the trace windows and tables that are).
     */
    static synchronized <T extends RecordingSettings> T resolve(T s) {
        if (s.recording == null || s.recording.isBlank()) return s;
        String title = s.recording.trim();
        RecordingSettings how = OPEN.get(title);
        if (how == null) return fromTable(s, title);
        if (s.recording_file != null && !s.recording_file.isBlank() && !s.recording_file.equals(how.recording_file))
            throw new InvalidInputException("give recording (a trace window) or recording_file, not both: recording=[" + title + "] is " + how.recording_file
                    + ", recording_file is " + s.recording_file);
        s.readAs(how);
        return s;
    }

    private static <T extends RecordingSettings> T fromTable(T s, String title) {
        OpenTables.Table t = OpenTables.find(title);
        if (t == null) {
            List<String> tables = OpenTables.titles();
            throw new InvalidInputException("recording=[" + title + "]: no trace window of that title was opened by Open Recording, and no table of that title is open"
                    + " (trace windows: " + (OPEN.isEmpty() ? "none" : String.join(", ", OPEN.keySet()))
                    + "; tables: " + (tables.isEmpty() ? "none" : String.join(", ", tables)) + ")");
        }
        if (s.recording_file != null && !s.recording_file.isBlank())
            throw new InvalidInputException("give recording (a trace window or table) or recording_file, not both: recording=[" + title + "] is a table, recording_file is "
                    + s.recording_file);
        ReadOptions options = ReadOptions.of(s.sampling_step_ms, s.mat_voltage_unit, s.mat_current_unit, s.nwb_series);
        Recording rec = TableRecordings.fromColumns("table '" + title + "'", t.names, t.columns, options);
        Provenance.InputFile described = new Provenance.InputFile();
        described.name = title;
        described.source = t.kind;
        described.rows = t.rows;
        s.readTable(rec, described);
        return s;
    }
}
