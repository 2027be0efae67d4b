package org.rmmfiji.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import org.rmmfiji.data.InvalidInputException;

/** The project's one JSON configuration: pretty, NaN allowed (metrics may be undefined), doubles round-trip. */
public final class Json {
    private Json() {}

    /** Reads a JSON file as {@code type}; a missing or malformed file gives a message naming it and saying what it should be. */
    public static <T> T read(Path file, Class<T> type, String what) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such " + what);
        }
        T value;
        try {
            value = GSON.fromJson(text, type);
        } catch (JsonParseException e) {
            throw new InvalidInputException(file + ": not a valid " + what + " (" + e.getMessage() + ")");
        }
        if (value == null) throw new InvalidInputException(file + ": the " + what + " is empty");
        return value;
    }

    public static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping()
            .create();
}
