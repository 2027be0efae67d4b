package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import net.imagej.patcher.LegacyEnvironment;

import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;

/**
 * The drop-in {@code Fiji.app} that {@code mvn package} lays out in {@code target/Fiji.app/}: the plugin jar in
 * {@code plugins/}, and in {@code jars/} exactly the runtime dependencies Fiji does not ship. "Fiji ships it" means: the
 * parent pom-scijava (Fiji's bill of materials) manages the artifact's version, and the project resolves that very
 * version. The parent's dependencyManagement is read from its POM in the local Maven repository; the project's runtime
 * dependencies from {@code target/classpath.txt} (written at compile time). Then ImageJ 1.x, patched and headless as
 * Fiji's {@code --headless} runs it, loads the plugin from that layout alone (its jars, and the Fiji-shipped
 * dependencies' jars from the local repository; not {@code target/classes}), fits the bundled sample from a macro, and
 * opens an NWB and a MATLAB file, whose readers come from {@code jars/}.
 */
class DropInLayoutIT {

    static final Path BUILD = Path.of(System.getProperty("rmm.build.directory", "target"));
    static final Path APP = BUILD.resolve("Fiji.app");
    static final Path PLUGINS = APP.resolve("plugins");
    static final Path JARS = APP.resolve("jars");

    /**
     * pom-scijava manages EJML as one entry, the aggregate {@code org.ejml:ejml-all} at ${ejml.version}; the aggregate
     * depends on the EJML modules at its own version, and the project uses two of them (ejml-ddense, pinned to
     * ${ejml.version} in pom.xml, and ejml-core through it). They count as managed, at the aggregate's version. Only the
     * modules named here: no other artifact counts through an aggregate. (The module list is not read from ejml-all's
     * POM, which a build of this project never downloads.)
     */
    static final Map<String, String> AGGREGATE_OF = Map.of(
            "org.ejml:ejml-core", "org.ejml:ejml-all",
            "org.ejml:ejml-ddense", "org.ejml:ejml-all");

    /** A resolved runtime dependency: its coordinates and its jar in the local Maven repository. */
    record Artifact(String groupId, String artifactId, String version, Path file) {
        String key() { return groupId + ":" + artifactId; }
        String jarName() { return file.getFileName().toString(); }
        @Override public String toString() { return key() + ":" + version + " (" + jarName() + ")"; }
    }

    static Path repo;
    static String parent;                  // groupId:artifactId:version of the parent POM
    static Map<String, String> managed;    // groupId:artifactId → version, as pom-scijava manages it
    static List<Artifact> runtime;

