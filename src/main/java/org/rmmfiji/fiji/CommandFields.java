package org.rmmfiji.fiji;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies a command's @Parameter fields into a settings object field by field, by name: the settings type's
 * snake_case field names are the command's parameter names (and so the macro and launcher keys). A File
 * becomes its path; null becomes the empty string. A setting that may be left unset (a boxed number or
 * boolean) is a text field in the command: empty means unset, anything else must parse.
 */
final class CommandFields {
    private CommandFields() {}

    private static Field find(Class<?> c, String name) {
        for (; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    /** An optional setting typed as text: empty → unset (null); otherwise the number or boolean, or a clear error. */
    static Object parse(String key, String text, Class<?> type) {
        String t = text.trim();
        if (t.isEmpty()) return null;
        try {
            if (type == Integer.class) return Integer.valueOf(t);
            if (type == Double.class) return Double.valueOf(t);
            if (type == Long.class) return Long.valueOf(t);
        } catch (NumberFormatException e) {
            throw new org.rmmfiji.data.InvalidInputException(key + " must be " + (type == Double.class ? "a number" : "a whole number")
                    + " (or empty: unset), got '" + text + "'");
        }
        if (type == Boolean.class) {
            if (t.equalsIgnoreCase("true")) return Boolean.TRUE;
            if (t.equalsIgnoreCase("false")) return Boolean.FALSE;
            throw new org.rmmfiji.data.InvalidInputException(key + " must be true or false (or empty for the preset's value), got '" + text + "'");
        }
        throw new IllegalStateException("no text conversion for " + key + " of type " + type.getSimpleName());
    }

    static <T> T copy(Object command, T settings) {
        for (Field target : settings.getClass().getFields()) {
            if (Modifier.isStatic(target.getModifiers())) continue;
            Field source = find(command.getClass(), target.getName());
            if (source == null) throw new IllegalStateException(command.getClass().getSimpleName() + " lacks the parameter " + target.getName());
            try {
                source.setAccessible(true);
                Object v = source.get(command);
                if (v instanceof File) v = ((File) v).getPath();
                if (v == null && target.getType() == String.class) v = "";
                if (v instanceof String && target.getType() != String.class) v = parse(target.getName(), (String) v, target.getType());
                target.set(settings, v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return settings;
    }
}
