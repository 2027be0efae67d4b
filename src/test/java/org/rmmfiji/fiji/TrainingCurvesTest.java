package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/**
 * The live training view off screen: it rings the snapshot the selector calls best so far (whatever its metric), clears
 * itself when a new fit starts, and draws what it is given.
 */
class TrainingCurvesTest {

    static int count(BufferedImage img, java.awt.Color c) {
        int n = 0, rgb = c.getRGB() & 0xffffff;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) n++;
        return n;
    }

    @Test
    void theBestValidSnapshotIsRingedAndEveryPartIsDrawn() {
        TrainingCurves c = new TrainingCurves();
        assertEquals(-1, c.best(), "nothing scored yet");
        for (int e = 1; e <= 20; e++) c.epoch(e * 0.5, 1.0 / e);
        c.snapshot(2, 0.41, 0.30, false, true);
        c.snapshot(4, 0.77, 0.62, false, true);
        c.snapshot(6, Double.NaN, Double.NaN, true, false);     // diverged: rejected
        c.snapshot(8, 0.69, 0.70, false, false);                 // a lower score can still be best by loss: the selector says
        assertEquals(1, c.best(), "the selector's best so far");
        c.snapshot(9, 0.65, 0.9, false, true);
        assertEquals(4, c.best());
        BufferedImage img = c.render(460, 260);
        assertTrue(count(img, Figures.PALETTE[0]) > 60, "the selection values are drawn");
        assertTrue(count(img, Figures.PALETTE[1]) > 60, "Γ is drawn");
        assertTrue(count(img, new java.awt.Color(200, 30, 30)) > 10, "the rejected snapshots are drawn as crosses");
        c.epoch(0.2, 0.9);                                        // time starts again: the next fit of a batch
        assertEquals(-1, c.best(), "a new fit clears the view");
    }
}
