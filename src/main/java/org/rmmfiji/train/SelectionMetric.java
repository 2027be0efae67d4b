package org.rmmfiji.train;

import org.rmmfiji.data.InvalidInputException;

/**
 * How the best snapshot is chosen on validation free runs. The authors pick by loss (PNAS) or angular
 * separation (Frontiers); loss alone favours models that spike too little, and a finely smoothed score can keep a
 * snapshot that fires a seventh of the recorded spikes (DESIGN), so Γ and a combined metric are offered too.
 *
 * <p>{@code combined} = score · max(Γ, 0) · min(r, 1/r), r the spike-count ratio: each factor is 1 for a perfect
 * model and falls toward 0 when the trace shape, the spike timing or the spike count is wrong, so a snapshot is
 * kept only when all three agree. When neither trace spikes, Γ is undefined and its factor is 1 (the count
 * ratio is then 1 as well), so for a silent cell the metric is the score.
 */
public enum SelectionMetric {
    SCORE("score", true), LOSS("loss", false), GAMMA("gamma", true), COMBINED("combined", true);

    private final String id;
    private final boolean higherIsBetter;

    SelectionMetric(String id, boolean higherIsBetter) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
    }

    public String id() { return id; }

    /** True for score, Γ and combined; false for loss. */
    public boolean higherIsBetter() { return higherIsBetter; }

    public static SelectionMetric of(String id) {
        for (SelectionMetric m : values()) if (m.id.equalsIgnoreCase(id)) return m;
        throw new InvalidInputException("unknown selection metric '" + id + "' (expected score, loss, gamma or combined)");
    }

    /** True when a is better than b (NaN is never better). */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return higherIsBetter ? a > b : a < b;
    }
}
