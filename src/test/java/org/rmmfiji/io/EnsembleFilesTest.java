package org.rmmfiji.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rmmfiji.data.InvalidInputException;

/** The ensemble summary's reader: kept members' model files relative to the summary, and clear messages otherwise. */
class EnsembleFilesTest {

    static EnsembleFile.Member member(int i, String status, boolean kept) {
        EnsembleFile.Member m = new EnsembleFile.Member();
        m.member = i;
        m.name = "cell-ensemble-s" + i + "-b1";
        m.status = status;
        m.kept = kept;
        m.dropped = !kept && !status.equals(EnsembleFile.FAILED) && !status.equals(EnsembleFile.NOT_RUN);
        m.file = status.equals(EnsembleFile.NOT_RUN) ? null : m.name + ModelFiles.SUFFIX;
        return m;
    }

    @Test
    void keptModelsAreTheKeptMembersResolvedBesideTheSummary(@TempDir Path dir) throws IOException {
        EnsembleFile f = new EnsembleFile();
        f.name = "cell";
        f.members = List.of(member(1, EnsembleFile.FITTED, true), member(2, EnsembleFile.FITTED, false), member(3, EnsembleFile.CANCELLED, true),
                member(4, EnsembleFile.FAILED, false), member(5, EnsembleFile.NOT_RUN, false));
        Path moved = dir.resolve("moved");
        Files.createDirectories(moved);
        for (EnsembleFile.Member m : f.members) if (m.file != null) Files.writeString(moved.resolve(m.file), "{}");
        Path summary = moved.resolve("cell" + EnsembleFiles.SUFFIX);
        EnsembleFiles.write(summary, f);
        assertTrue(EnsembleFiles.isSummary(summary));
        assertFalse(EnsembleFiles.isSummary(moved.resolve("cell-ensemble-s1-b1.rmm.json")));
        assertEquals(List.of(moved.resolve("cell-ensemble-s1-b1.rmm.json").toAbsolutePath(), moved.resolve("cell-ensemble-s3-b1.rmm.json").toAbsolutePath()),
                EnsembleFiles.keptModels(summary));

        Files.delete(moved.resolve("cell-ensemble-s3-b1.rmm.json"));
        String missing = assertThrows(InvalidInputException.class, () -> EnsembleFiles.keptModels(summary)).getMessage();
        assertTrue(missing.contains("kept member cell-ensemble-s3-b1 is missing"), missing);

        f.members = List.of(member(1, EnsembleFile.FAILED, false));
        EnsembleFiles.write(summary, f);
        String none = assertThrows(InvalidInputException.class, () -> EnsembleFiles.keptModels(summary)).getMessage();
        assertTrue(none.contains("no member of the ensemble is kept"), none);
    }

    @Test
    void aFileThatIsNotASummaryIsNamed(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("x" + EnsembleFiles.SUFFIX);
        Files.writeString(model, "{\"format_version\": 1, \"kind\": \"rmm-model\"}");
        assertTrue(assertThrows(InvalidInputException.class, () -> EnsembleFiles.read(model)).getMessage().contains("not an RMM ensemble summary"));
        Files.writeString(model, "{\"format_version\": 9, \"kind\": \"rmm-ensemble\", \"members\": []}");
        assertTrue(assertThrows(InvalidInputException.class, () -> EnsembleFiles.read(model)).getMessage().contains("format_version 9 is not supported"));
        assertTrue(assertThrows(InvalidInputException.class, () -> EnsembleFiles.read(dir.resolve("none.rmmensemble.json"))).getMessage()
                .contains("no such ensemble summary"));
    }

    @Test
    void theTableQuotesTextWithCommas(@TempDir Path dir) throws IOException {
        EnsembleFile f = new EnsembleFile();
        f.selection = "combined";
        EnsembleFile.Member m = member(1, EnsembleFile.FAILED, false);
        m.error = "could not write a, b: \"disk full\"";
        f.members = List.of(m);
        Path csv = dir.resolve("t.csv");
        EnsembleFiles.writeTable(csv, f);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(EnsembleFiles.TABLE_HEADER, lines.get(0));
        assertTrue(lines.get(1).endsWith(",\"could not write a, b: \"\"disk full\"\"\""), lines.get(1));
    }
}
