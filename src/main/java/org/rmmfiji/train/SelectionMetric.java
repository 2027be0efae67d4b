package org.rmmfiji.train;

import org.rmmfiji.data.InvalidInputException;

/**
 * How the best snapshot is chosen on validation free runs. The authors pick by loss (PNAS) or angular
 * separation (Frontiers); loss alone favours models that spike too little (DESIGN), so Γ is offered too.
 */
public enum SelectionMetric {
    SCORE("score", true), LOSS("loss", false), GAMMA("gamma", true);

    private final String id;
    private final boolean higherIsBetter;

    SelectionMetric(String id, boolean higherIsBetter) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
    }

    public String id() { return id; }

    public static SelectionMetric of(String id) {
        for (SelectionMetric m : values()) if (m.id.equalsIgnoreCase(id)) return m;
        throw new InvalidInputException("unknown selection metric '" + id + "' (expected score, loss or gamma)");
    }

    /** True when a is better than b (NaN is never better). */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return higherIsBetter ? a > b : a < b;
    }
}
