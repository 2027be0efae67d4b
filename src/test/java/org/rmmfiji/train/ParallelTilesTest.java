package org.rmmfiji.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ParallelTilesTest {

    @Test
    void everyTileRunsOnceOnOneThreadOrTwo() {
        for (int threads : new int[] {1, 2}) {
            int[] runs = new int[100];
            try (ParallelTiles<Integer> tiles = new ParallelTiles<>(threads == 1 ? List.of(0) : List.of(0, 1), "test")) {
                for (int rep = 0; rep < 3; rep++) tiles.run(100, (w, t) -> runs[t]++);
            }
            for (int t = 0; t < runs.length; t++) assertEquals(3, runs[t], "tile " + t + " on " + threads + " thread(s)");
        }
    }

    @Test
    void aFailingTileStopsTheOthersAndIsThrownAsItIs() {
        AtomicInteger ran = new AtomicInteger();
        try (ParallelTiles<Integer> tiles = new ParallelTiles<>(List.of(0, 1), "test")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiles.run(10_000, (w, t) -> {
                ran.incrementAndGet();
                if (t == 3) throw new IllegalArgumentException("tile 3");
                sleep();
            }));
            assertEquals("tile 3", e.getMessage());
            assertTrue(ran.get() < 100, "the workers stopped taking tiles after the failure: " + ran.get() + " ran");
            AssertionError err = assertThrows(AssertionError.class, () -> tiles.run(10, (w, t) -> { if (t == 5) throw new AssertionError("tile 5"); }));
            assertEquals("tile 5", err.getMessage(), "an Error is thrown as it is, not wrapped");
            int[] after = new int[10];
            tiles.run(10, (w, t) -> after[t]++);       // still usable
            for (int v : after) assertEquals(1, v);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
