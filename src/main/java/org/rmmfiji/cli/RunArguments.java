package org.rmmfiji.cli;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.job.SettingsKeys;

/**
 * Checks a --run argument string against the command's keys before SciJava sees it, so that a misspelt key, an
 * unquoted text, a non-number or an IJ1 macro string gets one line saying what is wrong (SciJava itself answers
 * with a stack trace and then finds no command to blame).
 */
final class RunArguments {
    private RunArguments() {}

    /** Null when every pair names a key of the command with a value of its type; else the reason, one line. */
    static String check(String command, String args) {
        if (args.matches("(?s).*\\b\\w+=\\[.*")) {
            return "the arguments look like an ImageJ macro string (key=[value] separated by spaces); " + SettingsKeys.QUOTING;
        }
        for (String pair : split(args)) {
            String p = pair.trim();
            if (p.isEmpty()) return "an empty key=value pair (two commas in a row?); " + SettingsKeys.QUOTING;
            int eq = p.indexOf('=');
            if (eq <= 0) return "'" + p + "' is not a key=value pair; " + SettingsKeys.QUOTING;
            String key = p.substring(0, eq).trim(), value = p.substring(eq + 1).trim();
            String bad = SettingsKeys.checkKey(command, key);
            if (bad != null) return bad;
            boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
            if (value.startsWith("\"") && !quoted) return "the value of " + key + " has no closing double quote; " + SettingsKeys.QUOTING;
            String text = quoted ? value.substring(1, value.length() - 1) : value;
            if (SettingsKeys.isText(command, key)) {
                if (!quoted && !isNumber(value))
                    return "the value of " + key + " must be in double quotes: " + key + "=\"" + value + "\"; " + SettingsKeys.QUOTING;
            } else {
                String why = SettingsKeys.checkValue(command, key, text);
                if (why != null) return why;
            }
        }
        return null;
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Splits on the commas outside double quotes (a backslash escapes a quote inside them). */
    static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && inQuotes && i + 1 < args.length()) {
                sb.append(c).append(args.charAt(++i));
                continue;
            }
            if (c == '"') inQuotes = !inQuotes;
            if (c == ',' && !inQuotes) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        if (sb.length() > 0 || !out.isEmpty()) out.add(sb.toString());
        return out;
    }
}
