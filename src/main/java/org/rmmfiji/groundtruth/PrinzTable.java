package org.rmmfiji.groundtruth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rmmfiji.data.InvalidInputException;

/**
 * Prinz, Bucher & Marder (2004) model-neuron database, Table 2 (mS/cm²; columns Na, CaT, CaS, A, KCa, Kd, H,
 * leak). AB/PD 5 uses CaT = 2.5, the majority of the cross-checked sources.
 */
public final class PrinzTable {
    private PrinzTable() {}

    private static final Map<String, double[]> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("AB/PD 1", new double[] {400, 2.5, 6, 50, 10, 100, 0.01, 0});
        MODELS.put("AB/PD 2", new double[] {100, 2.5, 6, 50, 5, 100, 0.01, 0});
        MODELS.put("AB/PD 3", new double[] {200, 2.5, 4, 50, 5, 50, 0.01, 0});
        MODELS.put("AB/PD 4", new double[] {200, 5.0, 4, 40, 5, 125, 0.01, 0});
        MODELS.put("AB/PD 5", new double[] {300, 2.5, 2, 10, 5, 125, 0.01, 0});
        MODELS.put("LP 1", new double[] {100, 0, 8, 40, 5, 75, 0.05, 0.02});
        MODELS.put("LP 2", new double[] {100, 0, 6, 30, 5, 50, 0.05, 0.02});
        MODELS.put("LP 3", new double[] {100, 0, 10, 50, 5, 100, 0, 0.03});
        MODELS.put("LP 4", new double[] {100, 0, 4, 20, 0, 25, 0.05, 0.03});
        MODELS.put("LP 5", new double[] {100, 0, 6, 30, 0, 50, 0.03, 0.02});
        MODELS.put("PY 1", new double[] {100, 2.5, 2, 50, 0, 125, 0.05, 0.01});
        MODELS.put("PY 2", new double[] {200, 7.5, 0, 50, 0, 75, 0.05, 0});
        MODELS.put("PY 3", new double[] {200, 10, 0, 50, 0, 100, 0.03, 0});
        MODELS.put("PY 4", new double[] {400, 2.5, 2, 50, 0, 75, 0.05, 0});
        MODELS.put("PY 5", new double[] {500, 2.5, 2, 40, 0, 125, 0.01, 0.03});
        MODELS.put("PY 6", new double[] {500, 2.5, 2, 40, 0, 125, 0, 0.02});
    }

    public static double[] densities(String model) {
        double[] d = MODELS.get(model);
        if (d == null) throw new InvalidInputException("unknown Prinz model '" + model + "'; the models are " + MODELS.keySet());
        return d.clone();
    }

    public static java.util.Set<String> names() { return java.util.Collections.unmodifiableSet(MODELS.keySet()); }
}
