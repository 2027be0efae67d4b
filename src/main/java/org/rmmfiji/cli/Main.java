package org.rmmfiji.cli;

/**
 * The launcher. {@code generate NAME …} writes a named ground-truth dataset, {@code benchmark} measures training
 * throughput against the numpy baseline, {@code study [DATASET]} compares the trainers on one dataset, {@code help} describes the commands and their keys; anything else is handed to the SciJava console as Fiji does (after checking the keys of --run), e.g. {@code --headless --run "Fit RMM" 'recording_file="x.csv",…'}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h"))) System.exit(Help.run(args));
        if (args.length > 0 && args[0].equals("generate")) System.exit(Generate.run(args));
        if (args.length > 0 && args[0].equals("benchmark")) System.exit(Benchmark.run(args));
        if (args.length > 0 && args[0].equals("benchmark-memory")) System.exit(MemoryBenchmark.run(args));
        if (args.length > 0 && args[0].equals("study")) System.exit(Study.run(args));
        if (args.length > 0 && args[0].equals("docs")) System.exit(UserGuide.run(args));
        System.exit(Launcher.run(args));
    }
}
