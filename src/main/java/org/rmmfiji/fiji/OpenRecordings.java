package org.rmmfiji.fiji;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.RecordingSettings;

/**
 * The recordings Open Recording has opened in this Fiji, by trace-window title: what was read and how (the file and
 * its reading keys), so that a later command given {@code recording=[title]} reads exactly the same data, and its
 * provenance names the file. A closed window's recording stays available until Fiji quits.
 */
final class OpenRecordings {
    private OpenRecordings() {}

    private static final Map<String, RecordingSettings> OPEN = new LinkedHashMap<>();

    /** Registers what was opened under {@code title}, or {@code title-2}, {@code title-3}, … when taken; returns the title used. */
    static synchronized String register(String title, RecordingSettings how) {
        String t = title;
        for (int k = 2; OPEN.containsKey(t) && !same(OPEN.get(t), how); k++) t = title + "-" + k;
        RecordingSettings copy = new RecordingSettings();
        copy.readAs(how);
        OPEN.put(t, copy);
        return t;
    }

    private static boolean same(RecordingSettings a, RecordingSettings b) {
        RecordingSettings x = new RecordingSettings(), y = new RecordingSettings();
        x.readAs(a);
        y.readAs(b);
        return org.rmmfiji.io.Json.GSON.toJson(x).equals(org.rmmfiji.io.Json.GSON.toJson(y));
    }

    static synchronized List<String> titles() { return new ArrayList<>(OPEN.keySet()); }

    /**
     * When the settings name an open recording ({@code recording}), fills in its file and reading keys; giving both a
     * window and a different file is refused, as is a title nothing was opened under (with the titles that were).
     */
    static synchronized <T extends RecordingSettings> T resolve(T s) {
        if (s.recording == null || s.recording.isBlank()) return s;
        String title = s.recording.trim();
        RecordingSettings how = OPEN.get(title);
        if (how == null)
            throw new InvalidInputException("recording=[" + title + "]: no trace window of that title was opened by Open Recording"
                    + (OPEN.isEmpty() ? " (none is open)" : "; open: " + String.join(", ", OPEN.keySet())));
        if (s.recording_file != null && !s.recording_file.isBlank() && !s.recording_file.equals(how.recording_file))
            throw new InvalidInputException("give recording (a trace window) or recording_file, not both: recording=[" + title + "] is " + how.recording_file
                    + ", recording_file is " + s.recording_file);
        s.readAs(how);
        return s;
    }
}
