package org.rmmfiji.fiji;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import net.miginfocom.swing.MigLayout;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.Json;
import org.rmmfiji.io.SpecFiles;
import org.rmmfiji.model.Circuits;
import org.rmmfiji.model.CurrentSpec;
import org.rmmfiji.model.CurrentType;
import org.rmmfiji.model.CurrentTypes;
import org.rmmfiji.model.EdgeSpec;
import org.rmmfiji.model.FilterBank;
import org.rmmfiji.model.FilterBankSpec;
import org.rmmfiji.model.ModelSpec;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.Preset;
import org.rmmfiji.model.Presets;
import org.rmmfiji.train.CapacitanceEstimate;

/**
 * The model builder: edits an architecture ({@link ModelSpec}, the {@code *.rmmspec.json} file) without writing JSON by
 * hand. Start from a preset or from nothing, add edges (a neuron's own currents, or a synapse from a chosen cell), give
 * each edge its filter bank ({@link BankText}) and its currents (types from the {@link CurrentTypes} registry; layer sizes
 * in a field, every other setting as the current's JSON), and see the parameter count, or what is wrong, after every
 * change. Save and Load read and write spec files; Fit hands the saved spec to Fit RMM.
 */
final class ModelBuilderPanel extends JPanel {
    /** The step the parameter count is computed at: counts do not depend on it. */
    private static final double COUNT_STEP_MS = 0.1;
    private static final String EMPTY = "(empty)";

    private ModelSpec spec = new ModelSpec();
    /** The file last saved from here or loaded; only one saved from here is written again without asking. */
    private Path file;
    private boolean savedHere;
    /** Why the spec as it stands does not build a network; null when it does. */
    private String incomplete = "it has no edges";
    private final Consumer<Path> fit;

    final JComboBox<String> preset = new JComboBox<>();
    final JTextField neurons = new JTextField("V", 12);
    final JTextField inputs = new JTextField("", 12);
    final JButton start = new JButton("Start");
    final DefaultListModel<String> edgeItems = new DefaultListModel<>();
    final JList<String> edges = new JList<>(edgeItems);
    final JComboBox<String> pre = new JComboBox<>();
    final JComboBox<String> post = new JComboBox<>();
    final JButton addEdge = new JButton("Add edge");
    final JButton removeEdge = new JButton("Remove edge");
    final JTextArea bank = new JTextArea(3, 40);
    final JButton applyBank = new JButton("Apply bank");
    final DefaultListModel<String> currentItems = new DefaultListModel<>();
    final JList<String> currents = new JList<>(currentItems);
    final JComboBox<String> currentType = new JComboBox<>();
    final JButton addCurrent = new JButton("Add current");
    final JButton removeCurrent = new JButton("Remove current");
    final JTextField currentName = new JTextField(10);
    final JTextField layers = new JTextField(10);
    final JButton applyCurrent = new JButton("Apply name and layers");
    final JTextArea currentJson = new JTextArea(8, 40);
    final JButton applyJson = new JButton("Apply JSON");
    final JTextField capacitance = new JTextField(6);
    /** The spec's {@code inverse_capacitance_from_data}: a fit estimates each neuron's 1/C from its recording first. */
    final JCheckBox capacitanceFromData = new JCheckBox("1/C from the recording");
    final JLabel status = new JLabel(" ");
    final JButton load = new JButton("Load…");
    final JButton save = new JButton("Save…");
    final JButton fitButton = new JButton("Fit with this spec…");

