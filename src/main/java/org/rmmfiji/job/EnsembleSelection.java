package org.rmmfiji.job;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.io.EnsembleFile;
import org.rmmfiji.train.SelectionMetric;

/**
 * Which members of an ensemble are kept: the written ones (fitted, or cancelled with their best snapshot so far) are
 * ranked by the fit's selection metric on the shared validation part (NaN ranks last; equal values, such as the 0 of
 * the combined metric for members that do not spike, are ranked by the validation score, then in member order),
 * and the {@code dropWorst} worst are marked dropped, as the authors drop the models with the worst validation loss
 * before drawing envelopes. Failed and not-run members are never kept and do not count toward {@code dropWorst}; at
 * least one written member is always kept.
 */
final class EnsembleSelection {
    private EnsembleSelection() {}

    /** Sets rank, kept and dropped of every member; returns how many were dropped. */
    static int apply(List<EnsembleFile.Member> members, int dropWorst, SelectionMetric metric) {
        List<EnsembleFile.Member> written = new ArrayList<>();
        for (EnsembleFile.Member m : members) {
            m.rank = 0;
            m.kept = false;
            m.dropped = false;
            if (written(m)) written.add(m);
        }
        // a stable insertion sort: best first, NaN last, ties in member order
        List<EnsembleFile.Member> ranked = new ArrayList<>();
        for (EnsembleFile.Member m : written) {
            int at = ranked.size();
            while (at > 0 && better(m, ranked.get(at - 1), metric)) at--;
            ranked.add(at, m);
        }
        int drop = Math.min(dropWorst, Math.max(0, ranked.size() - 1));
        for (int i = 0; i < ranked.size(); i++) {
            EnsembleFile.Member m = ranked.get(i);
            m.rank = i + 1;
            m.dropped = i >= ranked.size() - drop;
            m.kept = !m.dropped;
        }
        return drop;
    }

    /** Better by the metric; of equal values (or both NaN), by the mean validation score (NaN worst). */
    static boolean better(EnsembleFile.Member a, EnsembleFile.Member b, SelectionMetric metric) {
        if (metric.better(a.selection_value, b.selection_value)) return true;
        if (metric.better(b.selection_value, a.selection_value)) return false;
        return SelectionMetric.SCORE.better(meanScore(a), meanScore(b));
    }

    static double meanScore(EnsembleFile.Member m) {
        if (m.validation == null || m.validation.isEmpty()) return Double.NaN;
        double s = 0;
        for (org.rmmfiji.metrics.MetricsReport r : m.validation) s += r.score;
        return s / m.validation.size();
    }

    static boolean written(EnsembleFile.Member m) {
        return EnsembleFile.FITTED.equals(m.status) || EnsembleFile.CANCELLED.equals(m.status);
    }
}
