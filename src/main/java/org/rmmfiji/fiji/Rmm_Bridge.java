package org.rmmfiji.fiji;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import ij.IJ;
import ij.Macro;
import ij.plugin.PlugIn;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.service.Service;

import org.rmmfiji.job.SettingsKeys;

/**
 * The IJ1 face of the commands, registered in plugins.config as "Fit RMM", "Predict RMM", "Export Recording
 * as CSV", "Inspect Synaptic Coupling", "Inspect Currents", "Open Recording", "Batch Fit", "Merge Batch Results",
 * "Design Stimulus", "Model Builder" and "About RMM": a macro's {@code run("Fit RMM", "recording_file=[…] output_dir=[…] epochs=50")}
 * works in Fiji and in plain ImageJ.
 * Macro keys are the command's parameter names; keys left out keep their defaults. From the menu (no macro
 * options) the plugin shows its own dialog of the command's inputs ({@link CommandDialog}), which records the macro line. The metrics of Fit and Predict go to the Results table, one row per
 * neuron and part (an ensemble fit: one row per member); Inspect Synaptic Coupling puts its matrix there itself, one
 * row per synapse, Inspect Currents its bifurcation table, one row per bifurcation, and Design Stimulus one row describing
 * the waveform.
 */
public class Rmm_Bridge implements PlugIn {

    /** plugins.config argument → command class and title (the first is the default). */
    private static final Map<String, Class<? extends Command>> COMMANDS = new java.util.LinkedHashMap<>();
    private static final Map<String, String> TITLES = new HashMap<>();
    static {
        register("fit", FitRmmCommand.class, "Fit RMM");
        register("predict", PredictRmmCommand.class, "Predict RMM");
        register("export", ExportRecordingCommand.class, "Export Recording as CSV");
        register("coupling", InspectCouplingCommand.class, "Inspect Synaptic Coupling");
        register("currents", InspectCurrentsCommand.class, "Inspect Currents");
        register("open", OpenRecordingCommand.class, "Open Recording");
        register("batch", BatchFitCommand.class, "Batch Fit");
        register("merge", MergeBatchCommand.class, "Merge Batch Results");
        register("stimulus", DesignStimulusCommand.class, "Design Stimulus");
        register("builder", ModelBuilderCommand.class, "Model Builder");
        register("about", AboutCommand.class, "About RMM");
    }

    /** Commands whose own window takes their settings (or that have none): no dialog before them. */
    private static final java.util.Set<String> WINDOW_IS_THE_DIALOG = java.util.Set.of("builder", "about");

    private static void register(String arg, Class<? extends Command> type, String title) {
        COMMANDS.put(arg, type);
        TITLES.put(arg, title);
    }

    @Override
    public void run(String arg) {
        String key = COMMANDS.containsKey(arg) ? arg : "fit";
        Class<? extends Command> type = COMMANDS.get(key);
        String title = TITLES.get(key);
        Thread.currentThread().setContextClassLoader(IJ.getClassLoader());
        Context ctx = (Context) IJ.runPlugIn("org.scijava.Context", "");
        if (ctx == null) {
            IJ.error(title, "Could not start SciJava; is scijava-common on the class path?");
            return;
        }
        CommandService cs = ctx.service(CommandService.class);
        ModuleService ms = ctx.service(ModuleService.class);
        CommandInfo info = cs.getCommand(type);
        String options = Macro.getOptions();
        boolean fromMenu = options == null;
        try {
            Module module = ms.createModule(info);
            Map<String, String> pairs = null;
            if (fromMenu && WINDOW_IS_THE_DIALOG.contains(key)) pairs = Map.of();   // every input at its default, no dialog
            else if (fromMenu && !java.awt.GraphicsEnvironment.isHeadless()) {
                pairs = CommandDialog.ask(title, info, module);
                if (pairs == null) {                             // the user cancelled the dialog: nothing to record either
                    ij.plugin.frame.Recorder.disableCommandRecording();
                    return;
                }
            } else if (options != null) pairs = keysOf(info, SettingsKeys.macroPairs(options));
            if (pairs != null) {
                String bad = SettingsKeys.checkMacro(title, pairs);
                if (bad != null) {                               // a usage error: say it once, run nothing, record nothing
                    ij.plugin.frame.Recorder.disableCommandRecording();
                    IJ.log(title + ": " + bad);
                    if (fromMenu) IJ.error(title, bad);
                    return;
                }
            }
            Map<String, Object> given = new HashMap<>();
            if (pairs != null) {
                for (ModuleItem<?> item : info.inputs()) {
                    if (Service.class.isAssignableFrom(item.getType()) || item.getType() == Context.class) continue;   // injected, not user inputs
                    String v = pairs.get(item.getName());
                    if (v != null) given.put(item.getName(), v);      // typed by SciJava's converters
                    else module.resolveInput(item.getName());         // a macro run keeps defaults: no dialog
                }
            }
            Module done = ms.run(module, true, given).get();
            if (done instanceof Cancelable && ((Cancelable) done).isCanceled()) {
                ij.plugin.frame.Recorder.disableCommandRecording();   // a run that did not happen is not recorded
                String why = ((Cancelable) done).getCancelReason();
                if (why != null) toLogWindow(why);
                if (fromMenu && why != null) IJ.error(title, why);
                return;
            }
            Object warnings = done.getOutput("warnings");
            if (warnings != null && !warnings.toString().isEmpty()) toLogWindow(warnings.toString());
            Object summary = done.getOutput("summary");
            if (summary != null) toLogWindow(summary.toString());
            Object ensemble = done.getOutput("ensemble_table");       // an ensemble: one row per member
            Object metrics = ensemble != null ? ensemble : done.getOutput("metrics_file");
            if (metrics != null) showMetrics(metrics.toString());
        } catch (Exception e) {
            ij.plugin.frame.Recorder.disableCommandRecording();
            IJ.log(title + " failed: " + e);
            if (fromMenu) IJ.error(title, e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    /**
     * Macro keys as the command spells them. ImageJ's Recorder writes keys in lower case ({@code voltage_offset_mv}),
     * so a key that matches an input but for case is that input.
     */
    static Map<String, String> keysOf(CommandInfo info, Map<String, String> pairs) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String key = e.getKey();
            for (ModuleItem<?> item : info.inputs()) if (item.getName().equalsIgnoreCase(key)) key = item.getName();
            out.put(key, e.getValue());
        }
        return out;
    }

    /**
     * The command has already said it through SciJava's log (the console); with a display the Log window shows it
     * too, but headless both end on the terminal, so it would be printed twice.
     */
    private static void toLogWindow(String text) {
        if (!java.awt.GraphicsEnvironment.isHeadless()) IJ.log(text);
    }

    /** Puts the metrics table into the system Results table, where macros read it with getResult(). */
    static void showMetrics(String file) throws IOException {
        ResultsTables.load(Paths.get(file));
    }
}
