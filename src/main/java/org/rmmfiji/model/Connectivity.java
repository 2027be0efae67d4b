package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.rmmfiji.data.InvalidInputException;

/**
 * Which presynaptic cells drive which modelled neurons, as the user writes it:
 * <ul>
 * <li>{@code all-to-all}: every voltage (modelled or measured) onto every other modelled neuron, to let the data decide;</li>
 * <li>{@code none}: intrinsic currents only;</li>
 * <li>pairs {@code PD>LP, LP>PY}: pre&gt;post by neuron name;</li>
 * <li>an adjacency matrix {@code 1 1 0; 1 1 1; 0 1 1}: one row per modelled neuron (post), one column per voltage,
 * modelled neurons first, then measured inputs (pre); the authors' convention A[i][j] = 1 for a synapse j→i, and
 * the diagonal (intrinsic currents) is ignored.</li>
 * </ul>
 * Parsing checks names and sizes against the model's neurons and inputs, so a synapse onto a measured-only cell, a
 * matrix of the wrong size or an unknown name gets a message before anything is built.
 */
public final class Connectivity {
    /** One synapse, pre → post, by neuron name. */
    public record Pair(String pre, String post) {
        @Override public String toString() { return pre + ">" + post; }
    }

    private final List<Pair> pairs;

    private Connectivity(List<Pair> pairs) { this.pairs = List.copyOf(pairs); }

    public List<Pair> pairs() { return pairs; }

    public boolean has(String pre, String post) { return pairs.contains(new Pair(pre, post)); }

    public static Connectivity allToAll(List<String> neurons, List<String> inputs) {
        checkNames(neurons, inputs);
        List<Pair> out = new ArrayList<>();
        for (String post : neurons) {
            for (String pre : neurons) if (!pre.equals(post)) out.add(new Pair(pre, post));
            for (String pre : inputs) out.add(new Pair(pre, post));
        }
        return new Connectivity(out);
    }

    public static Connectivity of(List<Pair> pairs, List<String> neurons, List<String> inputs) {
        checkNames(neurons, inputs);
        Set<Pair> seen = new LinkedHashSet<>();
        for (Pair p : pairs) {
            if (!neurons.contains(p.post())) {
                if (inputs.contains(p.post()))
                    throw new InvalidInputException("synapse " + p + ": " + p.post() + " is a measured input, not a modelled neuron; a synapse must end on a modelled neuron " + neurons);
                throw new InvalidInputException("synapse " + p + ": no neuron named " + p.post() + " (modelled " + neurons + ", measured " + inputs + ")");
            }
            if (!neurons.contains(p.pre()) && !inputs.contains(p.pre()))
                throw new InvalidInputException("synapse " + p + ": no neuron named " + p.pre() + " (modelled " + neurons + ", measured " + inputs + ")");
            if (p.pre().equals(p.post())) throw new InvalidInputException("synapse " + p + ": a neuron's own currents are intrinsic, not a synapse");
            if (!seen.add(p)) throw new InvalidInputException("synapse " + p + " is given twice");
        }
        return new Connectivity(new ArrayList<>(seen));
    }

    /** Parses what a user typed (see the class comment); blank is not accepted here (it means "the preset's"). */
    public static Connectivity parse(String text, List<String> neurons, List<String> inputs) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase("all-to-all")) return allToAll(neurons, inputs);
        if (t.equalsIgnoreCase("none")) return of(List.of(), neurons, inputs);
        if (t.contains(">")) {
            List<Pair> pairs = new ArrayList<>();
            for (String item : t.split(",")) {
                String[] ends = item.split(">");
                if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank())
                    throw new InvalidInputException("connectivity: '" + item.trim() + "' is not a synapse pre>post, e.g. PD>LP");
                pairs.add(new Pair(ends[0].trim(), ends[1].trim()));
            }
            return of(pairs, neurons, inputs);
        }
        return matrix(t, neurons, inputs);
    }

    private static Connectivity matrix(String t, List<String> neurons, List<String> inputs) {
        List<String> voltages = new ArrayList<>(neurons);
        voltages.addAll(inputs);
        String[] rows = t.split(";");
        String expected = neurons.size() + " row(s) (one per modelled neuron " + neurons + ") of " + voltages.size()
                + " column(s) (one per voltage " + voltages + ")";
        if (rows.length != neurons.size())
            throw new InvalidInputException("connectivity: the adjacency matrix has " + rows.length + " row(s); expected " + expected
                    + ", or all-to-all, none, or pairs such as PD>LP");
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].trim().split("[\\s,]+");
            if (cells.length != voltages.size())
                throw new InvalidInputException("connectivity: row " + (i + 1) + " of the adjacency matrix has " + cells.length + " entries; expected " + expected);
            for (int j = 0; j < cells.length; j++) {
                if (!cells[j].equals("0") && !cells[j].equals("1"))
                    throw new InvalidInputException("connectivity: adjacency entries are 0 or 1, got '" + cells[j] + "' in row " + (i + 1));
                if (cells[j].equals("1") && j != i) pairs.add(new Pair(voltages.get(j), neurons.get(i)));
            }
        }
        return of(pairs, neurons, inputs);
    }

    static void checkNames(List<String> neurons, List<String> inputs) {
        Set<String> names = new HashSet<>();
        for (String n : neurons) if (!names.add(n)) throw new InvalidInputException("two modelled neurons are named " + n + "; neuron names must differ");
        for (String n : inputs) if (!names.add(n)) throw new InvalidInputException("two neurons are named " + n + " (modelled " + neurons + ", measured " + inputs + "); names must differ");
    }

    @Override public String toString() { return pairs.isEmpty() ? "none" : pairs.toString(); }
}
