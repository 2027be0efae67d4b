package org.rmmfiji.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rmmfiji.io.Json;
import org.rmmfiji.io.SpecFiles;
import org.rmmfiji.model.FilterBankSpec;
import org.rmmfiji.model.ModelSpec;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Presets;

/**
 * The model builder driven as a user drives it (typing into its fields, choosing from its lists, pressing its buttons;
 * Swing components need no screen): architectures built from nothing equal the presets, a preset loaded and saved reads
 * back unchanged, and a refused edit says why and changes nothing.
 */
class ModelBuilderPanelTest {

    /** Every field of the spec but the {@code preset} label, which only a spec started from a preset carries. */
    private static String architecture(ModelSpec s) {
        ModelSpec c = Json.GSON.fromJson(Json.GSON.toJson(s), ModelSpec.class);
        c.preset = null;
        return Json.GSON.toJson(c);
    }

    private static void addEdge(ModelBuilderPanel b, String pre, String post) {
        b.pre.setSelectedItem(pre);
        b.post.setSelectedItem(post);
        b.addEdge.doClick();
    }

    private static void addCurrent(ModelBuilderPanel b, String type) {
        b.currentType.setSelectedItem(type);
        b.addCurrent.doClick();
    }

    private static void nameAndLayers(ModelBuilderPanel b, String name, String layers) {
        b.currentName.setText(name);
        b.layers.setText(layers);
        b.applyCurrent.doClick();
    }

    private static void bank(ModelBuilderPanel b, String text) {
        b.bank.setText(text);
        b.applyBank.doClick();
    }

    /** Edits the chosen current's JSON as a user would: replaces a field's text. */
    private static void editJson(ModelBuilderPanel b, String from, String to) {
        String json = b.currentJson.getText();
        assertTrue(json.contains(from), "the current's JSON shows " + from + ": " + json);
        b.currentJson.setText(json.replace(from, to));
        b.applyJson.doClick();
    }

    @Test
    void buildsTheAuthorsLpPdModelFromNothing() {
        ModelBuilderPanel b = new ModelBuilderPanel(null);
        b.neurons.setText("LP");
        b.inputs.setText("PD");
        b.start.doClick();
        assertTrue(b.status().contains("no edges"), b.status());

        addEdge(b, "LP", "LP");
        assertTrue(b.status().contains("has no currents"), "an edge without currents is not a model yet: " + b.status());
        bank(b, "gobf: grid 0.05 1.3 0 36");
        addCurrent(b, "lumped");
        nameAndLayers(b, "intrinsic", "10, 10, 10, 1");
        addCurrent(b, "leak");
        b.currents.setSelectedIndex(1);
        editJson(b, "\"g0_uS\": 0.3", "\"g0_uS\": 0.3,\n  \"e0_mV\": -50.0");

        addEdge(b, "PD", "LP");                       // a synapse starts conductance-based; make it the authors' lumped one
        bank(b, "gobf: grid 0.05 1.3 14 16");
        b.removeCurrent.doClick();
        addCurrent(b, "lumped");
        nameAndLayers(b, "synapse", "10,10,1");

        ModelSpec preset = Presets.get(Presets.LP_PD).build(List.of("LP"), List.of("PD"));
        assertEquals(architecture(preset), architecture(b.spec()));
        int count = new Network(preset, 0.1).parameterCount();
        assertEquals(count + " parameters", b.status());
        assertTrue(count > 900 && count < 950, "lp-pd has the authors' ≈ 913 parameters: " + count);
    }

    @Test
    void buildsTheHhLumpedModelAndEditsALeakThroughItsJson() {
        ModelBuilderPanel b = new ModelBuilderPanel(null);
        b.neurons.setText("V");
        b.start.doClick();
        addEdge(b, "V", "V");
        bank(b, "diagonal: 0.1 0.3 0.5 0.7 1 3 5 7");
        addCurrent(b, "lumped");
        addCurrent(b, "leak");
        b.currents.setSelectedIndex(1);
        editJson(b, "\"g0_uS\": 0.3", "\"g0_uS\": 1.0,\n  \"e0_mV\": -54.4");
        editJson(b, "\"train_e\": true", "\"train_e\": false");
        editJson(b, "\"reg_e\": true", "\"reg_e\": false");
        assertEquals(architecture(Presets.get(Presets.HH_LUMPED).build(List.of("V"), List.of())), architecture(b.spec()));
    }

