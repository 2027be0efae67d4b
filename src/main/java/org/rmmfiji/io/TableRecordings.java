package org.rmmfiji.io;

import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;

/**
 * A table held in memory (columns of numbers with their names, e.g. a table window in Fiji) → a recording, by the
 * rules of the CSV dialect ({@link TableDialect}): a time column {@code t_ms} or {@code t_s}, an optional
 * {@code segment} column, channels named {@code <name>_<unit>}; the step checked to be uniform, every sample finite.
 * Rows are numbered from 1 in messages, as a table window shows them. The recording's warnings (units that look wrong)
 * are those of a file's.
 */
public final class TableRecordings {
    private TableRecordings() {}

    /** Columns of doubles; {@code source} names the table in messages and in the recording. */
    public static Recording fromColumns(String source, List<String> names, List<double[]> columns, ReadOptions options) {
        if (names.size() != columns.size())
            throw new IllegalArgumentException(names.size() + " column names for " + columns.size() + " columns");
        if (names.isEmpty()) throw new InvalidInputException(source + ": the table has no columns; expected a time column 't_ms' and at least one channel such as V_mV");
        TableDialect.Columns layout = new TableDialect.Columns(source, names.toArray(new String[0]), String.join(",", names), options);
        int n = columns.get(0).length;
        for (int c = 1; c < columns.size(); c++)
            if (columns.get(c).length != n)
                throw new InvalidInputException(source + ": column '" + names.get(c).trim() + "' has " + columns.get(c).length + " rows, column '"
                        + names.get(0).trim() + "' has " + n + "; every column must have a value in every row");
        TableDialect.Rows rows = new TableDialect.Rows(layout, options);
        for (int k = 0; k < n; k++) {
            int row = k;
            rows.add(k + 1, c -> columns.get(c)[row]);
        }
        return Plausibility.check(rows.finish("the table has no rows"));
    }
}
