package org.rmmfiji.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.plugin.Plugin;

import org.rmmfiji.fiji.ExportRecordingCommand;
import org.rmmfiji.fiji.FitRmmCommand;
import org.rmmfiji.fiji.InspectCouplingCommand;
import org.rmmfiji.fiji.InspectCurrentsCommand;
import org.rmmfiji.fiji.OpenRecordingCommand;
import org.rmmfiji.fiji.PredictRmmCommand;
import org.rmmfiji.job.SettingsKeys;

/** {@code ./rmm --help}, {@code ./rmm help}, {@code ./rmm help "Fit RMM"}: generated from the settings classes. */
final class Help {
    private Help() {}

    /** The one-line description of each command is its @Plugin description. */
    static final Map<String, Class<?>> COMMAND_CLASSES = new LinkedHashMap<>();
    static {
        COMMAND_CLASSES.put("Open Recording", OpenRecordingCommand.class);
        COMMAND_CLASSES.put("Fit RMM", FitRmmCommand.class);
        COMMAND_CLASSES.put("Predict RMM", PredictRmmCommand.class);
        COMMAND_CLASSES.put("Export Recording as CSV", ExportRecordingCommand.class);
        COMMAND_CLASSES.put("Inspect Synaptic Coupling", InspectCouplingCommand.class);
        COMMAND_CLASSES.put("Inspect Currents", InspectCurrentsCommand.class);
        COMMAND_CLASSES.put("Batch Fit", org.rmmfiji.fiji.BatchFitCommand.class);
        COMMAND_CLASSES.put("Merge Batch Results", org.rmmfiji.fiji.MergeBatchCommand.class);
        COMMAND_CLASSES.put("Design Stimulus", org.rmmfiji.fiji.DesignStimulusCommand.class);
        COMMAND_CLASSES.put("Model Builder", org.rmmfiji.fiji.ModelBuilderCommand.class);
        COMMAND_CLASSES.put("About RMM", org.rmmfiji.fiji.AboutCommand.class);
    }

    static String description(String command) {
        return COMMAND_CLASSES.get(command).getAnnotation(Plugin.class).description();
    }

    static String overview() {
        StringBuilder sb = new StringBuilder("usage: ./rmm --headless --run \"COMMAND\" 'key=value,…'\n\ncommands:\n");
        for (String c : SettingsKeys.COMMANDS.keySet()) sb.append(String.format("  %-25s %s%n", c, description(c)));
        sb.append("\nalso:\n")
                .append("  ./rmm help \"COMMAND\"         the keys of a command, with defaults, units and descriptions\n")
                .append("  ./rmm generate NAME [--out DIR] [--scale FRACTION]   a ground-truth dataset (").append(Generate.NAMES).append(")\n")
                .append("  ./rmm study [DATASET]        every trainer on one dataset: a table and a plot of validation score against time\n")
                .append("  ./rmm benchmark [--data DIR] [--epochs N] [--long-data-only] [--time-to-quality]   training and free-run speed (or time to a good model) against numpy and PyTorch\n")
                .append("  ./rmm benchmark-memory       opening and drawing an hour of 10 kHz data: time and peak heap\n")
                .append("  ./rmm docs                   writes docs/commands.md, the key reference, from the settings classes\n\n")
                .append("trainers (key trainer, joined with + for a pipeline):\n");
        for (org.rmmfiji.train.Trainers.Entry e : org.rmmfiji.train.Trainers.entries())
            sb.append(String.format("  %-25s %s%n", e.id, e.description));
        sb.append('\n')
                .append(SettingsKeys.QUOTING).append('\n');
        return sb.toString();
    }

    static String command(String command) {
        return command + ": " + description(command) + "\n./rmm --headless --run \"" + command + "\" 'key=value,…' with these keys (key=default [unit]):\n"
                + SettingsKeys.help(command) + SettingsKeys.QUOTING + "\n";
    }

    /** args: "help" [COMMAND] or "--help". */
    static int run(String[] args) {
        if (args.length < 2) {
            System.out.print(overview());
            return 0;
        }
        String name = String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length));
        if (!SettingsKeys.COMMANDS.containsKey(name)) {
            System.err.println(unknownCommand(name));
            return 2;
        }
        System.out.print(command(name));
        return 0;
    }

    static String unknownCommand(String name) {
        return "no command named '" + name + "'; the commands are \"" + String.join("\", \"", SettingsKeys.COMMANDS.keySet())
                + "\" (./rmm help lists them)";
    }
}
