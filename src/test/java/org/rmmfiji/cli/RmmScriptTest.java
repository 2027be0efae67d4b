package org.rmmfiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first build through ./rmm says it is alive instead of staying silent (run with a stand-in for Maven). */
class RmmScriptTest {

    @Test
    void aSlowFirstBuildPrintsProgress(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("rmm");
        Files.copy(Path.of("rmm"), copy);
        Files.createDirectories(dir.resolve("src/main"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // the stand-in "mvn" takes 6 s, writes the class path file; "java" just says it ran
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\necho '[INFO] --- compiler:3.14.0:compile (default-compile) @ rmm ---'\nsleep 6\n"
                + "mkdir -p \"" + dir.resolve("target") + "\"\necho '' > \"" + dir.resolve("target/classpath.txt") + "\"\n");
        Files.writeString(bin.resolve("java"), "#!/usr/bin/env bash\necho ran\n");
        for (String f : new String[] {"mvn", "java"}) Files.setPosixFilePermissions(bin.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", copy.toString(), "help");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("building… 5 s") && out.contains("compiler:3.14.0:compile"), out);
        assertTrue(out.contains("ran"), out);
    }
}
