package org.rmmfiji.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.rmmfiji.TestData;
import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.io.Recordings;
import org.rmmfiji.model.Network;

/**
 * A part cut from a longer stretch of recording warms its filters up on the recording just before it (its lead), so a
 * validation part that follows the training part of a sweep is predicted from its first sample, exactly as a free run
 * of a segment that starts one transient earlier predicts those samples.
 */
class FreeRunLeadTest {
    static final double DUMP = 0.01;

    record Fixture(Network net, Segment whole, ChannelMap map, int k0) {}

    static Fixture fixture() throws Exception {
        Path model = TestData.syncondModel();
        ModelFile mf = ModelFiles.read(model);
        Network net = ModelFiles.toNetwork(mf, model.toString());
        Recording rec = Recordings.open(TestData.pdLpShort());
        Segment whole = rec.segments().get(0);
        return new Fixture(net, whole, ChannelMap.bind(rec, net, mf.provenance.voltage_channels, mf.provenance.current_channels),
                FreeRun.transientSamples(net, DUMP));
    }

    @Test
    void slicesKnowTheRecordingBeforeThem() {
        float[][] ch = {new float[100]};
        Segment whole = new Segment("s", ch, 10, 80);
        assertEquals(0, whole.lead(), "a sweep inside a shared array has no lead: the sweep before it is another stretch");
        Segment[] parts = Dataset.parts(whole, 0.5, 0.25);
        assertEquals(0, parts[0].lead());
        assertEquals(40, parts[1].lead());
        assertEquals(60, parts[2].lead());
        assertEquals(45, parts[1].slice("inner", 5, 10).lead(), "leads add up");
        Segment back = parts[1].extendedBack(15);
        assertEquals(35, back.length());
        assertEquals(25, back.lead());
        assertEquals(parts[1].get(0, 0), back.get(0, 15));
        assertThrows(IllegalArgumentException.class, () -> parts[1].extendedBack(41));
        assertEquals(parts[1].lead(), parts[1].startingAt(2.0).lead());
    }

    @Test
    void aPartAfterATransientOfRecordingIsPredictedFromItsFirstSample() throws Exception {
        Fixture f = fixture();
        int from = f.whole.length() - 8_000;
        assertTrue(from >= f.k0, "the fixture leaves a whole transient before the part");
        Segment part = f.whole.slice("part", from, f.whole.length());
        FreeRun.Result r = FreeRun.run(f.net, part, f.map, null, DUMP);
        assertEquals(0, r.start);
        assertEquals(part.length(), r.predicted[0].length);
        // a segment of its own that begins one transient earlier, with no lead, predicts the same samples bit for bit
        Segment earlier = new Segment("earlier", backing(f.whole), f.whole.offset() + from - f.k0, part.length() + f.k0);
        FreeRun.Result e = FreeRun.run(f.net, earlier, f.map, null, DUMP);
        assertEquals(f.k0, e.start);
        assertArrayEquals(e.predicted[0], r.predicted[0]);
        assertArrayEquals(e.measured[0], r.measured[0]);
    }

    @Test
    void aShortLeadShortensTheWarmUpInsideThePart() throws Exception {
        Fixture f = fixture();
        int lead = f.k0 / 3;
        Segment part = f.whole.slice("part", lead, f.whole.length());
        assertEquals(f.k0 - lead, FreeRun.firstSample(f.net, part, DUMP));
        assertEquals(f.k0 - lead, FreeRun.run(f.net, part, f.map, null, DUMP).start);
        assertEquals(f.k0, FreeRun.run(f.net, f.whole, f.map, null, DUMP).start, "a whole segment warms up on its own first samples");
    }

    @Test
    void aPartTooShortEvenWithItsLeadIsRefusedSayingSo() throws Exception {
        Fixture f = fixture();
        Segment part = f.whole.slice("tail", 100, 200);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FreeRun.run(f.net, part, f.map, null, DUMP));
        assertTrue(e.getMessage().contains("tail has 100 samples after 100 of recording before it"), e.getMessage());
    }

    static float[][] backing(Segment s) {
        float[][] c = new float[s.channelCount()][];
        for (int i = 0; i < c.length; i++) c[i] = s.backing(i);
        return c;
    }
}
