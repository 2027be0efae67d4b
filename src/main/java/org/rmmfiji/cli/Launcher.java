package org.rmmfiji.cli;

import java.util.List;

import org.scijava.Context;
import org.scijava.console.ConsoleService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.event.ModuleCanceledEvent;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.event.ModuleFinishedEvent;
import org.scijava.startup.StartupService;

/**
 * Fiji's command line reproduced with scijava-common alone:
 * {@code --headless --run "Fit RMM" 'recording_file="x.csv",output_dir="out",epochs=50'}. Exits with 1 when
 * the command was cancelled (bad input: the reason is printed) or failed, and 0 when it finished.
 */
final class Launcher {
    private Launcher() {}

    /** Watches module events so the exit code can tell success from failure. */
    static final class Outcome {
        volatile int finished, failed;
        volatile String reason;

        @EventHandler
        public void onCancel(ModuleCanceledEvent e) {
            failed++;
            reason = e.getModule() instanceof org.scijava.Cancelable ? ((org.scijava.Cancelable) e.getModule()).getCancelReason() : null;
        }

        @EventHandler
        public void onError(ModuleErroredEvent e) {
            failed++;
            reason = String.valueOf(e.getException());
        }

        @EventHandler
        public void onFinish(ModuleFinishedEvent e) { finished++; }
    }

    static int run(String[] args) {
        if (List.of(args).contains("--headless")) System.setProperty("java.awt.headless", "true");
        if (args.length == 0) {
            System.err.println("usage: --headless --run \"Fit RMM\" 'key=\"value\",…'   or   generate NAME [--out DIR]");
            return 2;
        }
        // Ctrl-C: cancel the running fit and give it time to write its best snapshot (marked "stopped": "cancelled")
        Thread onInterrupt = new Thread(() -> {
            if (org.rmmfiji.fiji.RunningFits.cancelAllAndWait(60_000) > 0) System.err.println("interrupted: the fit was cancelled");
        }, "rmm-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Context ctx = new Context();
        try {
            Outcome outcome = new Outcome();
            ctx.service(EventService.class).subscribe(outcome);
            ctx.service(ConsoleService.class).processArgs(args);
            ctx.service(StartupService.class).executeOperations();
            if (outcome.failed > 0) {
                System.err.println(outcome.reason != null ? outcome.reason : "the command did not complete");
                return 1;
            }
            if (outcome.finished == 0) {
                System.err.println("no command ran: check the command name after --run (\"Fit RMM\" or \"Predict RMM\")");
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
}