    @BeforeAll
    static void readTheBuild() throws Exception {
        assertTrue(Files.isDirectory(APP), APP + " is missing: it is laid out by `mvn package` (failsafe runs after it)");
        String local = System.getProperty("maven.repo.local");
        repo = (local != null && !local.isBlank() ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository")).toRealPath();
        Element project = xml(Path.of("pom.xml"));
        Element p = child(project, "parent");
        assertNotNull(p, "pom.xml has no <parent>");
        parent = text(p, "groupId") + ":" + text(p, "artifactId") + ":" + text(p, "version");
        managed = managedVersions(text(p, "groupId"), text(p, "artifactId"), text(p, "version"));
        runtime = runtimeDependencies();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The layout

    @Test
    void theLayoutHoldsThePluginAndOnlyTheLibrariesFijiLacks() throws Exception {
        List<String> problems = new ArrayList<>();

        try (Stream<Path> top = Files.list(APP)) {
            List<String> names = top.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
            assertEquals(List.of("jars", "plugins"), names, "Fiji.app holds plugins/ and jars/ and nothing else");
        }

        // plugins/: the project's jar alone, named with a '_' (IJ1 reads plugins.config only from such jars)
        List<Path> plugins = list(PLUGINS);
        String finalName = System.getProperty("rmm.build.finalName");
        assertEquals(1, plugins.size(), "plugins/ holds exactly one jar, the plugin; it holds " + names(plugins));
        Path plugin = plugins.get(0);
        String pluginName = plugin.getFileName().toString();
        assertTrue(pluginName.matches("RMM_Fiji-[^/]+\\.jar"), "plugins/" + pluginName + " is not named RMM_Fiji-VERSION.jar");
        if (finalName != null) assertEquals(finalName + ".jar", pluginName, "plugins/ holds the project's artifact");
        try (JarFile jar = new JarFile(plugin.toFile())) {
            JarEntry config = jar.getJarEntry("plugins.config");
            assertNotNull(config, "plugins/" + pluginName + " has no plugins.config at its root");
            try (InputStream in = jar.getInputStream(config)) {
                assertEquals(Files.readString(Path.of("plugins.config")), new String(in.readAllBytes(), "UTF-8"),
                        "plugins/" + pluginName + ": its plugins.config is the project's");
            }
            assertNotNull(jar.getJarEntry("META-INF/json/org.scijava.plugin.Plugin"),
                    "plugins/" + pluginName + " has no SciJava plugin index (META-INF/json/org.scijava.plugin.Plugin)");
            assertNotNull(jar.getJarEntry("org/rmmfiji/fiji/Rmm_Bridge.class"), "plugins/" + pluginName + " lacks the bridge class");
        }

        // jars/: each jar is a runtime dependency that pom-scijava does not manage, copied as resolved
        Map<String, Artifact> byJarName = new HashMap<>();
        for (Artifact a : runtime) byJarName.put(a.jarName(), a);
        List<Path> jars = list(JARS);
        TreeSet<String> inJars = new TreeSet<>();
        for (Path j : jars) {
            String name = j.getFileName().toString();
            inJars.add(name);
            Artifact a = byJarName.get(name);
            if (a == null) {
                problems.add("jars/" + name + " is not one of the project's runtime dependencies (" + BUILD.resolve("classpath.txt") + ")");
                continue;
            }
            if (Files.mismatch(j, a.file()) != -1)
                problems.add("jars/" + name + " differs from " + a + " in the local Maven repository");
            String v = managedVersion(a.key());
            if (v != null)
                problems.add("jars/" + name + " is " + a.key() + ", whose version " + parent + " manages (" + v
                        + "): Fiji ships it, so the drop-in must not add it");
        }

        // every runtime dependency left out of jars/ is one Fiji ships, at the version the project is built with
        for (Artifact a : runtime) {
            if (inJars.contains(a.jarName())) continue;
            String v = managedVersion(a.key());
            if (v == null)
                problems.add(a.jarName() + " (" + a.key() + ":" + a.version() + ") is a runtime dependency that " + parent
                        + " does not manage, so Fiji may lack it, but it is not in jars/");
            else if (!v.equals(a.version()))
                problems.add(a.jarName() + " (" + a.key() + ":" + a.version() + ") is left to Fiji, but " + parent + " manages it at " + v
                        + ": Fiji would run " + v + ", not the version the project is built and tested with");
        }
        assertTrue(problems.isEmpty(), "target/Fiji.app does not follow the rule:\n  " + String.join("\n  ", problems));
        System.out.println("DropInLayoutIT: plugins/" + pluginName + "; jars/ " + String.join(", ", inJars)
                + "; left to Fiji (managed by " + parent + "): " + runtime.stream().filter(a -> !inJars.contains(a.jarName()))
                        .map(a -> a.artifactId() + "-" + a.version()).collect(Collectors.joining(", ")));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Running from the layout

    @Test
    void imageJRunsThePluginFromTheLayoutAlone(@TempDir Path data, @TempDir Path out) throws Exception {
        List<Path> plugins = list(PLUGINS);
        assertEquals(1, plugins.size(), "plugins/ holds exactly one jar; it holds " + names(plugins));
        Path plugin = plugins.get(0);
        List<Path> libraries = list(JARS);
        TreeSet<String> inJars = libraries.stream().map(j -> j.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));

        LegacyEnvironment ij1 = new LegacyEnvironment(null, true);
        ij1.disableIJ1PluginDirs();
        ij1.addPluginClasspath(plugin.toFile());
        for (Path j : libraries) ij1.addPluginClasspath(j.toFile());
        List<String> fromFiji = new ArrayList<>();
        for (Artifact a : runtime) {                          // what Fiji ships: the managed dependencies, ij aside
            if (inJars.contains(a.jarName()) || managedVersion(a.key()) == null) continue;
            if (a.key().equals("net.imagej:ij")) continue;      // the legacy environment brings its own (patched) ImageJ
            ij1.addPluginClasspath(a.file().toFile());
            fromFiji.add(a.jarName());
        }
        System.out.println("DropInLayoutIT: ImageJ runs with plugins/" + plugin.getFileName() + ", jars/ " + String.join(", ", inJars)
                + " and, as Fiji ships them, " + String.join(", ", fromFiji));

        Path recording = Path.of("sample-data", "hh-excerpt.csv.gz").toAbsolutePath();
        assertTrue(Files.exists(recording), recording + " is missing");
        for (String k : new String[] {"rmm.dropin.rows", "rmm.dropin.part", "rmm.dropin.score", "rmm.dropin.nwb", "rmm.dropin.mat"})
            System.clearProperty(k);
        long t0 = System.nanoTime();
        ij1.runMacro("run(\"Fit RMM\", \"recording_file=[" + recording + "] output_dir=[" + out + "] split=segments train_segments=0 "
                + "validation_segments=1 epochs=2 snapshot_every=1\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.dropin.rows\", \"\" + nResults);\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.dropin.part\", getResultString(\"part\", nResults - 1));\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.dropin.score\", d2s(getResult(\"score\", nResults - 1), 9));\n", null);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "DropInLayoutIT: Fit RMM on the sample through the drop-in took %.1f s%n", fitSeconds);

        // the plugin ran from plugins/, not from the test's class path
        ClassLoader legacy = ij1.getClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.rmmfiji.fiji.Rmm_Bridge", false, legacy),
                "ImageJ's own class loader must not see the project's classes (target/classes): only plugins/ may provide them");
        ClassLoader pluginLoader = (ClassLoader) legacy.loadClass("ij.IJ").getMethod("getClassLoader").invoke(null);
        assertEquals(plugin.toRealPath(), codeSource(Class.forName("org.rmmfiji.fiji.Rmm_Bridge", false, pluginLoader)),
                "Rmm_Bridge was loaded from plugins/");
        for (Path j : libraries) {
            String some = someClass(j);
            assertEquals(j.toRealPath(), codeSource(Class.forName(some, false, pluginLoader)), "jars/" + j.getFileName() + ": " + some + " loads from it");
        }

        // the model and the metrics were written and read back; the Results table has the validation score
        Path model = out.resolve("hh-excerpt.rmm.json");
        assertTrue(Files.exists(model), "the fit wrote no model file " + model + " (see the log above)");
        ModelFile mf = ModelFiles.read(model);
        assertNotNull(ModelFiles.toNetwork(mf, model.toString()), "the model file gives a network");
        Path metrics = out.resolve("hh-excerpt-metrics.csv");
        assertTrue(Files.exists(metrics), "the fit wrote no metrics file " + metrics);
        List<String> lines = Files.readAllLines(metrics);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int part = header.indexOf("part"), score = header.indexOf("score");
        assertTrue(part >= 0 && score >= 0, "the metrics file has part and score columns: " + lines.get(0));
        Double validation = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            double s = Double.parseDouble(cells[score]);
            assertTrue(Double.isFinite(s), "a finite score in " + metrics + ": " + line);
            if (cells[part].equals("validation")) validation = s;
        }
        assertNotNull(validation, "the metrics file has a validation row: " + lines);
        assertEquals("" + (lines.size() - 1), System.getProperty("rmm.dropin.rows"), "the Results table has one row per metrics row");
        assertEquals("validation", System.getProperty("rmm.dropin.part"));
        assertEquals(validation, Double.parseDouble(System.getProperty("rmm.dropin.score")), 1e-8,
                "the macro read the metrics file's validation score from the Results table");

