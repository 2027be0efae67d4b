package org.rmmfiji.data;

import java.util.Locale;

/**
 * Units at the boundaries: ms, mV, nA, µS (spelled uS; nS converts), nF, and 1 for gates. Readers convert to these and say so.
 * µS and µs differ only in case, so conductance units are matched case-sensitively.
 */
public final class Units {
    private Units() {}

    public static final String MILLIVOLT = "mV";
    public static final String NANOAMPERE = "nA";
    public static final String MILLISECOND = "ms";

    /** What a channel measures, as told by its unit. */
    public enum Kind { VOLTAGE, CURRENT, CONDUCTANCE, TIME, DIMENSIONLESS, OTHER }

    /** The unit of a dimensionless quantity (a gate, an activation), as in SI. */
    public static final String DIMENSIONLESS = "1";

    public static Kind kindOf(String unit) {
        String u = unit.trim().replace('µ', 'u').replace('μ', 'u');
        if (u.equals("uS") || u.equals("nS")) return Kind.CONDUCTANCE;
        if (u.equals(DIMENSIONLESS)) return Kind.DIMENSIONLESS;
        switch (normalise(unit)) {
            case "v": case "mv": case "uv": return Kind.VOLTAGE;
            case "a": case "ma": case "ua": case "na": case "pa": return Kind.CURRENT;
            case "s": case "ms": case "us": return Kind.TIME;
            default: return Kind.OTHER;
        }
    }

    /** The factor that takes a value in {@code unit} to the canonical unit of its kind (mV, nA or ms). */
    public static double toCanonicalFactor(String unit) {
        String u = unit.trim().replace('µ', 'u').replace('μ', 'u');
        if (u.equals("uS")) return 1.0;
        if (u.equals("nS")) return 1e-3;
        if (u.equals(DIMENSIONLESS)) return 1.0;
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
            case CONDUCTANCE: return "uS";
            case DIMENSIONLESS: return DIMENSIONLESS;
            default: throw new IllegalArgumentException("no canonical unit for " + kind);
        }
    }

    private static String normalise(String unit) {
        return unit.trim().replace('µ', 'u').replace('μ', 'u').toLowerCase(Locale.ROOT);
    }
}