    /** @param fit what the Fit button does with the saved spec file (null: no Fit button) */
    ModelBuilderPanel(Consumer<Path> fit) {
        super(new MigLayout("wrap 4, fill", "[][grow][][grow]"));
        this.fit = fit;
        preset.addItem(EMPTY);
        for (String id : Presets.ids()) preset.addItem(id);
        for (CurrentType t : CurrentTypes.all()) currentType.addItem(t.key());
        edges.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        currents.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        currentJson.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 12));
        bank.setFont(currentJson.getFont());
        bank.setLineWrap(true);                            // a 36-state grid stays visible; blocks are split by real line ends
        bank.setWrapStyleWord(true);
        layout(fit != null);
        wire();
        startFrom(EMPTY);
    }

    private void layout(boolean withFit) {
        add(new JLabel("Start from"));
        add(preset, "growx");
        add(new JLabel("Neurons"));
        add(neurons, "growx, split 3");
        add(new JLabel("Inputs"));
        add(inputs, "growx");
        add(start, "skip 3, right");
        add(new JLabel("Edges (post ← pre)"), "span 2");
        add(new JLabel("Currents of the chosen edge"), "span 2");
        add(new JScrollPane(edges), "span 2, grow, h 80:120");
        add(new JScrollPane(currents), "span 2, grow, h 80:120");
        add(new JLabel("Pre"));
        add(pre, "growx, split 3");
        add(new JLabel("→ post"));
        add(post, "growx");
        add(currentType, "growx");
        add(addCurrent, "split 2");
        add(removeCurrent);
        add(addEdge, "span 2, split 2");
        add(removeEdge);
        add(new JLabel("Name"));
        add(currentName, "growx, split 3");
        add(new JLabel("Layers"));
        add(layers, "growx");
        add(new JLabel("Filter bank of the chosen edge (one block per line: 'diagonal: 0.1 1 10' or 'gobf: grid 0.05 1.3 0 36')"), "span 2");
        add(applyCurrent, "skip 1, right");
        add(new JScrollPane(bank), "span 2, grow");
        add(new JScrollPane(currentJson), "span 2, span y 2, grow");
        add(applyBank, "span 2, right");
        add(new JLabel("Capacitance nF (empty: learned)"), "span 2, split 3");
        add(capacitance);
        add(capacitanceFromData);
        capacitanceFromData.setToolTipText("Before training, estimate each neuron's 1/C from how the voltage's slope follows the injected current, and start "
                + "there when the spec's start is more than " + BankText.exact(CapacitanceEstimate.MOVE_FACTOR) + " times off (the currents scaled to match); "
                + "unchecked: start at the spec's values. No effect while a capacitance is fixed.");
        add(applyJson, "span 2, right");
        add(status, "span 4, growx");
        add(load, "span 4, split 3, right");
        add(save);
        if (withFit) add(fitButton);
    }

    private void wire() {
        start.addActionListener(e -> act(() -> startFrom((String) preset.getSelectedItem())));
        edges.addListSelectionListener(e -> { if (!e.getValueIsAdjusting()) showEdge(); });
        currents.addListSelectionListener(e -> { if (!e.getValueIsAdjusting()) showCurrent(); });
        addEdge.addActionListener(e -> act(this::addEdge));
        neurons.addActionListener(e -> act(this::syncNames));
        inputs.addActionListener(e -> act(this::syncNames));
        removeEdge.addActionListener(e -> act(() -> {
            spec.edges.remove(edge());
            refresh(-1);
        }));
        applyBank.addActionListener(e -> act(() -> {
            edge().filter_bank = BankText.parse(bank.getText());
            refresh(edges.getSelectedIndex());
        }));
        addCurrent.addActionListener(e -> act(this::addCurrent));
        removeCurrent.addActionListener(e -> act(() -> {
            edge().currents.remove(current());
            refresh(edges.getSelectedIndex());
        }));
        applyCurrent.addActionListener(e -> act(this::applyNameAndLayers));
        applyJson.addActionListener(e -> act(this::applyJson));
        capacitance.addActionListener(e -> act(this::applyCapacitance));
        capacitanceFromData.addActionListener(e -> act(() -> {
            spec.inverse_capacitance_from_data = capacitanceFromData.isSelected();
            refresh(edges.getSelectedIndex());
        }));
        save.addActionListener(e -> act(() -> {
            Path f = choose("Save spec", true);
            if (f != null) save(f);
        }));
        load.addActionListener(e -> act(() -> {
            Path f = choose("Load spec", false);
            if (f != null) load(f);
        }));
        fitButton.addActionListener(e -> act(() -> {
            if (incomplete != null) throw new InvalidInputException(incomplete);
            Path f = file != null && savedHere ? file : choose("Save the spec to fit", true);
            if (f == null) return;
            save(f);
            fit.accept(f);
        }));
    }

    /** Runs an edit; a refused edit leaves the spec as it was and says why in the status line. */
    private void act(Edit edit) {
        ModelSpec before = copy(spec);
        try {
            edit.run();
        } catch (IOException | RuntimeException e) {        // any refusal, e.g. an unknown activation in the JSON, not a stack trace
            spec = before;
            refresh(edges.getSelectedIndex());
            problem(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private interface Edit { void run() throws IOException; }

    /** The architecture as it stands (a copy; the builder keeps its own). */
    ModelSpec spec() { return copy(spec); }

    /** What the status line says: the parameter count, or what stops the spec from being built. */
    String status() { return status.getText(); }

    void startFrom(String id) {
        List<String> ns = names(neurons.getText()), is = names(inputs.getText());
        if (EMPTY.equals(id)) {
            spec = new ModelSpec();
            spec.neurons = new ArrayList<>(ns);
            spec.inputs = new ArrayList<>(is);
        } else {
            Preset p = Presets.get(id);
            spec = p.build(ns, is);
        }
        file = null;
        refresh(spec.edges.isEmpty() ? -1 : 0);
    }

    void save(Path f) throws IOException {
        spec.validate();
        SpecFiles.write(f, spec);
        file = f;
        savedHere = true;
        refresh(edges.getSelectedIndex());
    }

    void load(Path f) throws IOException {
        spec = SpecFiles.read(f);
        file = f;
        savedHere = false;
        neurons.setText(String.join(", ", spec.neurons));
        inputs.setText(String.join(", ", spec.inputs));
        refresh(spec.edges.isEmpty() ? -1 : 0);
    }

    private void addEdge() {
        String from = (String) pre.getSelectedItem(), to = (String) post.getSelectedItem();
        if (from == null || to == null) throw new InvalidInputException("name the modelled neurons (and any measured inputs) first, then choose pre and post");
        for (EdgeSpec e : spec.edges)
            if (e.pre.equals(from) && e.post.equals(to)) throw new InvalidInputException("there is already an edge " + to + " ← " + from + "; add currents to it instead");
        EdgeSpec e = from.equals(to)
                ? new EdgeSpec(to, from, FilterBankSpec.diagonal(Presets.neuronTau()), List.of())
                : Circuits.synapse(from, to, 1);
        spec.edges.add(e);
        refresh(spec.edges.size() - 1);
    }

    private void addCurrent() {
        EdgeSpec e = edge();
        CurrentType t = CurrentTypes.get((String) currentType.getSelectedItem());
        if (t.placement() == CurrentType.Placement.SYNAPTIC && e.intrinsic())
            throw new InvalidInputException("a " + t.name().toLowerCase() + " needs a presynaptic cell: add it to an edge between two cells");
        if (t.placement() == CurrentType.Placement.INTRINSIC && !e.intrinsic())
            throw new InvalidInputException("a " + t.name().toLowerCase() + " belongs on a neuron's own edge (" + e.post + " ← " + e.post + ")");
        e.currents.add(t.defaultSpec(e.filter_bank.size()));
        refresh(edges.getSelectedIndex(), e.currents.size() - 1);
    }

    private void applyNameAndLayers() {
        CurrentSpec c = current();
        String name = currentName.getText().trim();
        if (name.isEmpty()) throw new InvalidInputException("a current needs a name");
        int[] sizes = layerSizes(layers.getText());
        c.name = name;
        if (c.layers != null || sizes.length > 0) setLayers(c, sizes);
        refresh(edges.getSelectedIndex(), currents.getSelectedIndex());
    }

    /**
     * New layer sizes; the activations keep their hidden kind and their last one (tanh … identity for a lumped
     * current, sigmoid for gates), and new layers' regularisation weights are 1.
     */
    static void setLayers(CurrentSpec c, int[] sizes) {
        if (c.activations != null && c.activations.length > 0) {
            String[] a = new String[sizes.length];
            Arrays.fill(a, c.activations[0]);
            a[a.length - 1] = c.activations[c.activations.length - 1];
            c.activations = a;
        }
        if (c.layer_reg_weights != null) {
            double[] w = Arrays.copyOf(c.layer_reg_weights, sizes.length);
            for (int i = c.layer_reg_weights.length; i < sizes.length; i++) w[i] = 1.0;
            c.layer_reg_weights = w;
        }
        c.layers = sizes;
    }

    private void applyJson() {
        CurrentSpec c = Json.GSON.fromJson(currentJson.getText(), CurrentSpec.class);
        if (c == null) throw new InvalidInputException("the current's JSON is empty");
        EdgeSpec e = edge();
        CurrentTypes.get(c.type).check(c, new FilterBank(e.filter_bank, COUNT_STEP_MS), e.post, e.pre);
        e.currents.set(currents.getSelectedIndex(), c);
        refresh(edges.getSelectedIndex(), currents.getSelectedIndex());
    }

    private void applyCapacitance() {
        String t = capacitance.getText().trim();
        if (t.isEmpty()) spec.capacitance_nF = null;
        else {
            try {
                spec.capacitance_nF = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("capacitance: '" + t + "' is not a number of nF (leave it empty to learn it)");
            }
        }
        refresh(edges.getSelectedIndex());
    }

    /** The neurons and inputs fields become the spec's (Enter in either field); an edge naming a cell no longer listed shows as a problem. */
    private void syncNames() {
        spec.neurons = new ArrayList<>(names(neurons.getText()));
        spec.inputs = new ArrayList<>(names(inputs.getText()));
        refresh(edges.getSelectedIndex());
    }

    private EdgeSpec edge() {
        int i = edges.getSelectedIndex();
        if (i < 0) throw new InvalidInputException("choose an edge first");
        return spec.edges.get(i);
    }

    private CurrentSpec current() {
        int i = currents.getSelectedIndex();
        if (i < 0) throw new InvalidInputException("choose a current first");
        return edge().currents.get(i);
    }

    private void refresh(int edgeIndex) { refresh(edgeIndex, 0); }

    /** Redraws every list from the spec, selects the given edge and current, and re-checks the spec. */
    private void refresh(int edgeIndex, int currentIndex) {
        pre.removeAllItems();
        post.removeAllItems();
        for (String n : spec.neurons) { pre.addItem(n); post.addItem(n); }
        for (String n : spec.inputs) pre.addItem(n);
        edgeItems.clear();
        for (EdgeSpec e : spec.edges)
            edgeItems.addElement(e.post + " ← " + e.pre + (e.intrinsic() ? " (intrinsic)" : " (synapse)") + ", " + e.filter_bank.size() + " states");
        if (edgeIndex >= spec.edges.size()) edgeIndex = spec.edges.size() - 1;
        edges.setSelectedIndex(edgeIndex);
        if (edgeIndex < 0) edges.clearSelection();
        showEdge();
        if (currentIndex >= 0 && currentIndex < currentItems.size()) currents.setSelectedIndex(currentIndex);
        capacitance.setText(spec.capacitance_nF == null ? "" : BankText.exact(spec.capacitance_nF));
        capacitanceFromData.setSelected(spec.inverse_capacitance_from_data);
        check();
    }

    private void showEdge() {
        int i = edges.getSelectedIndex();
        currentItems.clear();
        if (i < 0 || i >= spec.edges.size()) {
            bank.setText("");
            showCurrent();
            return;
        }
        EdgeSpec e = spec.edges.get(i);
        bank.setText(BankText.format(e.filter_bank));
        for (CurrentSpec c : e.currents)
            currentItems.addElement(c.type + " '" + c.name + "'" + (c.layers != null ? " " + Arrays.toString(c.layers) : ""));
        if (!e.currents.isEmpty()) currents.setSelectedIndex(0);
        showCurrent();
    }

    private void showCurrent() {
        int e = edges.getSelectedIndex(), c = currents.getSelectedIndex();
        if (e < 0 || c < 0 || e >= spec.edges.size() || c >= spec.edges.get(e).currents.size()) {
            currentName.setText("");
            layers.setText("");
            currentJson.setText("");
            return;
        }
        CurrentSpec cs = spec.edges.get(e).currents.get(c);
        currentName.setText(cs.name);
        layers.setText(cs.layers == null ? "" : Arrays.toString(cs.layers).replaceAll("[\\[\\] ]", ""));
        currentJson.setText(Json.GSON.toJson(cs));
        currentJson.setCaretPosition(0);
    }

    private void check() {
        try {
            int n = new Network(copy(spec), COUNT_STEP_MS).parameterCount();
            status.setForeground(Color.DARK_GRAY);
            status.setText(n + " parameters" + (file != null ? " · " + file.getFileName() : ""));
            incomplete = null;
        } catch (RuntimeException e) {                      // what the network builder refuses, whatever its kind
            incomplete = e.getMessage() != null ? e.getMessage() : e.toString();
            problem(incomplete);
        }
    }

    private void problem(String message) {
        status.setForeground(new Color(0xB0, 0x20, 0x20));
        status.setText("Not a complete model yet: " + message);
    }

    private Path choose(String title, boolean saving) {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(title);
        chooser.setFileFilter(new javax.swing.filechooser.FileNameExtensionFilter("RMM spec (*" + SpecFiles.SUFFIX + ")", "json"));
        int answer = saving ? chooser.showSaveDialog(this) : chooser.showOpenDialog(this);
        if (answer != JFileChooser.APPROVE_OPTION) return null;
        Path f = chooser.getSelectedFile().toPath();
        if (saving && !f.getFileName().toString().endsWith(SpecFiles.SUFFIX)) f = f.resolveSibling(f.getFileName() + SpecFiles.SUFFIX);
        return f;
    }

    static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    static int[] layerSizes(String text) {
        List<String> words = names(text);
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(words.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("layers: '" + words.get(i) + "' is not a whole number of units (e.g. 10,10,1)");
            }
            if (out[i] < 1) throw new InvalidInputException("layers: every layer needs at least one unit, got " + out[i]);
        }
        return out;
    }

    private static ModelSpec copy(ModelSpec s) { return Json.GSON.fromJson(Json.GSON.toJson(s), ModelSpec.class); }
}
