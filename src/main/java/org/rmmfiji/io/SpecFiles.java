package org.rmmfiji.io;

import java.io.IOException;
import java.nio.file.Path;

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
        ModelSpec spec = Json.read(file, ModelSpec.class, "spec file");
        try {
            spec.validate();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
        return spec;
    }
}
