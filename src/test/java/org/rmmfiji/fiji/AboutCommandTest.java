package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import org.rmmfiji.io.SoftwareVersion;

/** About RMM, headless: the build's version and the paper to cite. */
class AboutCommandTest {
    @Test
    void saysTheVersionAndThePaper() throws Exception {
        try (Context ctx = new Context(CommandService.class)) {
            CommandModule m = ctx.service(CommandService.class).run(AboutCommand.class, true, Map.of()).get();
            assertFalse(m.isCanceled());
            assertEquals(SoftwareVersion.version(), m.getOutput("version"));
            assertTrue(((String) m.getOutput("citation")).contains("10.1073/pnas.2426916122"));
        }
    }
}
