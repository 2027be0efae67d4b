package org.rmmfiji.fiji;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import ij.plugin.frame.Recorder;

import net.miginfocom.swing.MigLayout;

import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.widget.FileWidget;

/**
 * The dialog of a command run from a menu: one field per input of the SciJava command (a text field with Browse for
 * files and folders, a list for choices, a checkbox for yes/no, text for the rest), in two columns that scroll when the
 * screen is short, the command's current values filled in and each field's macro key in its tooltip. ImageJ without
 * Fiji has no SciJava dialogs, so the plugin brings its own, and Fiji shows the same one. On OK it returns the values by
 * macro key and records in the macro Recorder every value that differs from the command's default, so the recorded
 * {@code run("Fit RMM", "…")} line replays the same run.
 */
final class CommandDialog extends JDialog {

    /** Values a caller wants in the next dialog of a command (e.g. the model builder's spec file for Fit RMM). */
    private static final Map<String, Map<String, String>> PREFILL = new LinkedHashMap<>();

    /** Which kind of field an input gets. */
    enum Kind { CHECKBOX, CHOICE, DIRECTORY, FILE, TEXT }

    private final Map<String, JComponent> fields = new LinkedHashMap<>();
    final JButton ok = new JButton("OK");
    final JButton cancel = new JButton("Cancel");
    private boolean confirmed;

    private CommandDialog(String title, List<ModuleItem<?>> items, Module defaults, Map<String, String> prefill) {
        super((java.awt.Frame) null, title, true);
        JPanel form = new JPanel(new MigLayout("wrap 4, insets 8", "[right][grow,fill][right][grow,fill]"));
        for (ModuleItem<?> item : items) {
            String name = item.getName();
            String value = prefill.getOrDefault(name, initial(title, name, text(defaults, item)));
            JComponent field = field(item, value);
            String tip = "<html>macro key <code>" + name + "</code>" + (item.getDescription() != null && !item.getDescription().isEmpty()
                    ? "<br>" + escape(item.getDescription()) : "") + "</html>";
            JLabel label = new JLabel(item.getLabel() != null && !item.getLabel().isEmpty() ? item.getLabel() : name);
            label.setToolTipText(tip);
            field.setToolTipText(tip);
            form.add(label);
            form.add(withBrowse(field, kind(item)), "wmin 160");
            fields.put(name, field);
        }
        JScrollPane scroll = new JScrollPane(form);
        scroll.setBorder(null);
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        JPanel buttons = new JPanel(new MigLayout("insets 0 8 8 8", "[grow][][]"));
        buttons.add(new JLabel("Hover over a field for its macro key."));
        buttons.add(cancel);
        buttons.add(ok);
        getRootPane().setDefaultButton(ok);
        ok.addActionListener(e -> { confirmed = true; dispose(); });
        cancel.addActionListener(e -> dispose());
        setLayout(new java.awt.BorderLayout());
        add(scroll, java.awt.BorderLayout.CENTER);
        add(buttons, java.awt.BorderLayout.SOUTH);
        pack();
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        Dimension size = getSize();
        setSize(Math.min(size.width + 20, screen.width - 40), Math.min(size.height, screen.height - 60));
        setLocationRelativeTo(null);
    }

    private static JComponent field(ModuleItem<?> item, String value) {
        switch (kind(item)) {
            case CHECKBOX: return new JCheckBox("", Boolean.parseBoolean(value));
            case CHOICE:
                JComboBox<String> box = new JComboBox<>();
                for (Object c : item.getChoices()) box.addItem(c == null ? "" : String.valueOf(c));   // SciJava gives an empty choice as null
                box.setSelectedItem(value);
                return box;
            default: return new JTextField(value, 14);
        }
    }

