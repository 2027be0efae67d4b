package org.rmmfiji.fiji;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.measure.ResultsTable;

/**
 * A small CSV table (the coupling matrix) into ImageJ's system Results table, where a macro reads it with
 * {@code nResults}, {@code getResult("rms_nA", i)} and {@code getResultString("pre", i)}: one row per CSV row, the
 * CSV's columns in its order. A column whose every non-empty cell is a number (NaN included) holds numbers; any
 * other column holds its text as text. Fields in double quotes may contain commas.
 */
final class ResultsTables {
    private ResultsTables() {}

    /** Replaces the system Results table's content with the CSV file's and shows it when there is a display. */
    static ResultsTable load(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) if (!line.isEmpty()) rows.add(split(line));
        ResultsTable rt = ResultsTable.getResultsTable();
        if (rt == null) rt = new ResultsTable();
        rt.reset();
        rt.setPrecision(6);
        if (rows.isEmpty()) return rt;
        String[] head = rows.get(0);
        List<String[]> body = rows.subList(1, rows.size());
        boolean[] numeric = new boolean[head.length];
        for (int c = 0; c < head.length; c++) {
            numeric[c] = true;
            for (String[] r : body) if (c < r.length && !r[c].isEmpty() && number(r[c]) == null) numeric[c] = false;
        }
        for (String[] r : body) {
            rt.incrementCounter();
            for (int c = 0; c < head.length; c++) {
                String cell = c < r.length ? r[c] : "";
                if (numeric[c]) rt.addValue(head[c], cell.isEmpty() ? Double.NaN : number(cell));
                else rt.addValue(head[c], cell);
            }
        }
        rt.show("Results");          // does nothing headless, where macros still read the system table
        return rt;
    }

    static Double number(String s) {
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One CSV line: commas separate fields, double quotes enclose a field that may hold commas ("" is a quote). */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { sb.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else sb.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        out.add(sb.toString());
        return out.toArray(new String[0]);
    }
}
