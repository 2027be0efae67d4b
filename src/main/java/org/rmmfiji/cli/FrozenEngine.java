package org.rmmfiji.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The benchmark's yardstick from this project's own past: the training engine as it was on 2026-11-26 (the revision
 * the performance work started from), built from this clone's history into target/bench/frozen-engine and run in a
 * JVM of its own on the same data, with the same recipe, as this engine's teacher-forcing lines. So a speed-up is a
 * ratio measured in one run on one machine, not a figure from another day. Its driver, bench/FrozenTeacherForcing.java,
 * is compiled against that revision's classes. Skipped, with the reason, where the history, git, Maven or a JDK
 * compiler is missing.
 */
final class FrozenEngine {
    /** The revision frozen: the last before the closed-loop, circuit, conductance and performance work. */
    static final String REVISION = "886219da4671041c9ac4b080f183af1dffe0ead0";
    static final String DESCRIPTION = "this project's engine of 2026-11-26 (" + REVISION.substring(0, 7) + ")";

    /** One thread count's figure: sample-epochs per second (median epoch after the first) and the last epoch's loss. */
    static final class Result {
        final int threads;
        final double rate;
        final double finalLoss;

        Result(int threads, double rate, double finalLoss) {
            this.threads = threads;
            this.rate = rate;
            this.finalLoss = finalLoss;
        }
    }

    private static final Pattern LINE = Pattern.compile("^frozen, (\\d+) threads: (\\d+) sample-epochs/s, final epoch loss (\\S+)$");

    private FrozenEngine() {}

    /** The child JVM's heap: the frozen engine keeps 1 M rows of lp-pd in memory, well under this. */
    private static final String HEAP = "-Xmx2g";
    /** At most this long for the child's teacher forcing. */
    private static final long TIMEOUT_MINUTES = 20;

    /**
     * Teacher forcing of the LP–PD model on the pd-lp recording {@code csv} (the fractions as {@code Dataset.byFraction}
     * takes them), {@code epochs} epochs per thread count; an empty list, with the reason said to {@code report}, when it
     * cannot run.
     */
    static List<Result> run(Path csv, double trainFraction, double validationFraction, int epochs, Consumer<String> report, int... threads)
            throws InterruptedException {
        Path project = PythonPeer.benchFolder().toAbsolutePath().getParent();
        Path dir = project.resolve("target").resolve("bench").resolve("frozen-engine");
        try {
            String why = build(project, dir);
            if (why != null) {
                report.accept("  frozen engine skipped: " + why);
                return List.of();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                    "-cp", classPath(dir, true), "FrozenTeacherForcing", csv.toAbsolutePath().toString(), Double.toString(trainFraction),
                    Double.toString(validationFraction), Integer.toString(epochs)));
            for (int t : threads) command.add(Integer.toString(t));
            Path log = dir.resolve("run.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                report.accept("  frozen engine stopped after " + TIMEOUT_MINUTES + " min; see " + project.relativize(log));
                return List.of();
            }
            List<Result> results = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) results.add(new Result(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
            }
            if (p.exitValue() != 0 || results.size() != threads.length) {
                report.accept("  frozen engine failed (exit " + p.exitValue() + "); see " + project.relativize(log));
                return List.of();
            }
            return results;
        } catch (IOException e) {
            report.accept("  frozen engine skipped: " + e);
            return List.of();
        }
    }

    /**
     * Builds the revision into dir once (a marker, written last, says a build there is whole) and compiles the driver
     * against it every time (it may have changed; it takes a second); the reason it cannot, or null.
     */
    private static String build(Path project, Path dir) throws IOException, InterruptedException {
        Path marker = dir.resolve("built-from");
        boolean built = Files.exists(marker) && Files.readString(marker).trim().equals(REVISION)
                && Files.exists(dir.resolve("target").resolve("classpath.txt"));
        if (!built) {
            deleteTree(dir);
            Files.createDirectories(dir);
            Path log = dir.resolve("git.log");
            String failed = runQuietly(project, log, "git", "cat-file", "-e", REVISION + "^{commit}");
            if (failed != null) return "revision " + REVISION.substring(0, 7) + " is not in this clone's history (" + failed + lastLine(log) + ")";
            Path tar = dir.resolveSibling("frozen-engine.tar");
            failed = runQuietly(project, log, "git", "archive", "--format=tar", "-o", tar.toString(), REVISION);
            if (failed == null) failed = runQuietly(dir, dir.resolve("tar.log"), "tar", "-xf", tar.toString());
            Files.deleteIfExists(tar);
            if (failed != null) return "could not unpack it (" + failed + lastLine(log) + ")";
            System.out.println("Building " + DESCRIPTION + " into " + project.relativize(dir) + " (once) …");
            failed = runQuietly(dir, dir.resolve("build.log"), "mvn", "-B", "-DskipTests", "-Dmaven.javadoc.skip=true", "compile");
            if (failed != null) return "its build failed (" + failed + "; see " + project.relativize(dir.resolve("build.log")) + ")";
            Files.writeString(marker, REVISION + "\n");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return "this Java has no compiler (a JRE, not a JDK)";
        Path driver = dir.resolve("driver");
        deleteTree(driver);
        Files.createDirectories(driver);
        int rc = javac.run(null, null, null, "-nowarn", "-proc:none", "-cp", classPath(dir, false), "-d", driver.toString(),
                PythonPeer.benchFolder().resolve("FrozenTeacherForcing.java").toString());
        return rc == 0 ? null : "its driver did not compile against it";
    }

    /** ": " and the last line of a tool's log, or nothing. */
    private static String lastLine(Path log) throws IOException {
        if (!Files.exists(log)) return "";
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).trim();
    }

    private static String classPath(Path dir, boolean withDriver) throws IOException {
        String deps = Files.readString(dir.resolve("target").resolve("classpath.txt")).trim();
        return (withDriver ? dir.resolve("driver") + java.io.File.pathSeparator : "") + dir.resolve("target").resolve("classes")
                + java.io.File.pathSeparator + deps;
    }

    /** Runs a tool with its output into log; null when it exited 0, else what went wrong. */
    private static String runQuietly(Path workDir, Path log, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int rc = p.waitFor();
            return rc == 0 ? null : String.format(Locale.ROOT, "%s exited %d", command[0], rc);
        } catch (IOException e) {
            return command[0] + " not found";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
