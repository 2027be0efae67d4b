package org.rmmfiji.fiji;

import java.awt.Frame;
import java.util.ArrayList;
import java.util.List;

import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.text.TextWindow;

import org.rmmfiji.data.InvalidInputException;

/**
 * The tables open in this ImageJ that a command can take a recording from by title ({@code recording=[title]}):
 * ImageJ 1.x table windows (a CSV opened with {@code File › Import › Results} or {@code Table.open}, any ResultsTable
 * shown under a title) and the system Results table (headless ImageJ shows no window, and the Results table is then the
 * only table it keeps: {@code Table.create("cell")} in a headless macro fills the Results table). SciJava (ImageJ2)
 * table displays are not looked at: their library (scijava-table) is not on Maven Central, where this project builds from.
 */
final class OpenTables {
    private OpenTables() {}

    /** The system table's title. */
    static final String RESULTS = "Results";

    /** A table found by title: its column names and numbers, and what kind of window held it. */
    static final class Table {
        final String title;
        final String kind;
        final List<String> names = new ArrayList<>();
        final List<double[]> columns = new ArrayList<>();
        int rows;

        Table(String title, String kind) {
            this.title = title;
            this.kind = kind;
        }
    }

    /** The titles of the open tables. */
    static List<String> titles() {
        List<String> out = new ArrayList<>();
        for (Frame f : WindowManager.getNonImageWindows())
            if (f instanceof TextWindow && ((TextWindow) f).getResultsTable() != null && !out.contains(f.getTitle())) out.add(f.getTitle());
        ResultsTable system = ResultsTable.getResultsTable();
        if (!out.contains(RESULTS) && system != null && system.size() > 0) out.add(RESULTS);
        return out;
    }

    /** The table of that title, or null. */
    static Table find(String title) {
        ResultsTable rt = ResultsTable.getResultsTable(title);
        if (rt == null && title.equals(RESULTS)) {
            ResultsTable system = ResultsTable.getResultsTable();
            if (system != null && system.size() > 0) rt = system;
        }
        return rt == null ? null : of(title, rt);
    }

    /** An ImageJ 1.x table's numeric columns (row labels are text, not samples); a text cell is refused by row and column. */
    static Table of(String title, ResultsTable rt) {
        Table t = new Table(title, "ImageJ table window");
        t.rows = rt.size();
        for (int c = 0; c <= rt.getLastColumn(); c++) {
            if (!rt.columnExists(c)) continue;
            String name = rt.getColumnHeading(c);
            double[] v = rt.getColumnAsDoubles(c);
            for (int k = 0; k < v.length; k++) {
                if (!Double.isNaN(v[k])) continue;
                String text = rt.getStringValue(c, k);
                if (text != null && !text.isBlank() && !text.trim().equals("NaN"))
                    throw new InvalidInputException("table '" + title + "': row " + (k + 1) + ", column '" + name + "': '" + text + "' is not a number");
            }
            t.names.add(name);
            t.columns.add(v);
        }
        return t;
    }
}
