package org.rmmfiji.fiji;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.Map;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Model Builder: a window that edits an architecture ({@link ModelBuilderPanel}) and hands it to Fit RMM. It needs a
 * screen; headless, it says so and points to spec files, which a text editor or a script writes as well.
 */
@Plugin(type = Command.class, label = "Model Builder", headless = true,
        description = "Build a model architecture (currents, filter banks, layer sizes, synapses), save it as *.rmmspec.json and fit it")
public class ModelBuilderCommand extends ContextCommand {
    static final String TITLE = "RMM Model Builder";

    @Parameter private org.scijava.log.LogService log;

    /** Text, not a File: SciJava cancels a headless run silently when a File input is left unset (see the conventions). */
    @Parameter(label = "Spec file to open (optional)", required = false, persist = false)
    private String spec_file = "";

    @Override
    public void run() {
        if (GraphicsEnvironment.isHeadless()) {
            String why = "Model Builder: it needs a screen. Headless, write the architecture as a spec file (a fit writes its own "
                    + "NAME.rmmspec.json to start from) and pass it to Fit RMM as spec_file.";
            log.error(why);
            cancel(why);
            return;
        }
        SwingUtilities.invokeLater(() -> open(spec_file == null || spec_file.isBlank() ? null : Path.of(spec_file.trim())));
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
