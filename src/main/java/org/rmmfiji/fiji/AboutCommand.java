package org.rmmfiji.fiji;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import org.rmmfiji.io.SoftwareVersion;

/** About RMM: the version and commit of this build and the paper to cite (a message in Fiji, the log headless). */
@Plugin(type = Command.class, label = "About RMM", headless = true, description = "The version of RMM for Fiji and the paper to cite")
public class AboutCommand extends ContextCommand {
    static final String CITATION = "Burghi TB, Ivanova M, Morozova E, Wang H, Marder E, O'Leary T. Rapid, interpretable data-driven models of neural "
            + "dynamics using recurrent mechanistic models. PNAS 122(32):e2426916122 (2025). doi:10.1073/pnas.2426916122";

    @Parameter private LogService log;
    @Parameter(type = ItemIO.OUTPUT) private String version;
    @Parameter(type = ItemIO.OUTPUT) private String citation;

    static String text() {
        return "RMM for Fiji " + SoftwareVersion.version() + " (commit " + SoftwareVersion.commit() + ")\n"
                + "Recurrent mechanistic models of neurons and circuits fitted to intracellular recordings.\n\nPlease cite:\n" + CITATION;
    }

    @Override
    public void run() {
        version = SoftwareVersion.version();
        citation = CITATION;
        log.info(text());
        if (!java.awt.GraphicsEnvironment.isHeadless()) ij.IJ.showMessage("About RMM", text());
    }
}
