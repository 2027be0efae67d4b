package org.rmmfiji.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.rmmfiji.io.Key;
import org.rmmfiji.metrics.MetricsReport;

/** Keys, their checks and help come from the settings classes; the quality verdict follows its four rules. */
class SettingsKeysTest {

    @Test
    void everyKeyOfEveryCommandIsDescribed() {
        for (Class<?> c : SettingsKeys.COMMANDS.values())
            for (Field f : SettingsKeys.keys(c)) assertTrue(f.getAnnotation(Key.class) != null, c.getSimpleName() + "." + f.getName() + " has no @Key");
    }

    @Test
    void macroOptionsAreCheckedLikeLauncherKeys() {
        Map<String, String> pairs = SettingsKeys.macroPairs("recording_file=[/data/my cell.abf] epochs=20 overwrite ");
        assertEquals(Map.of("recording_file", "/data/my cell.abf", "epochs", "20", "overwrite", "true"), pairs);
        assertNull(SettingsKeys.checkMacro("Fit RMM", pairs));
        String bad = SettingsKeys.checkMacro("Fit RMM", SettingsKeys.macroPairs("recording_file=[x] epoch=20"));
        assertTrue(bad.startsWith("no key 'epoch' (did you mean epochs?)") && bad.contains("key=[a value with spaces]"), bad);
        assertTrue(SettingsKeys.checkMacro("Fit RMM", SettingsKeys.macroPairs("epochs=abc")).startsWith("epochs must be a whole number"));
    }

    static MetricsReport report(double gamma, int model, int data, boolean diverged) {
        MetricsReport m = new MetricsReport();
        m.neuron = "V";
        m.part = "validation";
        m.gamma = gamma;
        m.spikes_model = model;
        m.spikes_data = data;
        m.spike_count_ratio = data == 0 ? 1 : (double) model / data;
        m.diverged = diverged;
        return m;
    }

    @Test
    void qualityVerdicts() {
        assertEquals("ok", Quality.verdict(report(0.8, 236, 234, false)));
        assertEquals("poor", Quality.verdict(report(0.2, 236, 234, false)));
        assertTrue(Quality.reason(report(0.2, 236, 234, false)).contains("Γ 0.20 below 0.3"));
        assertTrue(Quality.reason(report(0.5, 600, 234, false)).contains("spike-count ratio 2.56"));
        assertTrue(Quality.reason(report(0.5, 100, 234, false)).contains("outside [0.5; 2]"));
        assertTrue(Quality.reason(report(Double.NaN, 0, 234, false)).contains("no spikes where the data spike 234 times"));
        assertEquals("diverged", Quality.verdict(report(Double.NaN, 0, 234, true)));
        assertEquals("ok", Quality.verdict(report(Double.NaN, 0, 0, false)), "a silent cell predicted silent is fine");
        assertTrue(!Quality.reason(report(0.2, 236, 234, false)).contains(","), "a CSV cell");
    }
}
