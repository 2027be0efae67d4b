package org.rmmfiji.cli;

import java.util.List;

import org.scijava.Context;
import org.scijava.console.ConsoleService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.event.ModuleCanceledEvent;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.event.ModuleFinishedEvent;
import org.scijava.parse.ParseService;
import org.scijava.startup.StartupService;

import org.rmmfiji.job.SettingsKeys;

/**
 * Fiji's command line reproduced with scijava-common alone:
 * {@code --headless --run "Fit RMM" 'recording_file="x.csv",output_dir="out",epochs=50'}. The command name and
 * every key and value are checked first: a usage error prints one line and exits with 2. A command that was
 * cancelled (bad input: it logged the reason itself, once) or failed exits with 1; one that finished with 0.
 */
final class Launcher {
    private Launcher() {}

    static final int USAGE = 2;

    /** Watches module events so the exit code can tell success from failure. */
    static final class Outcome {
        volatile int finished, failed;

        @EventHandler
        public void onCancel(ModuleCanceledEvent e) { failed++; }

        @EventHandler
        public void onError(ModuleErroredEvent e) { failed++; }

        @EventHandler
        public void onFinish(ModuleFinishedEvent e) { finished++; }
    }

    static int run(String[] args) {
        if (List.of(args).contains("--headless")) System.setProperty("java.awt.headless", "true");
        if (args.length == 0) {
            System.err.println("usage: --headless --run \"Fit RMM\" 'key=\"value\",…'   or   help   or   generate NAME [--out DIR]");
            return USAGE;
        }
        int run = List.of(args).indexOf("--run");
        if (run < 0 || run + 1 >= args.length) {
            System.err.println("nothing to run: give --run \"COMMAND\" 'key=value,…' (./rmm help lists the commands)");
            return USAGE;
        }
        String command = args[run + 1];
        if (!SettingsKeys.COMMANDS.containsKey(command)) {
            System.err.println(Help.unknownCommand(command));
            return USAGE;
        }
        String params = run + 2 < args.length && !args[run + 2].startsWith("--") ? args[run + 2] : null;
        // Ctrl-C: cancel the running fit and give it time to write its best snapshot (marked "stopped": "cancelled")
        Thread onInterrupt = new Thread(() -> {
            if (org.rmmfiji.fiji.RunningFits.cancelAllAndWait(60_000) > 0) System.err.println("interrupted: the fit was cancelled");
        }, "rmm-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Context ctx = new Context();
        try {
            String bad = params == null ? null : check(ctx, command, params);
            if (bad != null) {
                System.err.println(command + ": " + bad);
                return USAGE;
            }
            Outcome outcome = new Outcome();
            ctx.service(EventService.class).subscribe(outcome);
            ctx.service(ConsoleService.class).processArgs(args);
            ctx.service(StartupService.class).executeOperations();
            if (outcome.failed > 0) return 1;      // the command has said why
            if (outcome.finished == 0) {
                System.err.println(command + " did not run");
                return 1;
            }
            return 0;
        } finally {
            ctx.dispose();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
    }

    /** Our checks, then SciJava's own parser, so that nothing it would refuse reaches it. */
    static String check(Context ctx, String command, String params) {
        String bad = RunArguments.check(command, params);
        if (bad != null) return bad;
        try {
            ctx.service(ParseService.class).parse(params);
            return null;
        } catch (IllegalArgumentException e) {
            return "could not read the arguments (" + e.getMessage() + "); " + SettingsKeys.QUOTING;
        }
    }
}
