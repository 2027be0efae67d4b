package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Component;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.plugin.frame.Recorder;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.model.Presets;

/**
 * The front end on a screen (run by {@code .ci/run} under Xvfb; without a display it is skipped, and fails under CI):
 * ImageJ 1.x on the drop-in {@code target/Fiji.app} that {@code mvn package} lays out, as a user installs it. Open Recording shows the trace window;
 * Fit RMM from its menu entry shows the plugin's dialog with that window as the recording, fits, and the macro
 * Recorder's line replays the same fit; the model builder's window shows a preset. Screenshots of the real windows go
 * to {@code target/gui/} (copied into {@code doc/} by {@code bench/update-readme-figures}) and are checked for content.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontEndGuiIT {
    static final Path SHOTS = Path.of("target", "gui");
    static final Path SAMPLE = Path.of("sample-data", "hh-excerpt.csv.gz").toAbsolutePath();
    static String traceTitle;

    @BeforeAll
    static void imagejWithThePluginInstalled() throws Exception {
        assumeTrue(!java.awt.GraphicsEnvironment.isHeadless(), "runs in failsafe's gui execution, the one JVM that is not AWT headless");
        if (System.getenv("DISPLAY") == null) {
            String why = "no display: the GUI tests run under Xvfb (.ci/run does it: xvfb-run -a mvn -B verify)";
            if (System.getenv("CI") != null) throw new AssertionError(why + "; CI must have one");
            assumeTrue(false, why);
        }
        Path app = Path.of("target", "Fiji.app").toAbsolutePath();       // the drop-in layout mvn package lays out
        assertTrue(Files.isDirectory(app.resolve("plugins")), "no " + app + ": run mvn package (mvn verify does)");
        System.setProperty("plugins.dir", app.toString());
        Files.createDirectories(SHOTS);
        SwingUtilities.invokeAndWait(() -> new ImageJ(ImageJ.NO_SHOW));
        assertEquals("org.rmmfiji.fiji.Rmm_Bridge(\"fit\")", Menus.getCommands().get("Fit RMM"), "plugins.config of the installed jar gives the menu entry");
    }

    @Test
    @Order(1)
    void openRecordingShowsTheTraceWindow() throws Exception {
        IJ.run("Open Recording", "recording_file=[" + SAMPLE + "] length_ms=4000");
        ImagePlus trace = WindowManager.getCurrentImage();
        assertNotNull(trace, "Open Recording shows a window");
        traceTitle = trace.getTitle();
        assertTrue(OpenRecordings.titles().contains(traceTitle), "the window is an opened recording: " + traceTitle);
        BufferedImage shot = screenshot(trace.getWindow(), "open-recording.png");
        assertDrawn(shot, "the trace window");
    }

    @Test
    @Order(2)
    void fitFromTheMenuRecordsAMacroLineThatReplaysTheSameFit() throws Exception {
        assumeTrue(traceTitle != null, "needs the trace window of the test before");
        Path first = fresh(SHOTS.resolve("fit")), replay = fresh(SHOTS.resolve("fit-replay"));   // relative: the screenshot shows no machine path
        IJ.run("Record...");
        Recorder recorder = waitFor(Recorder::getInstance, 10, "the macro Recorder window");
        CommandInfo info = new Context(CommandService.class).service(CommandService.class).getCommand(FitRmmCommand.class);
        List<ModuleItem<?>> items = CommandDialog.userInputs(info);

        IJ.doCommand("Fit RMM");                             // as the menu entry does: a new thread, recorded
        CommandDialog dialog = waitFor(() -> visibleDialog("Fit RMM"), 30, "the Fit RMM dialog");
        Map<String, JComponent> fields = dialog.fields();
        assertEquals(items.size(), fields.size(), "one field per input");
        assertEquals(traceTitle, ((JTextField) fields.get("recording")).getText(), "the dialog takes the front trace window as the recording");
        Map<String, String> typed = new HashMap<>();
        typed.put("output_dir", first.toString());
        typed.put("epochs", "40");
        typed.put("snapshot_every", "1");
        typed.put("train_fraction", "0.75");
        typed.put("validation_fraction", "0.25");
        typed.put("seed", "7");
        typed.put("threads", "1");
        SwingUtilities.invokeAndWait(() -> {
            for (Map.Entry<String, String> e : typed.entrySet()) ((JTextField) fields.get(e.getKey())).setText(e.getValue());
            ((JComboBox<?>) fields.get("preset")).setSelectedItem(Presets.HH_LUMPED);
        });
        assertTrue(fields.get("overwrite") instanceof JCheckBox, "booleans are checkboxes");
        assertDrawn(screenshot(dialog, "fit-dialog.png"), "the Fit RMM dialog");
        SwingUtilities.invokeAndWait(dialog.ok::doClick);
        Window progress = liveTrainingView(java.util.Set.of());
        Thread.sleep(1500);
        if (progress.isShowing()) screenshot(progress, "fit-progress.png");      // a short fit may be over already

        String line = waitFor(() -> recordedLine(recorder), 300, "the recorded Fit RMM line");
        Path model = first.resolve("hh-excerpt.rmm.json");             // named after the window's file
        assertTrue(Files.exists(model), "the fit wrote " + model + "; the recorder says " + line);
        for (String key : new String[] {"recording=[" + traceTitle + "]", "epochs=40", "seed=7", "preset=hh-lumped", "threads=1"})
            assertTrue(line.contains(key) || line.contains(key.replace("[", "").replace("]", "")), "the line records " + key + ": " + line);
        assertTrue(!line.contains("split="), "values left at their defaults are not recorded: " + line);
        ImagePlus trace = WindowManager.getImage(traceTitle);
        assertEquals(traceTitle, trace.getTitle());
        int red = 0;
        int[] rgb = (int[]) trace.getProcessor().convertToRGB().getPixels();
        for (int px : rgb) if ((px & 0xffffff) == (TraceFigure.PREDICTED.getRGB() & 0xffffff)) red++;
        assertTrue(red > 500, "the trace window shows the prediction over the recorded voltage (" + red + " red pixels)");
        assertDrawn(screenshot(trace.getWindow(), "fit-overlay.png"), "the trace window with the prediction");

        IJ.runMacro(line.replace(first.toString(), replay.toString()));
        Path again = replay.resolve("hh-excerpt.rmm.json");
        assertTrue(Files.exists(again), "replaying the recorded line fits again: " + line);
        ModelFile a = ModelFiles.read(model), b = ModelFiles.read(again);
        assertEquals(org.rmmfiji.io.Json.GSON.toJson(a.parameters), org.rmmfiji.io.Json.GSON.toJson(b.parameters), "the replay gives the same model, bit for bit");
        assertEquals(Files.readString(first.resolve("hh-excerpt-metrics.csv")), Files.readString(replay.resolve("hh-excerpt-metrics.csv")));
    }

    @Test
    @Order(4)
    void cancelInTheLiveTrainingViewStopsWithinTwoSecondsAndKeepsTheBestSnapshot(@TempDir Path out) throws Exception {
        assumeTrue(traceTitle != null, "needs the trace window of the first test");
        java.util.Set<Window> before = new java.util.HashSet<>(List.of(Window.getWindows()));
        IJ.doCommand("Fit RMM");
        CommandDialog dialog = waitFor(() -> visibleDialog("Fit RMM"), 30, "the Fit RMM dialog");
        Map<String, JComponent> fields = dialog.fields();
        SwingUtilities.invokeAndWait(() -> {
            ((JTextField) fields.get("recording")).setText(traceTitle);   // the front window is now the fit's plot
            ((JTextField) fields.get("output_dir")).setText(out.toString());
            ((JTextField) fields.get("epochs")).setText("5000");
            ((JTextField) fields.get("snapshot_every")).setText("1");
            ((JComboBox<?>) fields.get("preset")).setSelectedItem(Presets.HH_LUMPED);
            dialog.ok.doClick();
        });
        Window progress = liveTrainingView(before);
        waitFor(() -> labelStartingWith(progress, "snapshot ") != null ? Boolean.TRUE : null, 120, "a scored snapshot");
        javax.swing.JButton cancel = button(progress, "Cancel");
        assertNotNull(cancel, "the live training view has a Cancel button");
        long clicked = System.nanoTime();
        SwingUtilities.invokeAndWait(cancel::doClick);
        Path model = out.resolve("hh-excerpt.rmm.json");
        waitFor(() -> Files.exists(model) ? Boolean.TRUE : null, 30, "the model file of the cancelled fit");
        double seconds = (System.nanoTime() - clicked) / 1e9;
        assertTrue(seconds <= 2.0, "Cancel stopped the fit and wrote its best snapshot within 2 s: " + seconds + " s");
        assertTrue(Files.readString(model).contains("\"stopped\": \"cancelled\""), "the model file says the fit was cancelled");
        ModelFiles.read(model);                                   // and it is a model file that reads back
    }

    @Test
    @Order(5)
    void aFileThatIsNotThereGetsAnErrorDialogNamingItNotAStackTrace(@TempDir Path out) throws Exception {
        Path missing = out.resolve("no-such-cell.abf");
        IJ.doCommand("Fit RMM");
        CommandDialog dialog = waitFor(() -> visibleDialog("Fit RMM"), 30, "the Fit RMM dialog");
        SwingUtilities.invokeAndWait(() -> {
            ((JTextField) dialog.fields().get("recording")).setText("");
            ((JTextField) dialog.fields().get("recording_file")).setText(missing.toString());
            ((JTextField) dialog.fields().get("output_dir")).setText(out.toString());
            dialog.ok.doClick();
        });
        Window error = waitFor(() -> visibleWindow("Fit RMM", ij.gui.MessageDialog.class), 30, "an error dialog");
        String said = text(error);
        assertTrue(said.contains("no-such-cell.abf"), "the dialog names the file: " + said);
        assertTrue(!said.contains("Exception") && !said.contains("at org."), "no stack trace: " + said);
        try (java.util.stream.Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing was written");
        }
        SwingUtilities.invokeAndWait(error::dispose);
    }

    /** The Fit window a new fit opens (not one of {@code before}); an error dialog instead fails the test with its text. */
    private static Window liveTrainingView(java.util.Set<Window> before) throws InterruptedException {
        return waitFor(() -> {
            failOnErrorDialog("Fit RMM");
            Window w = visibleWindow("Fit RMM", javax.swing.JDialog.class);
            return w == null || w instanceof CommandDialog || before.contains(w) ? null : w;
        }, 60, "the live training view");
    }

    private static String labelStartingWith(java.awt.Container c, String prefix) {
        for (Component k : c.getComponents()) {
            if (k instanceof javax.swing.JLabel && ((javax.swing.JLabel) k).getText() != null && ((javax.swing.JLabel) k).getText().startsWith(prefix))
                return ((javax.swing.JLabel) k).getText();
            if (k instanceof java.awt.Container) {
                String t = labelStartingWith((java.awt.Container) k, prefix);
                if (t != null) return t;
            }
        }
        return null;
    }

    private static javax.swing.JButton button(java.awt.Container c, String text) {
        for (Component k : c.getComponents()) {
            if (k instanceof javax.swing.JButton && text.equals(((javax.swing.JButton) k).getText())) return (javax.swing.JButton) k;
            if (k instanceof java.awt.Container) {
                javax.swing.JButton b = button((java.awt.Container) k, text);
                if (b != null) return b;
            }
        }
        return null;
    }

    @Test
    @Order(3)
    void theModelBuilderWindowShowsAPreset() throws Exception {
        IJ.doCommand("Model Builder");                      // its menu entry: the window, no dialog before it
        JFrame[] frame = {(JFrame) waitFor(() -> visibleWindow(ModelBuilderCommand.TITLE, JFrame.class), 30, "the model builder window")};
        ModelBuilderPanel panel = (ModelBuilderPanel) frame[0].getContentPane();
        SwingUtilities.invokeAndWait(() -> {
            panel.neurons.setText("LP");
            panel.inputs.setText("PD");
            panel.preset.setSelectedItem(Presets.LP_PD);
            panel.start.doClick();
            frame[0].pack();
        });
        assertTrue(panel.status().endsWith(" parameters"), panel.status());
        assertDrawn(screenshot(frame[0], "model-builder.png"), "the model builder");
        SwingUtilities.invokeAndWait(frame[0]::dispose);
    }

    private static Path fresh(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(f);
        }
        return Files.createDirectories(dir);
    }

    private static String recordedLine(Recorder r) {
        for (String l : r.getText().split("\n")) if (l.startsWith("run(\"Fit RMM\"")) return l;
        return null;
    }

    private static CommandDialog visibleDialog(String title) {
        for (Window w : Window.getWindows())
            if (w instanceof CommandDialog && w.isShowing() && title.equals(((CommandDialog) w).getTitle())) return (CommandDialog) w;
        return null;
    }

    /** ImageJ's error dialog, if one is open, fails the test with what it says. */
    private static void failOnErrorDialog(String title) {
        for (Window w : Window.getWindows())
            if (w instanceof ij.gui.MessageDialog && w.isShowing() && title.equals(((ij.gui.MessageDialog) w).getTitle())) {
                String said = text(w);
                w.dispose();                                       // so that the next test does not find it
                throw new AssertionError("an error dialog: " + said + "; the Log says: " + IJ.getLog());
            }
    }

    private static String text(java.awt.Container c) {
        StringBuilder s = new StringBuilder();
        for (Component k : c.getComponents()) {
            if (k instanceof ij.gui.MultiLineLabel) {
                try {                                          // ImageJ keeps the message's lines in a package field
                    java.lang.reflect.Field lines = ij.gui.MultiLineLabel.class.getDeclaredField("lines");
                    lines.setAccessible(true);
                    s.append(String.join(" ", (String[]) lines.get(k)));
                } catch (ReflectiveOperationException e) {
                    s.append("(unreadable)");
                }
            } else if (k instanceof java.awt.Label) s.append(((java.awt.Label) k).getText());
            else if (k instanceof java.awt.Container) s.append(text((java.awt.Container) k));
        }
        return s.toString();
    }

    @SafeVarargs
    private static Window visibleWindow(String title, Class<? extends Window>... kinds) {
        for (Window w : Window.getWindows()) {
            if (!w.isShowing()) continue;
            String t = w instanceof java.awt.Dialog ? ((java.awt.Dialog) w).getTitle() : w instanceof java.awt.Frame ? ((java.awt.Frame) w).getTitle() : "";
            for (Class<? extends Window> k : kinds) if (k.isInstance(w) && title.equals(t)) return w;
        }
        return null;
    }

    private static <T> T waitFor(Supplier<T> what, int seconds, String name) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            T t = what.get();
            if (t != null) return t;
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not appear within " + seconds + " s");
    }

    /** The window as it is on the screen, written as a PNG. */
    static BufferedImage screenshot(Window w, String name) throws Exception {
        SwingUtilities.invokeAndWait(w::toFront);
        Thread.sleep(700);                                     // let it paint
        Rectangle r = w.getBounds();
        BufferedImage img = new Robot().createScreenCapture(r);
        ImageIO.write(img, "png", SHOTS.resolve(name).toFile());
        return img;
    }

    /** Something is drawn: at least 2 % of the pixels differ from the commonest colour, in at least 3 colours. */
    static void assertDrawn(BufferedImage img, String what) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) counts.merge(img.getRGB(x, y), 1, Integer::sum);
        int commonest = counts.values().stream().max(Integer::compare).orElse(0);
        int total = img.getWidth() * img.getHeight();
        assertTrue(total - commonest > 0.02 * total && counts.size() >= 3, what + " is blank on the screen (" + counts.size() + " colours)");
    }
}
