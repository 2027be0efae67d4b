package org.rmmfiji.fiji;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies a command's @Parameter fields into a settings object field by field, by name: the settings type's
 * snake_case field names are the command's parameter names (and so the macro and launcher keys). A File
 * becomes its path; null becomes the empty string.
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
                target.set(settings, v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return settings;
    }
}
