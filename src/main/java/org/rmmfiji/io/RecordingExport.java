package org.rmmfiji.io;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;

/** Any recording the readers open → the project's CSV dialect, with chosen channels, sweeps and preprocessing. */
public final class RecordingExport {
    private RecordingExport() {}

    public static Path run(ExportSettings s) throws IOException {
        return run(s, w -> { });
    }

    /** As {@link #run(ExportSettings)}, telling {@code warnings} what the reader warned about. */
    public static Path run(ExportSettings s, java.util.function.Consumer<String> warnings) throws IOException {
        s.requireRecording("export");
        if (s.output_file.isBlank()) throw new InvalidInputException("output_file is not set: choose where to write the CSV");
        Path out = Paths.get(s.output_file);
        if (!s.overwrite && java.nio.file.Files.exists(out))
            throw new InvalidInputException(out.toAbsolutePath() + " exists already; choose another output_file, or set overwrite=true to replace it");
        Recording rec = s.open();
        for (String w : rec.warnings()) warnings.accept(w);
        List<Integer> picked = new ArrayList<>();
        if (s.channels.isBlank()) {
            for (int c = 0; c < rec.channels().size(); c++) picked.add(c);
        } else {
            for (String name : s.channels.split(",")) if (!name.isBlank()) picked.add(rec.requireChannel(name.trim(), null));
        }
        List<String> names = new ArrayList<>();
        for (int c : picked) {
            Channel ch = rec.channels().get(c);
            names.add(ch.name() + "_" + ch.unit());
        }
        List<List<double[]>> segs = new ArrayList<>();
        for (Segment seg : rec.segments()) {
            List<double[]> cols = new ArrayList<>();
            for (int c : picked) cols.add(seg.channelAsDouble(c));
            segs.add(cols);
        }
        // t_ms restarts per sweep; when the file says when each sweep began, that is kept as sweep_start_ms
        double[] starts = new double[rec.segments().size()];
        boolean known = false;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = rec.segments().get(i).startMs();
            known |= !Double.isNaN(starts[i]);
        }
        CsvRecordings.write(out, rec.dt(), new double[starts.length], names, segs, segs.size() > 1, known ? starts : null);
        return out;
    }
}
