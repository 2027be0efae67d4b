package org.rmmfiji.cli;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.rmmfiji.groundtruth.NamedDataset;
import org.rmmfiji.groundtruth.NamedDatasets;

/** {@code generate NAME [--out DIR] [--scale X]}: writes a named ground-truth dataset and prints its hash. */
final class Generate {
    private Generate() {}

    /** The names generate accepts, said in every usage message. */
    static String names() {
        StringBuilder sb = new StringBuilder();
        for (NamedDataset d : NamedDatasets.all()) sb.append(d.name).append(", ");
        return sb.append("all, sample").toString();
    }

    static final String NAMES = names();
    static final String USAGE = "usage: generate NAME [--out DIR] [--scale FRACTION]   (NAME: " + NAMES + ")";

    static int run(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(USAGE);
            return 2;
        }
        String name = args[1];
        boolean known = name.equals("all") || name.equals("sample");
        for (NamedDataset d : NamedDatasets.all()) known |= d.name.equals(name);
        if (!known) {
            System.err.println("generate: no dataset named '" + name + "'; the names are " + NAMES);
            return 2;
        }
        Path out = Paths.get("datasets");
        double scale = 1.0;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) out = Paths.get(args[++i]);
            else if (args[i].equals("--scale") && i + 1 < args.length && RunArguments.isNumber(args[i + 1])) scale = Double.parseDouble(args[++i]);
            else {
                System.err.println("generate: unknown option or missing value '" + args[i] + "'; " + USAGE);
                return 2;
            }
        }
        if (args[1].equals("sample")) {
            NamedDatasets.writeSample(out);
            System.out.println("wrote " + out.resolve(NamedDatasets.SAMPLE_FILE));
            return 0;
        }
        Iterable<NamedDataset> sets = args[1].equals("all") ? NamedDatasets.all() : java.util.List.of(NamedDatasets.get(args[1]));
        for (NamedDataset d : sets) {
            long t0 = System.nanoTime();
            String hash = NamedDatasets.generate(d, out, scale);
            System.out.printf(java.util.Locale.ROOT, "%s: %s and %s in %s (%.1f s)%n  sha256 %s%n", d.name, d.recordingFile(), d.truthFile(),
                    out, (System.nanoTime() - t0) * 1e-9, hash);
        }
        return 0;
    }
}
