package org.rmmfiji.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rmmfiji.metrics.MetricsReport;

/**
 * Says when a fit is plainly bad, so that nobody reads a number without noticing: a free run that diverged, a
 * coincidence factor Γ below 0.3, a spike count off by more than a factor of two, or no spikes where the data spike.
 */
public final class Quality {
    private Quality() {}

    public static final double MIN_GAMMA = 0.3, MIN_RATIO = 0.5, MAX_RATIO = 2;

    /** {@code ok}, {@code poor} or {@code diverged}. */
    public static String verdict(MetricsReport m) {
        return m.diverged ? "diverged" : reasons(m).isEmpty() ? "ok" : "poor";
    }

    /** Why the verdict is not ok, separated by "; " (no commas: it is a CSV cell); empty when ok. */
    public static String reason(MetricsReport m) {
        return String.join("; ", reasons(m));
    }

    static List<String> reasons(MetricsReport m) {
        List<String> r = new ArrayList<>();
        if (m.diverged) r.add("the free run diverged");
        if (m.spikes_data > 0 && m.spikes_model == 0) r.add("no spikes where the data spike " + m.spikes_data + " times");
        else if (m.spikes_data > 0 && (m.spike_count_ratio < MIN_RATIO || m.spike_count_ratio > MAX_RATIO))
            r.add(String.format(Locale.ROOT, "spike-count ratio %.2f (%d/%d) outside [%.1f; %.0f]", m.spike_count_ratio, m.spikes_model, m.spikes_data, MIN_RATIO, MAX_RATIO));
        if (Double.isFinite(m.gamma) && m.gamma < MIN_GAMMA) r.add(String.format(Locale.ROOT, "Γ %.2f below %.1f", m.gamma, MIN_GAMMA));
        return r;
    }

    /** The warning line for a report that is not ok, or null. */
    public static String warning(MetricsReport m) {
        String v = verdict(m);
        return v.equals("ok") ? null : m.neuron + " " + m.part + ": " + v + " fit: " + reason(m);
    }
}