        // the readers in jars/ work from the layout: an NWB file (jhdf) and a MATLAB v5 file (mfl-core)
        Path nwb = fixture("icephys.nwb", data), mat = fixture("authors_v5.mat", data);
        ij1.runMacro("run(\"Open Recording\", \"recording_file=[" + nwb + "]\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.dropin.nwb\", nResults + \" \" + getResultString(\"channel\", 0) + \" \" + getResult(\"segments\", 0));\n"
                + "run(\"Open Recording\", \"recording_file=[" + mat + "] sampling_step_ms=0.1\");\n"
                + "call(\"java.lang.System.setProperty\", \"rmm.dropin.mat\", nResults + \" \" + getResultString(\"channel\", 2) + \" \" + getResult(\"samples\", 0));\n", null);
        assertEquals("2 V 2", System.getProperty("rmm.dropin.nwb"), "the NWB file opened (channels, first name, sweeps; see the log above)");
        assertEquals("3 I1 1000", System.getProperty("rmm.dropin.mat"), "the MATLAB file opened (channels, third name, samples; see the log above)");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // pom-scijava's dependencyManagement

    /** The parent's managed versions, groupId:artifactId → version, with its properties (and its ancestors') expanded. */
    static Map<String, String> managedVersions(String groupId, String artifactId, String version) throws Exception {
        Element pom = xml(pomFile(groupId, artifactId, version));
        Map<String, String> props = new HashMap<>();
        props.put("project.version", version);
        props.put("project.groupId", groupId);
        props.put("project.artifactId", artifactId);
        for (Element p = pom; p != null; ) {               // a POM's properties override its parents'
            Element ps = child(p, "properties");
            if (ps != null)
                for (Element e : children(ps)) props.putIfAbsent(e.getTagName(), e.getTextContent().trim());
            Element up = child(p, "parent");
            p = up == null ? null : xml(pomFile(text(up, "groupId"), text(up, "artifactId"), text(up, "version")));
        }
        Element dm = child(pom, "dependencyManagement");
        assertNotNull(dm, groupId + ":" + artifactId + ":" + version + " has no <dependencyManagement>");
        Map<String, String> versions = new LinkedHashMap<>();
        for (Element d : children(child(dm, "dependencies"))) {
            if (child(d, "classifier") != null) continue;     // test jars and the like: not what Fiji ships
            String v = text(d, "version");
            if (v != null) versions.putIfAbsent(text(d, "groupId") + ":" + text(d, "artifactId"), expand(v, props));
        }
        assertTrue(versions.size() > 100, "read only " + versions.size() + " managed artifacts from " + pomFile(groupId, artifactId, version));
        return versions;
    }

