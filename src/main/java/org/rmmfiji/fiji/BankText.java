package org.rmmfiji.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.FilterBankSpec;

/**
 * A filter bank as the model builder shows it: one block per line, {@code diagonal: 0.1 0.3 0.5 0.7} (τ in ms), or a
 * geometric grid {@code gobf: grid 0.05 1.3 14 16} (τ_min · ratio^i for i = 14 … 29, computed as the presets compute
 * their grids, so a grid typed here gives the preset's bits). Numbers are written so that they read back exactly.
 */
final class BankText {
    private BankText() {}

    static String format(FilterBankSpec bank) {
        StringBuilder s = new StringBuilder();
        for (FilterBankSpec.BlockSpec b : bank.blocks()) {
            if (s.length() > 0) s.append('\n');
            s.append(b.type).append(':');
            for (double t : b.tauMs()) s.append(' ').append(exact(t));
        }
        return s.toString();
    }

    /** The shortest of a 6-significant-digit form and Java's own that reads back as the same double. */
    static String exact(double x) {
        String short6 = String.format(Locale.ROOT, "%.6g", x);
        if (short6.contains("e")) return Double.toString(x);
        String trimmed = short6.contains(".") ? short6.replaceAll("0+$", "").replaceAll("\\.$", "") : short6;
        return Double.parseDouble(trimmed) == x ? trimmed : Double.toString(x);
    }

    static FilterBankSpec parse(String text) {
        List<FilterBankSpec.BlockSpec> blocks = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            String where = "filter bank line " + (i + 1) + " ('" + line + "')";
            int colon = line.indexOf(':');
            if (colon < 0) throw new InvalidInputException(where + ": expected 'diagonal: τ …', 'gobf: τ …' or 'TYPE: grid τ_min ratio first count'");
            String type = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!type.equals("diagonal") && !type.equals("gobf"))
                throw new InvalidInputException(where + ": the block type is '" + type + "'; expected diagonal or gobf");
            String[] words = line.substring(colon + 1).trim().split("[\\s,]+");
            double[] tau = words.length > 0 && words[0].equalsIgnoreCase("grid") ? grid(words, where) : numbers(words, where);
            for (double t : tau) if (!(t > 0)) throw new InvalidInputException(where + ": every τ must be a positive number of ms, got " + t);
            blocks.add(new FilterBankSpec.BlockSpec(type, tau));
        }
        if (blocks.isEmpty()) throw new InvalidInputException("the filter bank is empty: give at least one block, e.g. 'diagonal: 0.1 1 10'");
        return new FilterBankSpec(blocks);
    }

    private static double[] grid(String[] words, String where) {
        if (words.length != 5) throw new InvalidInputException(where + ": a grid is 'grid τ_min ratio first count', e.g. 'grid 0.1 2 0 11'");
        double[] v = numbers(new String[] {words[1], words[2], words[3], words[4]}, where);
        if (v[2] != Math.rint(v[2]) || v[3] != Math.rint(v[3]))
            throw new InvalidInputException(where + ": a grid's first index and count are whole numbers");
        return FilterBankSpec.geometric(v[0], v[1], (int) v[2], (int) v[3]);
    }

    private static double[] numbers(String[] words, String where) {
        if (words.length == 0 || words[0].isEmpty()) throw new InvalidInputException(where + ": no time constants");
        double[] v = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            try {
                v[i] = Double.parseDouble(words[i]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(where + ": '" + words[i] + "' is not a number");
            }
        }
        return v;
    }
}
