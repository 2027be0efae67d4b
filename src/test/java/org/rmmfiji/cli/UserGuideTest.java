package org.rmmfiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.rmmfiji.job.SettingsKeys;

/** The committed command reference is what the settings classes generate (run ./rmm docs after changing a key). */
class UserGuideTest {

    @Test
    void theCommittedCommandReferenceIsUpToDate() throws IOException {
        String committed = Files.readString(UserGuide.PAGE, StandardCharsets.UTF_8);
        assertEquals(UserGuide.page(), committed, "docs/commands.md is out of date: run ./rmm docs");
    }

    @Test
    void everyCommandAndKeyIsOnThePage() {
        String page = UserGuide.page();
        for (String c : SettingsKeys.COMMANDS.keySet()) {
            assertTrue(page.contains("\n## " + c + "\n"), c);
            for (String[] k : SettingsKeys.table(c)) assertTrue(page.contains("| `" + k[0] + "` |"), c + ": " + k[0]);
        }
    }
}
