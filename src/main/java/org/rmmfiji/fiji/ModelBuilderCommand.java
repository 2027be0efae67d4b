package org.rmmfiji.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Model Builder: a window that edits an architecture ({@link ModelBuilderPanel}) and hands it to Fit RMM. It needs a
 * screen; headless, it says so and points to spec files, which a text editor or a script writes as well.
 */
@Plugin(type = Command.class, label = "Model Builder", headless = true,
        description = "Build a model architecture (currents, filter banks, layer sizes, synapses), save it as *.rmmspec.json and fit it")
public class ModelBuilderCommand extends ContextCommand {
    static final String TITLE = "RMM Model Builder";

    @Parameter(label = "Spec file to open (optional)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
    private File spec_file;

    @Override
    public void run() {
        if (GraphicsEnvironment.isHeadless()) {
            cancel("The model builder needs a screen. Headless, write the architecture as a spec file (a fit writes its own "
                    + "NAME.rmmspec.json to start from) and pass it to Fit RMM as spec_file.");
            return;
        }
        SwingUtilities.invokeLater(() -> open(spec_file == null ? null : spec_file.toPath()));
    }

    /** Opens the builder window (on the event thread); Fit hands the saved spec to the Fit RMM dialog. */
    static JFrame open(Path spec) {
        ModelBuilderPanel panel = new ModelBuilderPanel(ModelBuilderCommand::fit);
        if (spec != null) {
            try {
                panel.load(spec);
            } catch (Exception e) {
                ij.IJ.error(TITLE, String.valueOf(e.getMessage()));
            }
        }
        JFrame frame = new JFrame(TITLE);
        frame.setContentPane(panel);
        frame.pack();
        frame.setLocationByPlatform(true);
        frame.setVisible(true);
        return frame;
    }

    /** Runs Fit RMM as its menu entry does (so the Recorder records it), its dialog starting from the saved spec. */
    private static void fit(Path spec) {
        CommandDialog.prefillNext("Fit RMM", Map.of("spec_file", spec.toString()));
        ij.IJ.doCommand("Fit RMM");
    }
}
