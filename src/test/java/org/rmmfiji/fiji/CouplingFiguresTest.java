package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;

import org.rmmfiji.analysis.CouplingEntry;
import org.rmmfiji.job.CouplingResult;

/** The heat map's signed values and its rendering, on a made-up three-cell circuit (no fit). */
class CouplingFiguresTest {

    static CouplingEntry entry(String pre, String post, String kind, String sign, double rms, double outward, double drop) {
        CouplingEntry e = new CouplingEntry();
        e.pre = pre;
        e.post = post;
        e.kind = kind;
        e.sign = sign;
        e.rms_nA = rms;
        e.outward_fraction = outward;
        e.ablation_drop = drop;
        e.note = "";
        return e;
    }

    @Test
    void signedValues() {
        assertEquals(0.2, CouplingFigures.value(entry("A", "B", "conductance-based", "excitatory", 0.2, 0.1, 0.3)), 0);
        assertEquals(-0.2, CouplingFigures.value(entry("A", "B", "conductance-based", "inhibitory", 0.2, 0.9, 0.3)), 0);
        // mixed: the sign of −(mean current); outward (positive) current dominating makes it negative
        assertEquals(-0.2, CouplingFigures.value(entry("A", "B", "conductance-based", "mixed", 0.2, 0.7, 0)), 0);
        assertEquals(0.2, CouplingFigures.value(entry("A", "B", "conductance-based", "mixed", 0.2, 0.3, 0)), 0);
        assertEquals(0, CouplingFigures.value(entry("A", "B", "conductance-based", "mixed", 0.2, 0.5, 0)), 0);
        // lumped: the signed ablation drop, 0 when ablating does not lower the score, NaN without ablation
        assertEquals(-0.1, CouplingFigures.value(entry("A", "B", "lumped", "inhibitory", Double.NaN, 0.9, 0.1)), 0);
        assertEquals(0, CouplingFigures.value(entry("A", "B", "lumped", "excitatory", Double.NaN, 0.1, -0.05)), 0);
        assertTrue(Double.isNaN(CouplingFigures.value(entry("A", "B", "lumped", "excitatory", Double.NaN, 0.1, Double.NaN))));
    }

    @Test
    void divergingMapRunsBlueWhiteRed() {
        Color lo = Figures.diverging(-1), mid = Figures.diverging(0), hi = Figures.diverging(1);
        assertTrue(lo.getBlue() > lo.getRed() && hi.getRed() > hi.getBlue(), lo + " " + hi);
        assertTrue(mid.getRed() > 240 && mid.getGreen() > 240 && mid.getBlue() > 240, mid.toString());
        assertEquals(Figures.ABSENT, Figures.diverging(Double.NaN));
    }

    @Test
    void heatMapOfACircuitWithBothKindsAndAnAbsentPair(@TempDir Path out) throws Exception {
        CouplingResult r = new CouplingResult();
        r.neurons = List.of("AB", "LP");
        r.voltages = List.of("AB", "LP", "PY");
        r.segment = "made-up#0";
        r.matrix = List.of(entry("AB", "LP", "conductance-based", "excitatory", 0.3, 0.1, 0.2),
                entry("LP", "AB", "conductance-based", "inhibitory", 0.6, 0.95, 0.05),
                entry("PY", "AB", "lumped", "inhibitory", Double.NaN, 0.9, 0.1));
        r.ensemble = List.of(r.matrix);
        r.spread = List.of();
        r.heatMapPng = out.resolve("map.png");
        ImagePlus imp = CouplingFigures.heatMap(r);
        assertTrue(imp.getTitle().contains("conductance-based and lumped synapses"), imp.getTitle());
        String info = (String) imp.getProperty("Info");
        assertTrue(info.contains("PY -> AB: lumped, inhibitory, value -0.100 (not on the colour scale)"), info);
        assertTrue(info.contains("colour scale ±0.600"), info);
        assertTrue(imp.getWidth() > 3 * CouplingFigures.CELL_W && imp.getHeight() > 2 * CouplingFigures.CELL_H);
        Figures.save(List.of(new Figures.Figure(imp, r.heatMapPng)));
        assertNotNull(ImageIO.read(r.heatMapPng.toFile()));
        try (var s = Files.list(out)) {
            assertEquals(1, s.count(), "only the PNG, no temporary file");
        }
    }
}
