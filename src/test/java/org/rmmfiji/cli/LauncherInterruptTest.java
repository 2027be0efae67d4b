package org.rmmfiji.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rmmfiji.TestData;

/** An interrupted headless fit (Ctrl-C, or a batch system's SIGTERM) writes its best snapshot, marked cancelled. */
class LauncherInterruptTest {

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs({org.junit.jupiter.api.condition.OS.LINUX, org.junit.jupiter.api.condition.OS.MAC})
    void interruptWritesTheBestSnapshotMarkedCancelled(@TempDir Path data, @TempDir Path out) throws Exception {
        Path hh = TestData.smallHh(data);
        String args = "recording_file=\"" + hh + "\",output_dir=\"" + out + "\",split=\"segments\",train_segments=\"0\","
                + "validation_segments=\"1\",epochs=\"400\",batch_size=\"2000\",snapshot_every=\"1\"";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.rmmfiji.cli.Main",
                "--headless", "--run", "Fit RMM", args).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        // 400 epochs end by themselves in well under a minute should the interrupt never be sent
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean sent = false;
            while ((line = r.readLine()) != null) {
                log.append(line).append('\n');
                if (!sent && line.contains("snapshot at epoch 2")) {
                    // Ctrl-C: SIGINT (Process.destroy would close our end of the pipe too)
                    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
                    sent = true;
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ends after the interrupt");
        Path model = out.resolve("hh.rmm.json");
        assertTrue(Files.exists(model), "the best snapshot was written; log:\n" + log);
        String written = Files.readString(model);
        Matcher stopped = Pattern.compile("\"stopped\": \"[a-z-]+\"").matcher(written);
        assertTrue(written.contains("\"stopped\": \"cancelled\""), "marked cancelled, but " + (stopped.find() ? stopped.group() : "no stop reason") + "; log:\n" + log);
        assertTrue(log.toString().contains("interrupted: the fit was cancelled"), log.toString());
    }
}
