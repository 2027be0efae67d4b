package org.rmmfiji.job;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rmmfiji.io.ExportSettings;
import org.rmmfiji.io.Key;

/**
 * The keys of every command, read from its settings class: names and types for checking what a user typed
 * (launcher and macro alike), and, with their {@link Key} descriptions and initial values, the help text.
 */
public final class SettingsKeys {
    private SettingsKeys() {}

    /** Command title → settings class (the titles are the SciJava labels and the IJ1 macro names). */
    public static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();
    static {
        COMMANDS.put("Open Recording", org.rmmfiji.io.OpenRecordingSettings.class);
        COMMANDS.put("Fit RMM", FitSettings.class);
        COMMANDS.put("Predict RMM", PredictSettings.class);
        COMMANDS.put("Export Recording as CSV", ExportSettings.class);
        COMMANDS.put("Inspect Synaptic Coupling", InspectCouplingSettings.class);
        COMMANDS.put("Inspect Currents", InspectCurrentsSettings.class);
        COMMANDS.put("Batch Fit", BatchSettings.class);
        COMMANDS.put("Merge Batch Results", MergeBatchSettings.class);
        COMMANDS.put("Design Stimulus", DesignStimulusSettings.class);
        COMMANDS.put("Model Builder", ModelBuilderSettings.class);
        COMMANDS.put("About RMM", NoKeys.class);
    }

    /** The public instance fields of a settings class, the base class's first, each in declaration order. */
    public static List<Field> keys(Class<?> settings) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = settings; c != null && c != Object.class; c = c.getSuperclass()) chain.push(c);
        List<Field> out = new ArrayList<>();
        for (Class<?> c : chain)
            for (Field f : c.getDeclaredFields())
                if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) out.add(f);
        return out;
    }

    public static List<String> keyNames(Class<?> settings) {
        List<String> l = new ArrayList<>();
        for (Field f : keys(settings)) l.add(f.getName());
        return l;
    }

    static Field field(Class<?> settings, String key) {
        for (Field f : keys(settings)) if (f.getName().equals(key)) return f;
        return null;
    }

    /** Null when the command has this key; else one line naming the closest key and listing them all. */
    public static String checkKey(String command, String key) {
        Class<?> s = COMMANDS.get(command);
        if (field(s, key) != null) return null;
        String close = closest(key, keyNames(s));
        return "no key '" + key + "'" + (close != null ? " (did you mean " + close + "?)" : "")
                + "; its keys are " + String.join(", ", keyNames(s));
    }

    /**
     * Null when the text is a valid value of the key; else why not. Numbers must parse (whole numbers for int and
     * long keys), booleans are true or false; any text is a valid string; an optional (boxed) key may be empty.
     */
    public static String checkValue(String command, String key, String text) {
        Field f = field(COMMANDS.get(command), key);
        Class<?> t = unboxed(f.getType());
        String v = text.trim();
        if (v.isEmpty() && !f.getType().isPrimitive()) return null;    // an optional number or boolean left unset
        try {
            if (t == int.class) Integer.parseInt(v);
            else if (t == long.class) Long.parseLong(v);
            else if (t == double.class) {
                if (!Double.isFinite(Double.parseDouble(v))) return key + " must be a finite number, got " + text;
            } else if (t == boolean.class && !v.equals("true") && !v.equals("false")) return key + " must be true or false, got '" + text + "'";
        } catch (NumberFormatException e) {
            return key + " must be " + (t == double.class ? "a number" : "a whole number") + ", got '" + text + "'";
        }
        return null;
    }

    private static Class<?> unboxed(Class<?> t) {
        if (t == Integer.class) return int.class;
        if (t == Long.class) return long.class;
        if (t == Double.class) return double.class;
        if (t == Boolean.class) return boolean.class;
        return t;
    }

    public static boolean isText(String command, String key) {
        return field(COMMANDS.get(command), key).getType() == String.class;
    }

    /** The key within edit distance ⅓ of its length (at least 2) of the typed one, or null. */
    static String closest(String typed, List<String> names) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(typed.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
            if (d < bestD) { bestD = d; best = n; }
        }
        return bestD <= Math.max(2, typed.length() / 3) ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] x = prev; prev = cur; cur = x;
        }
        return prev[b.length()];
    }

    /** One line per key: name=default (unit), the description. */
    public static String help(String command) {
        StringBuilder sb = new StringBuilder();
        for (String[] k : table(command))
            sb.append(String.format(Locale.ROOT, "  %-26s %s%n", k[0] + "=" + k[1] + (k[2].isEmpty() ? "" : " [" + k[2] + "]"), k[3]));
        return sb.toString();
    }

    /** Every key of a command as {name, default ("(unset)" for none; text in quotes), unit (or ""), description}. */
    public static List<String[]> table(String command) {
        Class<?> s = COMMANDS.get(command);
        Object defaults;
        try {
            defaults = s.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        List<String[]> out = new ArrayList<>();
        for (Field f : keys(s)) {
            Key k = f.getAnnotation(Key.class);
            String def;
            try {
                Object v = f.get(defaults);
                def = v == null || (v instanceof Double && ((Double) v).isNaN()) ? "(unset)"
                        : v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            out.add(new String[] {f.getName(), def, k != null ? k.unit() : "", k != null ? k.value() : ""});
        }
        return out;
    }

    /**
     * The pairs of an IJ1 macro options string ({@code key=value key=[a value] flag}); a bare word is a boolean
     * set to true, as ImageJ's checkboxes record it.
     */
    public static Map<String, String> macroPairs(String options) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0, n = options.length();
        while (i < n) {
            if (Character.isWhitespace(options.charAt(i))) { i++; continue; }
            int k = i;
            while (i < n && options.charAt(i) != '=' && !Character.isWhitespace(options.charAt(i))) i++;
            String key = options.substring(k, i);
            if (i >= n || options.charAt(i) != '=') { out.put(key, "true"); continue; }
            i++;
            String value;
            if (i < n && options.charAt(i) == '[') {
                int close = options.indexOf(']', i);
                if (close < 0) close = n;
                value = options.substring(i + 1, close);
                i = close + 1;
            } else {
                int v = i;
                while (i < n && !Character.isWhitespace(options.charAt(i))) i++;
                value = options.substring(v, i);
            }
            out.put(key, value);
        }
        return out;
    }

    /** Null when every macro pair is a key of the command with a valid value; else one line saying what is wrong. */
    public static String checkMacro(String command, Map<String, String> pairs) {
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String bad = checkKey(command, e.getKey());
            if (bad == null) bad = checkValue(command, e.getKey(), e.getValue());
            if (bad != null) return bad + "; in a macro write key=value or key=[a value with spaces], separated by spaces";
        }
        return null;
    }

    /** The quoting rule of a --run string, said once wherever it is needed. */
    public static final String QUOTING = "in --run, write key=value pairs separated by commas, text in double quotes and numbers bare, "
            + "e.g. 'recording_file=\"cell.abf\",output_dir=\"fits\",epochs=50'";
}
