package org.rmmfiji.data;

import java.util.Objects;

/** A named channel with its unit (always canonical inside a {@link Recording}: mV or nA). */
public final class Channel {
    private final String name;
    private final String unit;

    public Channel(String name, String unit) {
        if (name == null || name.isBlank()) throw new InvalidInputException("a channel needs a name");
        this.name = name;
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    public String name() { return name; }
    public String unit() { return unit; }
    public Units.Kind kind() { return Units.kindOf(unit); }

    @Override
    public String toString() { return name + " (" + unit + ")"; }
}
