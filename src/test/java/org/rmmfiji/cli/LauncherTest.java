package org.rmmfiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rmmfiji.TestData;

/** The launcher reproduces Fiji's --headless --run, and answers every usage mistake with one line and exit code 2. */
class LauncherTest {

    /** What a call printed on stdout and stderr, and its exit code. */
    record Printed(int code, String out, String err) {}

    static synchronized Printed capture(Callable<Integer> call) throws Exception {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = call.call();
            return new Printed(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Printed fit(String args) throws Exception {
        return capture(() -> Launcher.run(new String[] {"--headless", "--run", "Fit RMM", args}));
    }

    static void oneClearLine(Printed p, String... contains) {
        assertEquals(2, p.code(), p.err());
        String all = p.out() + p.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "no stack trace: " + all);
        assertEquals(1, p.err().strip().lines().count(), "one line: " + p.err());
        for (String c : contains) assertTrue(p.err().contains(c), "'" + c + "' in: " + p.err());
    }

    @Test
    void runsFitRmmByTitleAndFailsClearly(@TempDir Path data, @TempDir Path out) throws Exception {
        Path hh = TestData.smallHh(data);
        String args = "recording_file=\"" + hh + "\",output_dir=\"" + out + "\",split=\"segments\",train_segments=\"0\","
                + "validation_segments=\"1\",epochs=2,batch_size=2000";
        assertEquals(0, Launcher.run(new String[] {"--headless", "--run", "Fit RMM", args}));
        assertTrue(Files.exists(out.resolve("hh.rmm.json")));
        Printed bad = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Fit RMM", args.replace("epochs=2", "epochs=2,neurons=\"V_none\",overwrite=true")}));
        assertEquals(1, bad.code());
        assertEquals(1, bad.err().split("V_none", -1).length - 1, "the reason is printed once: " + bad.err());
        Printed again = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Fit RMM", args}));
        assertEquals(1, again.code());
        assertTrue(again.err().contains("hh.rmm.json exists already") && again.err().contains("overwrite=true"), again.err());
        assertFalse((again.out() + again.err()).contains("Ignoring unsupported output"), again.err());
    }

    @Test
    void runsAnEnsembleAndRefusesAZeroCount(@TempDir Path data, @TempDir Path out) throws Exception {
        Path hh = TestData.smallHh(data);
        String args = "recording_file=\"" + hh + "\",output_dir=\"" + out + "\",split=\"segments\",train_segments=\"0\","
                + "validation_segments=\"1\",epochs=1,batch_size=2000,ensemble_seeds=1,ensemble_segments=2";
        Printed p = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Fit RMM", args}));
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.exists(out.resolve("hh-ensemble-s1-b1.rmm.json")) && Files.exists(out.resolve("hh-ensemble-s1-b2.rmm.json"))
                && Files.exists(out.resolve("hh.rmmensemble.json")), "members and summary");
        String all = p.out() + p.err();
        assertTrue(all.contains("Ensemble member 2/2 (hh-ensemble-s1-b2): seed 1, training batch 2 of 2"), all);
        Printed zero = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Fit RMM", args.replace("ensemble_segments=2", "ensemble_segments=0")}));
        assertEquals(1, zero.code());
        assertEquals(1, zero.err().split("ensemble_segments must be at least 1", -1).length - 1, "the reason is printed once: " + zero.err());
        oneClearLine(fit("recording_file=\"x.csv\",ensemble_seeds=two"), "ensemble_seeds must be a whole number, got 'two'");
    }

    @Test
    void runsInspectSynapticCouplingByTitle(@TempDir Path out) throws Exception {
        String args = "model_file=\"" + TestData.syncondModel() + "\",recording_file=\"" + TestData.pdLpShort() + "\",output_dir=\"" + out
                + "\",ablation=false,plot_length_ms=500";
        Printed p = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Inspect Synaptic Coupling", args}));
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.exists(out.resolve("pd-lp-short-coupling.csv")) && Files.exists(out.resolve("pd-lp-short-coupling-activations.png")));
        Printed typo = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Inspect Synaptic Coupling", args.replace("ablation=", "ablaton=")}));
        oneClearLine(typo, "no key 'ablaton'", "did you mean ablation?");
    }

    @Test
    void runsDesignStimulusByTitleAndListsItsKeys(@TempDir Path out) throws Exception {
        String args = "protocol=\"ou\",duration_ms=2000,mean_nA=0.5,mean_end_nA=1,sigma_nA=0.8,tau_ms=3,output_dir=\"" + out + "\"";
        Printed p = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Design Stimulus", args}));
        assertEquals(0, p.code(), p.err());
        for (String f : new String[] {"stimulus-ou.csv", "stimulus-ou.atf", "stimulus-ou.png"}) assertTrue(Files.exists(out.resolve(f)), f);
        Printed again = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Design Stimulus", args}));
        assertEquals(1, again.code());
        assertTrue(again.err().contains("stimulus-ou.csv exists already"), again.err());
        Printed tau = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Design Stimulus", args.replace("tau_ms=3", "tau_ms=0") + ",overwrite=true"}));
        assertEquals(1, tau.code());
        assertEquals(1, tau.err().split("tau_ms must be a positive number, got 0", -1).length - 1, "the reason is printed once: " + tau.err());
        Printed help = capture(() -> Help.run(new String[] {"help", "Design Stimulus"}));
        assertEquals(0, help.code());
        for (String key : new String[] {"protocol=\"ou\"", "sampling_step_ms=0.1 [ms]", "mean_end_nA=(unset) [nA]", "sweep=\"exponential\"", "levels_nA="})
            assertTrue(help.out().contains(key), key + " in: " + help.out());
        assertTrue(capture(() -> Help.run(new String[] {"help"})).out().contains("Design Stimulus"));
    }

    @Test
    void misspeltKeyNamesTheClosestOneAndListsTheKeys() throws Exception {
        oneClearLine(fit("recording_file=\"x.csv\",epoch=10"), "no key 'epoch'", "did you mean epochs?", "its keys are recording_file", "capacitance_nF");
    }

    @Test
    void unquotedTextSaysTheQuotingRule() throws Exception {
        oneClearLine(fit("recording_file=sample-data/x.csv"), "recording_file must be in double quotes: recording_file=\"sample-data/x.csv\"", "text in double quotes");
    }

    @Test
    void nonNumberAndFractionalCount() throws Exception {
        oneClearLine(fit("recording_file=\"x.csv\",epochs=abc"), "epochs must be a whole number, got 'abc'");
        oneClearLine(fit("recording_file=\"x.csv\",learning_rate=fast"), "learning_rate must be a number, got 'fast'");
        oneClearLine(fit("recording_file=\"x.csv\",overwrite=yes"), "overwrite must be true or false");
    }

    @Test
    void macroStyleBracketsAreRecognised() throws Exception {
        oneClearLine(fit("recording_file=[x.csv] epochs=2"), "ImageJ macro string", "separated by commas");
    }

    @Test
    void unknownCommandListsTheCommands() throws Exception {
        Printed p = capture(() -> Launcher.run(new String[] {"--headless", "--run", "Fit RM", "epochs=2"}));
        oneClearLine(p, "no command named 'Fit RM'", "\"Fit RMM\", \"Predict RMM\", \"Export Recording as CSV\"");
    }

    @Test
    void helpIsGeneratedFromTheSettings() throws Exception {
        for (String[] a : new String[][] {{"--help"}, {"help"}}) {
            Printed p = capture(() -> Help.run(a));
            assertEquals(0, p.code());
            assertTrue(p.out().contains("Fit RMM") && p.out().contains("Predict RMM") && p.out().contains("Export Recording as CSV")
                    && p.out().contains("Inspect Synaptic Coupling"), p.out());
            assertTrue(p.out().contains(Generate.NAMES) && p.out().contains("study"), p.out());
        }
        Printed fit = capture(() -> Help.run(new String[] {"help", "Fit RMM"}));
        assertEquals(0, fit.code());
        assertTrue(fit.out().contains("capacitance_nF=(unset) [nF]") && fit.out().contains("teacher-forcing+multiple-shooting") && fit.out().contains("A known membrane capacitance to fix"), fit.out());
        assertTrue(fit.out().contains("epochs=(unset) ") && fit.out().contains("preset=\"neuron-lumped\""), fit.out());
        assertTrue(fit.out().contains("ensemble_seeds=1 ") && fit.out().contains("ensemble_segments=1 ") && fit.out().contains("ensemble_drop_worst=0 ")
                && fit.out().contains("disjoint contiguous batches"), fit.out());
        Printed predict = capture(() -> Help.run(new String[] {"help", "Predict", "RMM"}));
        assertTrue(predict.out().contains("model_file=\"\"") && predict.out().contains("overwrite=false"), predict.out());
        assertTrue(capture(() -> Help.run(new String[] {"help", "Export Recording as CSV"})).out().contains("output_file"));
        Printed coupling = capture(() -> Help.run(new String[] {"help", "Inspect Synaptic Coupling"}));
        assertEquals(0, coupling.code());
        assertTrue(coupling.out().contains("ablation=true") && coupling.out().contains("segment=0") && coupling.out().contains("several separated by commas"), coupling.out());
        assertEquals(2, capture(() -> Help.run(new String[] {"help", "Fit"})).code());
    }

    @Test
    void generateWritesADatasetAndItsTruth(@TempDir Path out) throws Exception {
        assertEquals(0, Generate.run(new String[] {"generate", "hh", "--out", out.toString(), "--scale", "0.01"}));
        assertTrue(Files.exists(out.resolve("hh.csv")) && Files.exists(out.resolve("hh-truth.csv")));
        assertEquals(2, Generate.run(new String[] {"generate"}));
        Printed p = capture(() -> Generate.run(new String[] {"generate", "hhh"}));
        oneClearLine(p, "no dataset named 'hhh'", Generate.NAMES);
    }
}
