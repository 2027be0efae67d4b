package org.rmmfiji.sim;

import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Units;
import org.rmmfiji.model.Network;

/**
 * Which recording channel feeds which model voltage and injected current: voltage j of the network
 * (modelled neurons first, then inputs) reads channel {@code voltage[j]}; neuron i is injected with channel
 * {@code current[i]} (−1: no injected current).
 */
public final class ChannelMap {
    final int[] voltage;
    final int[] current;

    private ChannelMap(int[] voltage, int[] current) {
        this.voltage = voltage;
        this.current = current;
    }

    /**
     * Binds channel names: {@code voltageChannels} for every network voltage in order; {@code currentChannels}
     * for every modelled neuron (null or empty entries for none).
     */
    public static ChannelMap bind(Recording rec, Network net, List<String> voltageChannels, List<String> currentChannels) {
        if (voltageChannels.size() != net.voltageCount())
            throw new InvalidInputException("the model needs " + net.voltageCount() + " voltage channel(s), got " + voltageChannels);
        int[] v = new int[voltageChannels.size()];
        for (int j = 0; j < v.length; j++) v[j] = rec.requireChannel(voltageChannels.get(j), Units.Kind.VOLTAGE);
        int[] c = new int[net.modelledCount()];
        for (int i = 0; i < c.length; i++) {
            String name = i < currentChannels.size() ? currentChannels.get(i) : null;
            c[i] = name == null || name.isEmpty() ? -1 : rec.requireChannel(name, Units.Kind.CURRENT);
        }
        return new ChannelMap(v, c);
    }

    public int voltageChannel(int j) { return voltage[j]; }
    public int currentChannel(int i) { return current[i]; }
}
