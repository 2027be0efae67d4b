package org.rmmfiji.data;

import java.util.Locale;

/**
 * Units at the boundaries: ms, mV, nA (and µS, nF inside the model). Readers convert to these and say so.
 */
public final class Units {
    private Units() {}

    public static final String MILLIVOLT = "mV";
    public static final String NANOAMPERE = "nA";
    public static final String MILLISECOND = "ms";

    /** What a channel measures, as told by its unit. */
    public enum Kind { VOLTAGE, CURRENT, TIME, OTHER }

    public static Kind kindOf(String unit) {
        switch (normalise(unit)) {
            case "v": case "mv": case "uv": return Kind.VOLTAGE;
            case "a": case "ma": case "ua": case "na": case "pa": return Kind.CURRENT;
            case "s": case "ms": case "us": return Kind.TIME;
            default: return Kind.OTHER;
        }
    }

    /** The factor that takes a value in {@code unit} to the canonical unit of its kind (mV, nA or ms). */
    public static double toCanonicalFactor(String unit) {
        switch (normalise(unit)) {
            case "v": return 1e3;
            case "mv": return 1.0;
            case "uv": return 1e-3;
            case "a": return 1e9;
            case "ma": return 1e6;
            case "ua": return 1e3;
            case "na": return 1.0;
            case "pa": return 1e-3;
            case "s": return 1e3;
            case "ms": return 1.0;
            case "us": return 1e-3;
            default: throw new InvalidInputException("unknown unit '" + unit + "': expected one of V, mV, µV, A, mA, µA, nA, pA, s, ms, µs");
        }
    }

    public static String canonicalUnit(Kind kind) {
        switch (kind) {
            case VOLTAGE: return MILLIVOLT;
            case CURRENT: return NANOAMPERE;
            case TIME: return MILLISECOND;
            default: throw new IllegalArgumentException("no canonical unit for " + kind);
        }
    }

    private static String normalise(String unit) {
        return unit.trim().replace('µ', 'u').replace('μ', 'u').toLowerCase(Locale.ROOT);
    }
}