    /** A file or folder field gets a Browse button beside it. */
    private JComponent withBrowse(JComponent field, Kind kind) {
        if (kind != Kind.FILE && kind != Kind.DIRECTORY) return field;
        JTextField text = (JTextField) field;
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser(text.getText().isEmpty() ? null : new File(text.getText()));
            if (kind == Kind.DIRECTORY) chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) text.setText(chooser.getSelectedFile().getPath());
        });
        JPanel p = new JPanel(new MigLayout("insets 0", "[grow,fill][]"));
        p.add(text);
        p.add(browse);
        return p;
    }

    /** The field of each input, by macro key: a JTextField, JComboBox or JCheckBox. */
    Map<String, JComponent> fields() { return fields; }

    /** The next dialog of {@code title} starts from these values instead of the defaults (once). */
    static synchronized void prefillNext(String title, Map<String, String> values) { PREFILL.put(title, new LinkedHashMap<>(values)); }

    private static synchronized Map<String, String> takePrefill(String title) {
        Map<String, String> p = PREFILL.remove(title);
        return p != null ? p : Map.of();
    }

    /** The inputs a user sets: not injected services, not hidden or message items. */
    static List<ModuleItem<?>> userInputs(CommandInfo info) {
        List<ModuleItem<?>> out = new ArrayList<>();
        for (ModuleItem<?> item : info.inputs()) {
            if (Service.class.isAssignableFrom(item.getType()) || item.getType() == Context.class) continue;
            if (item.getVisibility() == ItemVisibility.INVISIBLE || item.getVisibility() == ItemVisibility.MESSAGE) continue;
            out.add(item);
        }
        return out;
    }

    static Kind kind(ModuleItem<?> item) {
        if (item.getType() == boolean.class || item.getType() == Boolean.class) return Kind.CHECKBOX;
        if (item.getChoices() != null && !item.getChoices().isEmpty()) return Kind.CHOICE;
        if (item.getType() == File.class) return FileWidget.DIRECTORY_STYLE.equals(item.getWidgetStyle()) ? Kind.DIRECTORY : Kind.FILE;
        return Kind.TEXT;
    }

    /** A module's current value of an input as dialog and macro text ("" for none). */
    static String text(Module module, ModuleItem<?> item) {
        Object v = module.getInput(item.getName());
        if (v == null) return "";
        if (v instanceof File) return ((File) v).getPath();
        return String.valueOf(v);
    }

    /**
     * Shows the dialog (modal; from any thread); null when the user cancels. The values come back by macro key, files
     * and numbers left empty left out (so the command sees them unset, as a macro that does not name them).
     */
    static Map<String, String> ask(String title, CommandInfo info, Module defaults) throws Exception {
        Map<String, String> prefill = takePrefill(title);
        List<ModuleItem<?>> items = userInputs(info);
        List<Map<String, String>> answer = new ArrayList<>();
        Runnable show = () -> {
            CommandDialog d = new CommandDialog(title, items, defaults, prefill);
            d.setVisible(true);                                 // modal: returns when OK or Cancel closed it
            answer.add(d.confirmed ? d.read(items, defaults) : null);   // the fields are read on the event thread too
        };
        if (SwingUtilities.isEventDispatchThread()) show.run();
        else {
            try {
                SwingUtilities.invokeAndWait(show);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;   // the dialog's own failure, not a wrapper
            }
        }
        return answer.get(0);
    }

    /** Reads the fields back, and records what differs from the defaults. */
    private Map<String, String> read(List<ModuleItem<?>> items, Module defaults) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ModuleItem<?> item : items) {
            JComponent f = fields.get(item.getName());
            String value = f instanceof JCheckBox ? String.valueOf(((JCheckBox) f).isSelected())
                    : f instanceof JComboBox ? Objects.toString(((JComboBox<?>) f).getSelectedItem(), "") : ((JTextField) f).getText().trim();
            if (value.isEmpty() && item.getType() != String.class) continue;
            values.put(item.getName(), value);
            if (!Objects.equals(value, text(defaults, item))) record(item, value);
        }
        return values;
    }

    private static void record(ModuleItem<?> item, String value) {
        if (!Recorder.record) return;
        if (item.getType() == File.class) Recorder.recordPath(item.getName(), value);
        else Recorder.recordOption(item.getName(), value.isEmpty() ? "[]" : value);
    }

    /** Commands that read their recording from a trace window as well as from a file (Open Recording and Batch Fit read files). */
    private static final java.util.Set<String> TAKE_A_WINDOW = java.util.Set.of("Fit RMM", "Predict RMM", "Export Recording as CSV",
            "Inspect Synaptic Coupling", "Inspect Currents");

    /** The recording a dialog offers first: the front trace window's, when it shows one (Fit RMM "from that window"). */
    private static String initial(String command, String name, String value) {
        if (!"recording".equals(name) || !value.isEmpty() || !TAKE_A_WINDOW.contains(command)) return value;
        ij.gui.ImageWindow w = ij.WindowManager.getCurrentWindow();
        String front = w != null && w.getImagePlus() != null ? w.getImagePlus().getTitle() : null;
        return front != null && OpenRecordings.titles().contains(front) ? front : value;
    }

    private static String escape(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
