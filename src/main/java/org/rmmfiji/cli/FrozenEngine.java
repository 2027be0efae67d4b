package org.rmmfiji.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /**
     * Teacher forcing of the LP–PD model on the pd-lp recording {@code csv} (the fractions as {@code Dataset.byFraction}
     * takes them), {@code epochs} epochs per thread count; an empty list, with the reason printed, when it cannot run.
     */
    static List<Result> run(Path csv, double trainFraction, double validationFraction, int epochs, int... threads) throws Exception {
        Path project = PythonPeer.benchFolder().toAbsolutePath().getParent();
        Path dir = project.resolve("target").resolve("bench").resolve("frozen-engine");
        String why = build(project, dir);
        if (why != null) {
            System.out.println("frozen engine skipped: " + why);
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m", "-cp", classPath(dir, true), "FrozenTeacherForcing",
                csv.toAbsolutePath().toString(), Double.toString(trainFraction), Double.toString(validationFraction), Integer.toString(epochs)));
        for (int t : threads) command.add(Integer.toString(t));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Result> results = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) results.add(new Result(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
                else other.append("  ").append(line).append('\n');
            }
        }
        if (p.waitFor() != 0 || results.size() != threads.length) {
            System.out.println("frozen engine failed (exit " + p.exitValue() + "):\n" + other);
            return List.of();
        }
        return results;
    }

    /** Builds the revision once into dir (a marker file names what is there); the reason it cannot, or null. */
    private static String build(Path project, Path dir) throws IOException, InterruptedException {
        Path marker = dir.resolve("built-from");
        if (Files.exists(marker) && Files.readString(marker).trim().equals(REVISION)) return null;
        deleteTree(dir);
        Files.createDirectories(dir);
        Path tar = dir.resolveSibling("frozen-engine.tar");
        String failed = runQuietly(project, dir.resolve("archive.log"), "git", "archive", "--format=tar", "-o", tar.toString(), REVISION);
        if (failed != null) return "revision " + REVISION.substring(0, 7) + " is not in this clone's history (" + failed + ")";
        failed = runQuietly(dir, dir.resolve("tar.log"), "tar", "-xf", tar.toString());
        Files.deleteIfExists(tar);
        if (failed != null) return "could not unpack it (" + failed + ")";
        System.out.println("Building " + DESCRIPTION + " into " + project.relativize(dir) + " (once) …");
        failed = runQuietly(dir, dir.resolve("build.log"), "mvn", "-B", "-DskipTests", "-Dmaven.javadoc.skip=true", "compile");
        if (failed != null) return "its build failed (" + failed + "; see " + project.relativize(dir.resolve("build.log")) + ")";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return "this Java has no compiler (a JRE, not a JDK)";
        Path driver = dir.resolve("driver");
        Files.createDirectories(driver);
        int rc = javac.run(null, null, null, "-nowarn", "-proc:none", "-cp", classPath(dir, false), "-d", driver.toString(),
                PythonPeer.benchFolder().resolve("FrozenTeacherForcing.java").toString());
        if (rc != 0) return "its driver did not compile against it";
        Files.writeString(marker, REVISION + "\n");
        return null;
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
