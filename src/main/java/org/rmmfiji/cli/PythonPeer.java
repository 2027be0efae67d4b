package org.rmmfiji.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Python implementation of the authors' teacher-forcing algorithm (bench/numpy_tf.py, bench/torch_tf.py) run on
 * regressors this JVM exported, so both sides train on identical features. The interpreter is {@code python3}, or
 * the one named by the environment variable {@code RMM_PYTHON}.
 */
final class PythonPeer {
    /** What a peer printed: sample-epochs per second, its library's version and the mean loss of its last epoch. */
    static final class Result {
        final double rate;
        final String version;
        final double finalLoss;

        Result(double rate, String version, double finalLoss) {
            this.rate = rate;
            this.version = version;
            this.finalLoss = finalLoss;
        }
    }

    private static final Pattern RESULT = Pattern.compile("^(\\w+): (\\d+) sample-epochs/s .*version (\\S+), final epoch loss ([-+0-9.eE]+|nan|inf)\\)\\s*$");

    final String name;
    private final String script;

    PythonPeer(String name, String script) {
        this.name = name;
        this.script = script;
    }

    static String interpreter() {
        String p = System.getenv("RMM_PYTHON");
        return p != null && !p.isBlank() ? p : "python3";
    }

    /** The project's bench/ folder: beside target/classes, where this class was loaded from, else in the working folder. */
    static Path benchFolder() {
        try {
            Path classes = Path.of(PythonPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path bench = classes.getParent() == null || classes.getParent().getParent() == null ? null : classes.getParent().getParent().resolve("bench");
            if (bench != null && java.nio.file.Files.isDirectory(bench)) return bench;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // a jar or an unusual class path: fall back to the working folder
        }
        return Path.of("bench");
    }

    /** Runs the peer; null (with the reason printed) when the interpreter or its library is missing or it failed. */
    Result run(Path features, int epochs, int threads, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(interpreter(), benchFolder().resolve(script).toString(),
                features.toAbsolutePath().toString(), Integer.toString(epochs), Integer.toString(threads)));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // Some machines pin OpenBLAS to an older kernel through these; a fair peer runs its library's best one.
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        for (String v : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) pb.environment().put(v, Integer.toString(threads));
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            System.out.println(name + " peer skipped: " + interpreter() + " not found");
            return null;
        }
        Result result = null;
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = RESULT.matcher(line);
                if (m.matches() && m.group(1).equals(name)) result = new Result(Double.parseDouble(m.group(2)), m.group(3), Double.parseDouble(m.group(4)));
                else other.append(line).append('\n');
            }
        }
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            System.out.println(name + " peer stopped after 30 minutes");
            return null;
        }
        if (p.exitValue() != 0 || result == null) {
            System.out.println(name + " peer failed (does " + interpreter() + " have " + name + "? Debian's python3-numpy and python3-torch):\n" + other);
            return null;
        }
        return result;
    }
}