    /** The version pom-scijava manages for groupId:artifactId (directly, or as a module of a managed aggregate), or null. */
    static String managedVersion(String key) {
        String v = managed.get(key);
        if (v == null && AGGREGATE_OF.containsKey(key)) v = managed.get(AGGREGATE_OF.get(key));
        return v;
    }

    static String expand(String s, Map<String, String> props) {
        Pattern ref = Pattern.compile("\\$\\{([^}]+)\\}");
        for (int round = 0; round < 20 && s.contains("${"); round++) {
            Matcher m = ref.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(props.getOrDefault(m.group(1), m.group())));
            m.appendTail(sb);
            if (sb.toString().equals(s)) break;
            s = sb.toString();
        }
        return s;
    }

    static Path pomFile(String groupId, String artifactId, String version) {
        Path f = repo.resolve(groupId.replace('.', File.separatorChar)).resolve(artifactId).resolve(version).resolve(artifactId + "-" + version + ".pom");
        assertTrue(Files.exists(f), "the POM of " + groupId + ":" + artifactId + ":" + version + " is not in the local Maven repository: " + f);
        return f;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The project's runtime dependencies

    /** target/classpath.txt (dependency:build-classpath, runtime scope) → coordinates, from the repository layout. */
    static List<Artifact> runtimeDependencies() throws IOException {
        Path cp = BUILD.resolve("classpath.txt");
        assertTrue(Files.exists(cp), cp + " is missing (written at compile time by dependency:build-classpath)");
        List<Artifact> deps = new ArrayList<>();
        for (String entry : Files.readString(cp).trim().split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) continue;
            Path jar = Path.of(entry).toRealPath();
            assertTrue(jar.startsWith(repo), "runtime dependency " + jar + " is not in the local Maven repository " + repo);
            Path rel = repo.relativize(jar);
            int n = rel.getNameCount();
            assertTrue(n >= 4, "runtime dependency " + jar + ": not a groupId/artifactId/version/file path");
            String version = rel.getName(n - 2).toString(), artifactId = rel.getName(n - 3).toString();
            String groupId = rel.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
            assertEquals(artifactId + "-" + version + ".jar", jar.getFileName().toString(), "runtime dependency " + jar + " has a classifier or an odd name");
            deps.add(new Artifact(groupId, artifactId, version, jar));
        }
        assertTrue(deps.stream().anyMatch(a -> a.key().equals("org.scijava:scijava-common")), "no scijava-common among " + deps);
        return deps;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    static List<Path> list(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), dir + " is missing");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.sorted().collect(Collectors.toList());
            for (Path f : l) assertTrue(Files.isRegularFile(f) && f.toString().endsWith(".jar"), dir.getFileName() + "/" + f.getFileName() + " is not a jar");
            return l;
        }
    }

    static String names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", ", "[", "]"));
    }

    static Path codeSource(Class<?> c) throws Exception {
        URL where = c.getProtectionDomain().getCodeSource().getLocation();
        return Path.of(where.toURI()).toRealPath();
    }

    /** The name of the first top-level class in a jar (not module-info, not a versioned or META-INF entry). */
    static String someClass(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class") && !n.contains("$"))
                    return n.substring(0, n.length() - ".class".length()).replace('/', '.');
            }
        }
        return fail("jars/" + jar.getFileName() + " holds no class");
    }

    static Path fixture(String name, Path dir) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = DropInLayoutIT.class.getResourceAsStream("/fixtures/" + name)) {
            assertNotNull(in, "test fixture " + name + " is missing");
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    static Element xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        return d.getDocumentElement();
    }

    static List<Element> children(Element e) {
        List<Element> l = new ArrayList<>();
        if (e == null) return l;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling())
            if (n instanceof Element) l.add((Element) n);
        return l;
    }

    static Element child(Element e, String name) {
        for (Element c : children(e)) if (c.getTagName().equals(name)) return c;
        return null;
    }

    static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent().trim();
    }
}
