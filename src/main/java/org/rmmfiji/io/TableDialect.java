package org.rmmfiji.io;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.data.Units;

/**
 * The project's table dialect, wherever the table is held: what each column is, told by its name, and how rows become
 * segments at one uniform step. The CSV reader ({@link CsvRecordings}) and tables held in memory ({@link TableRecordings},
 * e.g. a table window in Fiji) share it, so a table means the same and is refused for the same reasons from either.
 * <ul>
 * <li>a time column {@code t_ms} ({@code t_s} and {@code t_us} are converted; without one, the sampling step must be
 * given);</li>
 * <li>an optional integer column {@code segment} numbering the segments; without it a gap in time longer than 1.5 δ
 * starts a new segment;</li>
 * <li>an optional {@code sweep_start_ms}: when each segment began;</li>
 * <li>every other column a channel named {@code <name>_<unit>} ({@code V_LP_mV}, {@code I_LP_pA}), converted to mV, nA,
 * µS or 1.</li>
 * </ul>
 * Samples must be finite numbers and evenly spaced within a segment.
 */
final class TableDialect {
    private TableDialect() {}

    /** What each column of a table is, from the column names alone. */
    static final class Columns {
        final String where;
        final String[] names;
        int time = -1, segment = -1, sweepStart = -1;
        double timeFactor = 1;
        final List<Channel> channels = new ArrayList<>();
        /** The table column of each channel, and the factor to its canonical unit. */
        final List<Integer> channelColumns = new ArrayList<>();
        final List<Double> factors = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        /**
         * Reads the column names ({@code header}, as the user wrote it, is quoted in messages); refuses a name without a
         * unit, a unit that is not a voltage, current, conductance or 1, two channels of one name, no time column without a
         * sampling step, no channel.
         */
        Columns(String where, String[] names, String header, ReadOptions options) {
            this.where = where;
            this.names = names.clone();
            for (int c = 0; c < names.length; c++) this.names[c] = names[c].trim();
            for (int c = 0; c < this.names.length; c++) {
                String n = this.names[c];
                if (n.equals(CsvRecordings.TIME_COLUMN) || n.equals("t_s") || n.equals("t_us") || n.equals("t_µs")) {
                    time = c;
                    timeFactor = Units.toCanonicalFactor(n.substring(2));
                    if (timeFactor != 1.0) notes.add(where + ": time column '" + n + "' converted to ms");
                    continue;
                }
                if (n.equals(CsvRecordings.SEGMENT_COLUMN)) { segment = c; continue; }
                if (n.equals(CsvRecordings.SWEEP_START_COLUMN)) { sweepStart = c; continue; }
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
                channelColumns.add(c);
                factors.add(f);
            }
            if (time < 0 && options.sampling_step_ms <= 0)
                throw new InvalidInputException(where + ": no time column '" + CsvRecordings.TIME_COLUMN + "' (or t_s) in the header '" + header
                        + "'; add one, or give the sampling step (sampling_step_ms)");
            if (time < 0) notes.add(where + ": no time column; samples " + options.sampling_step_ms + " ms apart as given");
            if (channels.isEmpty()) throw new InvalidInputException(where + ": no channel columns besides time");
            for (int a = 0; a < channels.size(); a++)
                for (int b = a + 1; b < channels.size(); b++)
                    if (channels.get(a).name().equals(channels.get(b).name()))
                        throw new InvalidInputException(where + ": two columns are named '" + channels.get(a).name() + "'");
        }
    }

    /** One row's cells, by table column. */
    interface Row {
        /** The number in column {@code c}; a cell that is not a number is refused here, one that is not finite by the caller. */
        double get(int c);
    }

    /**
     * Takes a table's rows in order and cuts them into segments: a new segment where the segment column changes, or,
     * without one, after a gap in time; the step must be the same everywhere (to 0.1 %).
     */
    static final class Rows {
        private final Columns cols;
        private final ReadOptions options;
        private final FloatColumn[] data;
        private double dt = Double.NaN, tPrev = Double.NaN;
        private int segPrev = Integer.MIN_VALUE;
        private final List<int[]> bounds = new ArrayList<>();   // [start, end) in rows
        private final List<Double> sweepStarts = new ArrayList<>();
        private int segStart, rows;

        Rows(Columns cols, ReadOptions options) {
            this.cols = cols;
            this.options = options;
            data = new FloatColumn[cols.channels.size()];
            for (int i = 0; i < data.length; i++) data[i] = new FloatColumn();
        }

        /** Adds a row; {@code label} is the row's number as the user sees it (a line of a file, a row of a table window). */
        void add(int label, Row r) {
            String where = cols.where;
            double t = cols.time >= 0 ? cols.timeFactor * finite(r.get(cols.time), label, cols.names[cols.time]) : rows * options.sampling_step_ms;
            int seg = cols.segment >= 0 ? (int) finite(r.get(cols.segment), label, CsvRecordings.SEGMENT_COLUMN) : 0;
            boolean newSegment = false;
            if (rows > 0) {
                if (seg != segPrev) {
                    newSegment = true;
                } else {
                    double step = t - tPrev;
                    if (!(step > 0))
                        throw new InvalidInputException(where + ": time is not increasing at row " + label + " (" + tPrev + " then " + t + " ms)");
                    if (Double.isNaN(dt)) {
                        dt = step;
                    } else if (step > 1.5 * dt && cols.segment < 0) {
                        newSegment = true;
                    } else if (Math.abs(step - dt) > 1e-3 * dt + 1e-9 * Math.abs(t)) {
                        throw new InvalidInputException(where + ": the time step at row " + label + " is " + step + " ms, earlier it was " + dt
                                + " ms; samples must be evenly spaced within a segment");
                    }
                }
            }
            if (newSegment) {
                bounds.add(new int[] {segStart, rows});
                segStart = rows;
            }
            if (cols.sweepStart >= 0 && (rows == 0 || newSegment))
                sweepStarts.add(finite(r.get(cols.sweepStart), label, CsvRecordings.SWEEP_START_COLUMN));
            for (int i = 0; i < data.length; i++) {
                int c = cols.channelColumns.get(i);
                data[i].add((float) (finite(r.get(c), label, cols.names[c]) * cols.factors.get(i)));
            }
            tPrev = t;
            segPrev = seg;
            rows++;
        }

        private double finite(double v, int label, String column) {
            if (!Double.isFinite(v))
                throw new InvalidInputException(cols.where + ": row " + label + ", column '" + column + "' is " + v + "; every sample must be a finite number");
            return v;
        }

        int count() { return rows; }

        /** The recording; {@code noRows} is the message when there was no row at all. */
        Recording finish(String noRows) {
            String where = cols.where;
            if (rows == 0) throw new InvalidInputException(where + ": " + noRows);
            if (Double.isNaN(dt)) throw new InvalidInputException(where + ": need at least two samples in a segment to know the time step");
            double step = cols.time < 0 ? options.sampling_step_ms : dt;
            bounds.add(new int[] {segStart, rows});
            float[][] samples = new float[data.length][];
            for (int i = 0; i < data.length; i++) samples[i] = data[i].toArray();
            List<Segment> segments = new ArrayList<>();
            for (int s = 0; s < bounds.size(); s++) {
                int[] b = bounds.get(s);
                Segment seg = new Segment(where + "#" + s, samples, b[0], b[1] - b[0]);
                segments.add(cols.sweepStart >= 0 ? seg.startingAt(sweepStarts.get(s)) : seg);
            }
            return new Recording(where, step, cols.channels, segments, cols.notes);
        }
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
}
