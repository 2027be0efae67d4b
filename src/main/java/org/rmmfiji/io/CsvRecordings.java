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
import org.rmmfiji.data.Units;

/**
 * The project's CSV dialect: a header row; a time column {@code t_ms} ({@code t_s} and {@code t_us} are converted;
 * without one, the sampling step must be given); comma or tab separated; then one column per channel named
 * {@code <name>_<unit>} ({@code V_LP_mV}, {@code I_LP_nA}); comma separated; full float precision.
 * An optional integer column {@code segment} numbers the segments; otherwise a gap in time longer than
 * 1.5 δ starts a new segment. Files ending in {@code .gz} are read and written through gzip.
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
        int timeCol = -1, segCol = -1, startCol = -1;
        double timeFactor = 1;
        List<Channel> channels = new ArrayList<>();
        List<Integer> channelCols = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            String n = names[c].trim();
            if (n.equals(TIME_COLUMN) || n.equals("t_s") || n.equals("t_us") || n.equals("t_µs")) {
                timeCol = c;
                timeFactor = Units.toCanonicalFactor(n.substring(2));
                if (timeFactor != 1.0) notes.add(where + ": time column '" + n + "' converted to ms");
                continue;
            }
            if (n.equals(SEGMENT_COLUMN)) { segCol = c; continue; }
            if (n.equals(SWEEP_START_COLUMN)) { startCol = c; continue; }
            int us = n.lastIndexOf('_');
            if (us <= 0 || us == n.length() - 1)
                throw new InvalidInputException(where + ": column " + (c + 1) + " '" + n + "' does not end in a unit; expected a name like V_LP_mV or I_LP_nA");
            String base = n.substring(0, us), unit = n.substring(us + 1);
            Units.Kind kind = Units.kindOf(unit);
            if (kind != Units.Kind.VOLTAGE && kind != Units.Kind.CURRENT && kind != Units.Kind.CONDUCTANCE && kind != Units.Kind.DIMENSIONLESS)
                throw new InvalidInputException(where + ": column '" + n + "' has unit '" + unit + "'; expected a voltage (mV, V), a current (nA, pA), a conductance (uS, nS) or 1 (a gate)");
            double f = Units.toCanonicalFactor(unit);
            String canon = Units.canonicalUnit(kind);
            if (f != 1.0) notes.add(where + ": column '" + n + "' converted from " + unit + " to " + canon);
            channels.add(new Channel(base, canon));
            channelCols.add(c);
            factors.add(f);
        }
        if (timeCol < 0 && options.sampling_step_ms <= 0)
            throw new InvalidInputException(where + ": no time column '" + TIME_COLUMN + "' (or t_s) in the header '" + header
                    + "'; add one, or give the sampling step (sampling_step_ms)");
        if (timeCol < 0) notes.add(where + ": no time column; samples " + options.sampling_step_ms + " ms apart as given");
        if (channels.isEmpty()) throw new InvalidInputException(where + ": no channel columns besides time");
        for (int a = 0; a < channels.size(); a++)
            for (int b = a + 1; b < channels.size(); b++)
                if (channels.get(a).name().equals(channels.get(b).name()))
                    throw new InvalidInputException(where + ": two columns are named '" + channels.get(a).name() + "'");

        int nc = channels.size();
        FloatColumn[] cols = new FloatColumn[nc];
        for (int i = 0; i < nc; i++) cols[i] = new FloatColumn();
        double dt = Double.NaN, tPrev = Double.NaN;
        int segPrev = Integer.MIN_VALUE;
        List<int[]> bounds = new ArrayList<>();   // [start, end) in rows
        List<Double> sweepStarts = new ArrayList<>();
        int segStart = 0, row = 0;
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] cells = line.split(sep, -1);
            if (cells.length != names.length)
                throw new InvalidInputException(where + ": row " + lineNo + " has " + cells.length + " cells, the header has " + names.length
                        + " (channels of different length?)");
            double t = timeCol >= 0 ? timeFactor * number(where, cells[timeCol], lineNo, names[timeCol].trim()) : row * options.sampling_step_ms;
            int seg = segCol >= 0 ? (int) number(where, cells[segCol], lineNo, SEGMENT_COLUMN) : 0;
            boolean newSegment = false;
            if (row > 0) {
                if (seg != segPrev) {
                    newSegment = true;
                } else {
                    double step = t - tPrev;
                    if (!(step > 0))
                        throw new InvalidInputException(where + ": time is not increasing at row " + lineNo + " (" + tPrev + " then " + t + " ms)");
                    if (Double.isNaN(dt)) {
                        dt = step;
                    } else if (step > 1.5 * dt && segCol < 0) {
                        newSegment = true;
                    } else if (Math.abs(step - dt) > 1e-3 * dt + 1e-9 * Math.abs(t)) {
                        throw new InvalidInputException(where + ": the time step at row " + lineNo + " is " + step + " ms, earlier it was " + dt
                                + " ms; samples must be evenly spaced within a segment");
                    }
                }
            }
            if (newSegment) {
                bounds.add(new int[] {segStart, row});
                segStart = row;
            }
            if (startCol >= 0 && (row == 0 || newSegment)) sweepStarts.add(number(where, cells[startCol], lineNo, SWEEP_START_COLUMN));
            for (int i = 0; i < nc; i++) {
                double v = number(where, cells[channelCols.get(i)], lineNo, names[channelCols.get(i)].trim());
                cols[i].add((float) (v * factors.get(i)));
            }
            tPrev = t;
            segPrev = seg;
            row++;
        }
        if (row == 0) throw new InvalidInputException(where + ": the header is there but there are no data rows");
        if (Double.isNaN(dt)) throw new InvalidInputException(where + ": need at least two samples in a segment to know the time step");
        if (timeCol < 0) dt = options.sampling_step_ms;
        bounds.add(new int[] {segStart, row});
        float[][] data = new float[nc][];
        for (int i = 0; i < nc; i++) data[i] = cols[i].toArray();
        List<Segment> segments = new ArrayList<>();
        for (int s = 0; s < bounds.size(); s++) {
            int[] b = bounds.get(s);
            Segment seg = new Segment(where + "#" + s, data, b[0], b[1] - b[0]);
            segments.add(startCol >= 0 ? seg.startingAt(sweepStarts.get(s)) : seg);
        }
        return new Recording(where, dt, channels, segments, notes);
    }

    private static double number(String where, String cell, int lineNo, String column) {
        double v;
        try {
            v = Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + ": row " + lineNo + ", column '" + column + "': '" + cell + "' is not a number");
        }
        if (!Double.isFinite(v))
            throw new InvalidInputException(where + ": row " + lineNo + ", column '" + column + "' is " + cell.trim() + "; every sample must be a finite number");
        return v;
    }

    /** A growable float array. */
    static final class FloatColumn {
        private float[] a = new float[1 << 14];
        private int n;
        void add(float v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }
        float[] toArray() { return java.util.Arrays.copyOf(a, n); }
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
