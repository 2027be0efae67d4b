package org.rmmfiji.job;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Units;

/**
 * Sensible defaults for channel choices from the column names: a voltage channel {@code V_X} with a matching
 * current channel {@code I_X} is the modelled neuron; the other voltage channels are inputs.
 */
final class ChannelGuess {
    private ChannelGuess() {}

    static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        if (csv == null) return out;
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    /** A list of channels the user gave, each as the recording names it (a column name V_mV means channel V). */
    static List<String> channels(Recording rec, String csv) {
        List<String> out = new ArrayList<>();
        for (String s : list(csv)) out.add(s.equalsIgnoreCase("none") ? s : rec.channelName(s));
        return out;
    }

    static String suffix(String channel) {
        int u = channel.indexOf('_');
        return u < 0 ? "" : channel.substring(u + 1);
    }

    static List<String> neurons(Recording rec, String given, int count) {
        List<String> n = channels(rec, given);
        if (!n.isEmpty()) return n;
        List<String> volts = rec.channelNames(Units.Kind.VOLTAGE);
        List<String> amps = rec.channelNames(Units.Kind.CURRENT);
        if (volts.isEmpty()) throw new InvalidInputException(rec.source() + ": no voltage channel (mV or V) to model; the channels are " + rec.channelNames());
        List<String> withCurrent = new ArrayList<>();
        for (String v : volts) {
            String s = suffix(v);
            for (String a : amps) if (suffix(a).equals(s)) withCurrent.add(v);
        }
        if (count == org.rmmfiji.model.Preset.ANY) return new ArrayList<>(withCurrent.isEmpty() ? volts : withCurrent);
        List<String> pool = withCurrent.size() >= count ? withCurrent : volts;
        if (pool.size() < count)
            throw new InvalidInputException(rec.source() + ": the preset models " + count + " neuron(s) but the file has only voltage channels " + volts);
        return new ArrayList<>(pool.subList(0, count));
    }

    static List<String> inputs(Recording rec, String given, List<String> neurons, int count) {
        List<String> in = channels(rec, given);
        if (!in.isEmpty() || count == 0) return in;
        if (count == org.rmmfiji.model.Preset.ANY) {   // a circuit preset: every other voltage channel drives the modelled cells
            for (String v : rec.channelNames(Units.Kind.VOLTAGE)) if (!neurons.contains(v)) in.add(v);
            return in;
        }
        for (String v : rec.channelNames(Units.Kind.VOLTAGE)) if (!neurons.contains(v) && in.size() < count) in.add(v);
        if (in.size() < count)
            throw new InvalidInputException(rec.source() + ": the preset needs " + count + " measured input voltage(s) besides " + neurons
                    + ", but the voltage channels are " + rec.channelNames(Units.Kind.VOLTAGE));
        return in;
    }

    static List<String> currents(Recording rec, String given, List<String> neurons) {
        List<String> c = channels(rec, given);
        List<String> out = new ArrayList<>();
        if (c.size() == 1 && c.get(0).equalsIgnoreCase("none")) {
            for (int i = 0; i < neurons.size(); i++) out.add("");
            return out;
        }
        if (!c.isEmpty()) {
            if (c.size() != neurons.size())
                throw new InvalidInputException("currents lists " + c.size() + " channel(s) for " + neurons.size() + " modelled neuron(s) " + neurons);
            for (String s : c) out.add(s.equalsIgnoreCase("none") ? "" : s);
            return out;
        }
        List<String> amps = rec.channelNames(Units.Kind.CURRENT);
        for (String n : neurons) {
            String match = "";
            for (String a : amps) if (suffix(a).equals(suffix(n))) match = a;
            if (match.isEmpty() && amps.size() == 1 && neurons.size() == 1) match = amps.get(0);
            out.add(match);
        }
        return out;
    }

    /**
     * A warning per modelled neuron that no current channel was found for: it is fitted without injected current (a
     * lone cell then learns only its spontaneous activity). Said before training, since a recording whose stimulus is
     * not among its channels (a command waveform kept in a separate file, a DAC not recorded) otherwise fits quietly.
     */
    static List<String> withoutCurrent(Recording rec, List<String> neurons, List<String> currents) {
        List<String> out = new ArrayList<>();
        List<String> amps = rec.channelNames(Units.Kind.CURRENT);
        List<String> asGiven = new ArrayList<>();
        for (String c : currents) asGiven.add(c.isEmpty() ? "none" : c);
        String silence = neurons.size() == 1 ? "currents=\"none\"" : "currents=\"" + String.join(",", asGiven) + "\" (one per neuron, none for an unstimulated one)";
        for (int i = 0; i < neurons.size(); i++) {
            if (!currents.get(i).isEmpty()) continue;
            out.add(neurons.get(i) + " has no injected-current channel (" + (amps.isEmpty() ? "the recording has no current channel"
                    : "current channels: " + amps + ", none matched to it") + "): it is fitted without injected current. Name its current with "
                    + "currents=…, or set " + silence + " when the cell was not stimulated.");
        }
        return out;
    }

    /** The neuron's name in the model: the channel name without a leading "V_" (a bare "V" stays "V", as the user named it). */
    static String neuronName(String channel) {
        if (channel.startsWith("V_") && channel.length() > 2) return channel.substring(2);
        return channel;
    }

    static int[] indices(String csv, String what) {
        List<String> l = list(csv);
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(l.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(what + ": '" + l.get(i) + "' is not a segment index");
            }
        }
        return out;
    }
}
