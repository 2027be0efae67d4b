package org.rmmfiji.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rmmfiji.groundtruth.NamedDataset;
import org.rmmfiji.groundtruth.NamedDatasets;
import org.rmmfiji.io.CsvRecordings;

/** The named datasets come out bit for bit as committed (hash over their float32 samples), and read back the same. */
class NamedDatasetsIT {

    static Map<String, String> committed() throws IOException {
        Map<String, String> m = new HashMap<>();
        try (var in = NamedDatasetsIT.class.getResourceAsStream("/datasets.sha256")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.trim().split("\\s+");
                if (p.length == 2 && !line.startsWith("#")) m.put(p[0], p[1]);
            }
        }
        return m;
    }

    @Test
    void generatedDatasetsMatchTheCommittedHashes() throws IOException {
        Map<String, String> expected = committed();
        for (NamedDataset d : NamedDatasets.all()) {
            assertEquals(expected.get(d.name), Acceptance.generatedHash(d), d.name);
            var rec = CsvRecordings.read(Acceptance.DATASETS.resolve(d.recordingFile()));
            var truth = CsvRecordings.read(Acceptance.DATASETS.resolve(d.truthFile()));
            assertEquals(expected.get(d.name), NamedDatasets.hashOf(rec, truth), d.name + " read back from CSV");
        }
    }
}
