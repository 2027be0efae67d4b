package org.rmmfiji.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.google.gson.JsonParseException;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.ModelSpec;

/** Reads and writes architecture files {@code *.rmmspec.json}. */
public final class SpecFiles {
    private SpecFiles() {}

    public static final String SUFFIX = ".rmmspec.json";

    public static void write(Path file, ModelSpec spec) throws IOException {
        AtomicFiles.writeText(file, w -> w.write(Json.GSON.toJson(spec)));
    }

    public static ModelSpec read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such spec file");
        }
        ModelSpec spec;
        try {
            spec = Json.GSON.fromJson(text, ModelSpec.class);
        } catch (JsonParseException e) {
            throw new InvalidInputException(file + ": not a valid spec file (" + e.getMessage() + ")");
        }
        if (spec == null) throw new InvalidInputException(file + ": the spec file is empty");
        try {
            spec.validate();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
        return spec;
    }
}
