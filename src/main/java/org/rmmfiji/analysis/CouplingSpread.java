package org.rmmfiji.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coupling matrices of an ensemble of fits (seeds, data segments) pair by pair: mean and standard deviation
 * of each figure, and how many fits agree on the sign, so a user sees which entries are robust.
 */
public final class CouplingSpread {
    public String pre;
    public String post;
    public int fits;
    public double rms_nA_mean, rms_nA_sd;
    public double g_max_uS_mean, g_max_uS_sd;
    public double e_effective_mV_mean, e_effective_mV_sd;
    public double ablation_drop_mean, ablation_drop_sd;
    /** The most frequent sign and in how many of the fits it appeared, e.g. "inhibitory 3/3". */
    public String sign_agreement;

    public static List<CouplingSpread> of(List<List<CouplingEntry>> ensemble) {
        Map<String, List<CouplingEntry>> byPair = new LinkedHashMap<>();
        for (List<CouplingEntry> fit : ensemble)
            for (CouplingEntry e : fit) byPair.computeIfAbsent(e.pre + ">" + e.post, k -> new ArrayList<>()).add(e);
        List<CouplingSpread> out = new ArrayList<>();
        for (List<CouplingEntry> es : byPair.values()) {
            CouplingSpread s = new CouplingSpread();
            s.pre = es.get(0).pre;
            s.post = es.get(0).post;
            s.fits = es.size();
            double[] m;
            m = stats(es, e -> e.rms_nA); s.rms_nA_mean = m[0]; s.rms_nA_sd = m[1];
            m = stats(es, e -> e.g_max_uS); s.g_max_uS_mean = m[0]; s.g_max_uS_sd = m[1];
            m = stats(es, e -> e.e_effective_mV); s.e_effective_mV_mean = m[0]; s.e_effective_mV_sd = m[1];
            m = stats(es, e -> e.ablation_drop); s.ablation_drop_mean = m[0]; s.ablation_drop_sd = m[1];
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (CouplingEntry e : es) votes.merge(e.sign, 1, Integer::sum);
            String top = null;
            for (Map.Entry<String, Integer> v : votes.entrySet()) if (top == null || v.getValue() > votes.get(top)) top = v.getKey();
            s.sign_agreement = top + " " + votes.get(top) + "/" + es.size();
            out.add(s);
        }
        return out;
    }

    /** Mean and sample SD over the entries where the figure is defined (NaN where none is). */
    static double[] stats(List<CouplingEntry> es, java.util.function.ToDoubleFunction<CouplingEntry> f) {
        double s = 0, s2 = 0;
        int n = 0;
        for (CouplingEntry e : es) {
            double x = f.applyAsDouble(e);
            if (!Double.isFinite(x)) continue;
            s += x;
            s2 += x * x;
            n++;
        }
        if (n == 0) return new double[] {Double.NaN, Double.NaN};
        double mean = s / n;
        double var = n > 1 ? Math.max(0, (s2 - n * mean * mean) / (n - 1)) : 0;
        return new double[] {mean, Math.sqrt(var)};
    }
}
