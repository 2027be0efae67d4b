package org.rmmfiji.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;

/**
 * The project's CSV dialect: a header row; a time column {@code t_ms} ({@code t_s} and {@code t_us} are converted;
 * without one, the sampling step must be given); comma or tab separated; then one column per channel named
 * {@code <name>_<unit>} ({@code V_LP_mV}, {@code I_LP_nA}); comma separated; full float precision.
 * An optional integer column {@code segment} numbers the segments; otherwise a gap in time longer than
 * 1.5 δ starts a new segment. Files ending in {@code .gz} are read and written through gzip. What the columns mean
 * and how rows become segments is {@link TableDialect}'s, shared with tables held in memory ({@link TableRecordings}).
 */
public final class CsvRecordings {
    private CsvRecordings() {}

    public static final String TIME_COLUMN = "t_ms";
    public static final String SEGMENT_COLUMN = "segment";
    /** When each segment (sweep) began, ms from the start of the recording: kept so that exported sweeps lose nothing. */
    public static final String SWEEP_START_COLUMN = "sweep_start_ms";

    /** Reads a table in this dialect (gzip allowed); other formats go through {@link Recordings#open}. */
    public static Recording read(Path file) throws IOException {
        return Recordings.open(file);
    }

    static Recording parse(String where, BufferedReader r, ReadOptions options) throws IOException {
        String header = r.readLine();
        while (header != null && header.isBlank()) header = r.readLine();
        if (header == null) throw new InvalidInputException(where + ": the file is empty; expected a header row such as 't_ms,V_mV,I_nA'");
        String sep = header.indexOf('\t') >= 0 ? "\t" : ",";
        String[] names = header.split(sep, -1);
        if (names.length < 2 && options.sampling_step_ms <= 0)
            throw new InvalidInputException(where + ": the header has " + names.length + " column ('" + header
                    + "'); expected a time column 't_ms' and at least one channel, comma or tab separated");
        TableDialect.Columns columns = new TableDialect.Columns(where, names, header, options);
        TableDialect.Rows rows = new TableDialect.Rows(columns, options);
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] cells = line.split(sep, -1);
            if (cells.length != names.length)
                throw new InvalidInputException(where + ": row " + lineNo + " has " + cells.length + " cells, the header has " + names.length
                        + " (channels of different length?)");
            int at = lineNo;
            rows.add(lineNo, c -> number(where, cells[c], at, columns.names[c]));
        }
        return rows.finish("the header is there but there are no data rows");
    }

    /** A cell as a number; text that is not one is refused (a number that is not finite is refused by the dialect). */
    private static double number(String where, String cell, int lineNo, String column) {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + ": row " + lineNo + ", column '" + column + "': '" + cell + "' is not a number");
        }
    }

    /** Writes a table in the dialect: time from 0 at step dt per segment, one column per named series. */
    public static void write(Path file, double dtMs, List<String> columnNames, List<List<double[]>> segmentsOfColumns) throws IOException {
        write(file, dtMs, new double[segmentsOfColumns.size()], columnNames, segmentsOfColumns);
    }

    /** As {@link #write(Path, double, List, List)}, with the time of each segment's first row given (ms). */
    public static void write(Path file, double dtMs, double[] segmentStartMs, List<String> columnNames, List<List<double[]>> segmentsOfColumns)
            throws IOException {
        write(file, dtMs, segmentStartMs, columnNames, segmentsOfColumns, segmentsOfColumns.size() > 1);
    }

    /** As above; {@code segmentColumn} writes the segment column even for a single segment. */
    public static void write(Path file, double dtMs, double[] segmentStartMs, List<String> columnNames, List<List<double[]>> segmentsOfColumns,
            boolean segmentColumn) throws IOException {
        write(file, dtMs, segmentStartMs, columnNames, segmentsOfColumns, segmentColumn, null);
    }

    /** As above; {@code sweepStartMs}, when not null, is written per row as the sweep_start_ms column. */
    public static void write(Path file, double dtMs, double[] segmentStartMs, List<String> columnNames, List<List<double[]>> segmentsOfColumns,
            boolean segmentColumn, double[] sweepStartMs) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            AtomicFiles.writeBytes(file, out -> {
                java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out, 1 << 16);
                Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
                writeTo(w, dtMs, segmentStartMs, columnNames, segmentsOfColumns, segmentColumn, sweepStartMs);
                w.flush();
                gz.finish();
            });
            return;
        }
        AtomicFiles.writeText(file, w -> writeTo(w, dtMs, segmentStartMs, columnNames, segmentsOfColumns, segmentColumn, sweepStartMs));
    }

    static void writeTo(Writer w, double dtMs, double[] startMs, List<String> columnNames, List<List<double[]>> segmentsOfColumns, boolean multi,
            double[] sweepStartMs) throws IOException {
        StringBuilder sb = new StringBuilder(TIME_COLUMN);
        if (multi) sb.append(',').append(SEGMENT_COLUMN);
        if (sweepStartMs != null) sb.append(',').append(SWEEP_START_COLUMN);
        for (String n : columnNames) sb.append(',').append(n);
        w.write(sb.append('\n').toString());
        for (int s = 0; s < segmentsOfColumns.size(); s++) {
            List<double[]> cols = segmentsOfColumns.get(s);
            int len = cols.get(0).length;
            for (double[] c : cols)
                if (c.length != len) throw new IllegalArgumentException("columns of different length");
            for (int k = 0; k < len; k++) {
                sb.setLength(0);
                sb.append(startMs[s] + k * dtMs);
                if (multi) sb.append(',').append(s);
                if (sweepStartMs != null) sb.append(',').append(sweepStartMs[s]);
                for (double[] c : cols) sb.append(',').append((float) c[k]);
                sb.append('\n');
                w.write(sb.toString());
            }
        }
    }

    /** Writes a whole recording back in the dialect. */
    public static void write(Path file, Recording rec) throws IOException {
        List<String> names = new ArrayList<>();
        for (Channel c : rec.channels()) names.add(c.name() + "_" + c.unit());
        List<List<double[]>> segs = new ArrayList<>();
        for (Segment s : rec.segments()) {
            List<double[]> cols = new ArrayList<>();
            for (int c = 0; c < rec.channels().size(); c++) cols.add(s.channelAsDouble(c));
            segs.add(cols);
        }
        write(file, rec.dt(), names, segs);
    }
}
