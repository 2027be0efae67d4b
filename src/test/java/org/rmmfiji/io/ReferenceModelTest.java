package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.Channel;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.ChannelMap;
import org.rmmfiji.sim.FreeRun;

/**
 * A model file written by version 0.1.0 (format_version 1) is committed with the prediction it made; every later
 * version must read it and reproduce that prediction bit for bit.
 */
class ReferenceModelTest {

    /** A deterministic stimulus: 100 ms at rest, then a sinusoidally modulated current (20 kHz, 300 ms). */
    static Recording stimulus() {
        int n = 6000;
        float[] v = new float[n], i = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = -65f;
            i[k] = k < 2000 ? 0f : (float) (6 + 4 * Math.sin(2 * Math.PI * k * 0.05 / 37.0));
        }
        return new Recording("stimulus", 0.05, List.of(new Channel("V", "mV"), new Channel("I", "nA")),
                List.of(new Segment("stimulus", new float[][] {v, i})), List.of());
    }

    static double[] predict(Path modelFile) throws IOException {
        ModelFile mf = ModelFiles.read(modelFile);
        Network net = ModelFiles.toNetwork(mf, modelFile.toString());
        Recording rec = stimulus();
        ChannelMap map = ChannelMap.bind(rec, net, mf.provenance.voltage_channels, mf.provenance.current_channels);
        return FreeRun.run(net, rec.segments().get(0), map, null, 0.01).predicted[0];
    }

    static Path resource(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = ReferenceModelTest.class.getResourceAsStream("/reference/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void theVersion1ReferenceModelPredictsAsItDid(@TempDir Path dir) throws IOException {
        double[] predicted = predict(resource(dir, "hh-lumped-v1.rmm.json"));
        List<String> expected = Files.readAllLines(resource(dir, "hh-lumped-v1.prediction.txt"), StandardCharsets.UTF_8);
        assertEquals(expected.size(), predicted.length);
        for (int k = 0; k < predicted.length; k++)
            assertEquals(Double.parseDouble(expected.get(k)), predicted[k], 0.0, "sample " + k);
    }

    /** What a stock Fiji runs (no Vector API) must predict the same bits. */
    @Test
    void thePlainKernelsPredictTheSameBits(@TempDir Path dir) throws IOException {
        org.rmmfiji.math.Kernels before = org.rmmfiji.math.Kernels.get();
        try {
            org.rmmfiji.math.Kernels.use(org.rmmfiji.math.Kernels.scalar());
            double[] plain = predict(resource(dir, "hh-lumped-v1.rmm.json"));
            org.rmmfiji.math.Kernels.use(org.rmmfiji.math.Kernels.best());
            double[] best = predict(dir.resolve("hh-lumped-v1.rmm.json"));
            org.junit.jupiter.api.Assertions.assertArrayEquals(best, plain, 0.0, org.rmmfiji.math.Kernels.best().name() + " against scalar");
        } finally {
            org.rmmfiji.math.Kernels.use(before);
        }
    }

    /** Writes the reference files (run once, by hand, when the format version changes). */
    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Files.copy(model, dir.resolve("hh-lumped-v1.rmm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StringBuilder sb = new StringBuilder();
        for (double v : predict(model)) sb.append(v).append('\n');
        Files.writeString(dir.resolve("hh-lumped-v1.prediction.txt"), sb.toString());
    }
}