    @Test
    void aPresetSavedAndLoadedIsTheSameSpec(@TempDir Path dir) throws Exception {
        ModelBuilderPanel b = new ModelBuilderPanel(null);
        b.neurons.setText("N1, N2");
        b.preset.setSelectedItem(Presets.CIRCUIT_SYNCOND);
        b.start.doClick();
        ModelSpec preset = Presets.get(Presets.CIRCUIT_SYNCOND).build(List.of("N1", "N2"), List.of());
        assertEquals(Json.GSON.toJson(preset), Json.GSON.toJson(b.spec()));
        assertEquals(4, b.edgeItems.size(), "two intrinsic edges and a synapse each way");

        Path f = dir.resolve("circuit" + SpecFiles.SUFFIX);
        b.save(f);
        assertEquals(Json.GSON.toJson(preset), Json.GSON.toJson(SpecFiles.read(f)), "the file holds the spec");
        ModelBuilderPanel other = new ModelBuilderPanel(null);
        other.load(f);
        assertEquals(Json.GSON.toJson(preset), Json.GSON.toJson(other.spec()));
        assertEquals("N1, N2", other.neurons.getText());
        assertTrue(other.status().endsWith("parameters · circuit" + SpecFiles.SUFFIX), other.status());
    }

    @Test
    void theCapacitanceFromTheRecordingIsAChoiceSavedWithTheSpec(@TempDir Path dir) throws Exception {
        ModelBuilderPanel b = new ModelBuilderPanel(null);
        b.preset.setSelectedItem(Presets.NEURON_LUMPED);
        b.start.doClick();
        assertTrue(b.capacitanceFromData.isSelected(), "neuron-lumped starts 1/C from the recording");
        b.capacitanceFromData.doClick();
        assertFalse(b.spec().inverse_capacitance_from_data);
        Path f = dir.resolve("fixed-start" + SpecFiles.SUFFIX);
        b.save(f);
        assertFalse(SpecFiles.read(f).inverse_capacitance_from_data, "the file holds the choice");

        ModelBuilderPanel other = new ModelBuilderPanel(null);
        other.load(f);
        assertFalse(other.capacitanceFromData.isSelected());
        other.capacitanceFromData.doClick();
        assertTrue(other.spec().inverse_capacitance_from_data);
        ModelSpec preset = Presets.get(Presets.NEURON_LUMPED).build(List.of("V"), List.of());
        assertEquals(Json.GSON.toJson(preset), Json.GSON.toJson(other.spec()), "checked again, the spec is the preset's");
    }

    @Test
    void aRefusedEditSaysWhyAndChangesNothing() {
        ModelBuilderPanel b = new ModelBuilderPanel(null);
        b.neurons.setText("V");
        b.preset.setSelectedItem(Presets.HH_LUMPED);
        b.start.doClick();
        String before = Json.GSON.toJson(b.spec());

        bank(b, "diagonal: 0.1 -3");
        assertTrue(b.status().contains("positive") && b.status().contains("line 1"), b.status());
        bank(b, "lowpass: 1 2");
        assertTrue(b.status().contains("'lowpass'") && b.status().contains("diagonal or gobf"), b.status());
        nameAndLayers(b, "lumped", "10, x, 1");
        assertTrue(b.status().contains("'x' is not a whole number"), b.status());
        addCurrent(b, "synaptic");
        assertTrue(b.status().contains("presynaptic cell"), "a synapse on a neuron's own edge: " + b.status());
        addEdge(b, "V", "V");
        assertTrue(b.status().contains("already an edge"), b.status());
        editJson(b, "\"tanh\",", "\"relu\",");
        assertTrue(b.status().contains("relu"), "an activation the network does not have: " + b.status());
        b.currentJson.setText("{\"type\": \"nonsense\"}");
        b.applyJson.doClick();
        assertTrue(b.status().contains("unknown current type 'nonsense'"), b.status());
        b.preset.setSelectedItem(Presets.LP_PD);
        b.start.doClick();
        assertTrue(b.status().contains("measured input"), "lp-pd needs PD named as an input: " + b.status());

        assertEquals(before, Json.GSON.toJson(b.spec()), "no refused edit changed the spec");
    }

    @Test
    void fitRefusesASpecThatIsNotCompleteAndSaysWhy() {
        List<Path> fitted = new java.util.ArrayList<>();
        ModelBuilderPanel b = new ModelBuilderPanel(fitted::add);
        b.neurons.setText("V");
        b.start.doClick();
        addEdge(b, "V", "V");
        b.fitButton.doClick();
        assertTrue(fitted.isEmpty(), "nothing was handed to Fit RMM");
        assertTrue(b.status().contains("has no currents"), b.status());
    }

    @Test
    void bankTextReadsBackExactlyAndGridsAreThePresetsBits() {
        FilterBankSpec mixed = new FilterBankSpec(List.of(new FilterBankSpec.BlockSpec("diagonal", Presets.lpTau()),
                new FilterBankSpec.BlockSpec("gobf", new double[] {0.1, 1.0 / 3, 7})));
        assertEquals(Json.GSON.toJson(mixed), Json.GSON.toJson(BankText.parse(BankText.format(mixed))));
        assertEquals("diagonal: 0.1 0.3 0.5 0.7 1 3 5 7", BankText.format(FilterBankSpec.diagonal(Presets.hhTau())));
        assertEquals(Json.GSON.toJson(FilterBankSpec.gobf(Presets.synTau())), Json.GSON.toJson(BankText.parse("gobf: grid 0.05 1.3 14 16")));
    }
}
