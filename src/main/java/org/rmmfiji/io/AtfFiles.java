package org.rmmfiji.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a waveform as an Axon Text File (ATF 1.0), the text format Axon's acquisition and analysis programs import,
 * e.g. as a stimulus file. The layout: a first record {@code ATF<TAB>1.0}; a second with the number of optional
 * header records and the number of data columns; the optional records, each a quoted {@code "Name=value"}; the column
 * titles, quoted, tab separated; then one tab-separated row of numbers per sample. Lines end in CR LF, as the format's
 * home platform writes them.
 */
public final class AtfFiles {
    private AtfFiles() {}

    public static final String SIGNATURE = "ATF\t1.0";
    static final String EOL = "\r\n";
    /** Decimals of the current: 1 fA in nA, finer than any digitiser's output step. */
    static final int CURRENT_DECIMALS = 6;

    /**
     * One trace of current: time in seconds from 0 at step {@code dtMs} (given in ms) and the current in nA, under the
     * column titles {@code "Time (s)"} (the unit of the time column in the acquisition software's own ATF exports) and
     * {@code "Trace #1 (nA)"}. The optional records say it is an episodic stimulus of one
     * sweep starting at 0, its extremes (YTop, YBottom) and {@code comment} (in printable ASCII: double quotes become
     * single ones, anything else '?').
     * Written whole (a temporary file renamed into place).
     */
    public static void writeCurrent(Path file, double dtMs, double[] currentNa, String comment) throws IOException {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : currentNa) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        String[] records = {
            "AcquisitionMode=Episodic Stimulation",
            "Comment=" + ascii(comment),
            "YTop=" + plain(hi),
            "YBottom=" + plain(lo),
            "SweepStartTimesMS=0.000",
        };
        double dtS = dtMs / 1000;
        int timeDecimals = decimals(dtS);
        AtomicFiles.writeText(file, w -> {
            w.write(SIGNATURE + EOL);
            w.write(records.length + "\t2" + EOL);
            for (String r : records) w.write('"' + r + '"' + EOL);
            w.write("\"Time (s)\"\t\"Trace #1 (nA)\"" + EOL);
            StringBuilder sb = new StringBuilder(48);
            for (int k = 0; k < currentNa.length; k++) {
                sb.setLength(0);
                fixed(sb, k * dtS, timeDecimals);
                sb.append('\t');
                fixed(sb, currentNa[k], CURRENT_DECIMALS);
                sb.append(EOL);
                w.write(sb.toString());
            }
        });
    }

    /** Printable ASCII only (other characters become '?', double quotes single ones): a record is one quoted field. */
    static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) sb.append(c == '"' ? '\'' : c >= 32 && c < 127 ? c : '?');
        return sb.toString();
    }

    /** The decimals that write every multiple of dt exactly (0.1 → 1, 0.05 → 2), at most 9. */
    static int decimals(double dt) {
        return Math.max(0, Math.min(9, BigDecimal.valueOf(dt).stripTrailingZeros().scale()));
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L};

    /** x with a fixed number of decimals and no exponent (what every ATF reader parses), fast enough for millions of rows. */
    static void fixed(StringBuilder sb, double x, int decimals) {
        long scale = POW10[decimals];
        double scaled = Math.abs(x) * scale;
        if (!(scaled < 9e18)) {                   // beyond a long (or not finite): the slow way
            sb.append(String.format(Locale.ROOT, "%." + decimals + "f", x));
            return;
        }
        long r = Math.round(scaled);
        if (x < 0 && r != 0) sb.append('-');
        sb.append(r / scale);
        if (decimals == 0) return;
        sb.append('.');
        String frac = Long.toString(r % scale);
        for (int i = frac.length(); i < decimals; i++) sb.append('0');
        sb.append(frac);
    }

    private static String plain(double x) {
        StringBuilder sb = new StringBuilder();
        fixed(sb, x, CURRENT_DECIMALS);
        return sb.toString();
    }
}
