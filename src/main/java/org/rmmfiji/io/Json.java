package org.rmmfiji.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The project's one JSON configuration: pretty, NaN allowed (metrics may be undefined), doubles round-trip. */
public final class Json {
    private Json() {}

    public static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping()
            .create();
}
