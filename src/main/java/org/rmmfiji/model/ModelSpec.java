package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;

/**
 * An untrained RMM architecture: the file {@code *.rmmspec.json}. Modelled neurons have voltages that are model
 * states; inputs are measured voltages (e.g. PD when LP is modelled). Fields are the file's keys.
 */
public final class ModelSpec {
    public static final int FORMAT_VERSION = 1;

    public int format_version = FORMAT_VERSION;
    public String preset;
    public List<String> neurons = new ArrayList<>();
    public List<String> inputs = new ArrayList<>();
    /** A known capacitance (nF) to fix; null means 1/C is learned (softplus-positive). */
    public Double capacitance_nF;
    /** Initial 1/C (1/nF) when learned, unless it comes from the recording. */
    public double initial_inverse_capacitance = 1.0;
    /**
     * True: each modelled neuron's 1/C starts where the recording puts it (estimated before training from how the
     * voltage's slope follows the injected current), and its currents start scaled by initial_inverse_capacitance over
     * the estimate, so the ionic part of the model's initial dv/dt stays as it was and only the injected current's gain
     * is measured: a cell recorded in pA with a capacitance of tens of pF starts as well placed as one in nA and nF. The
     * estimate is made anew for every fit (it depends on the recording only) and written into
     * {@link #initial_inverse_capacitances} as a record; with this flag false, those values are where 1/C starts.
     */
    public boolean inverse_capacitance_from_data = false;
    /**
     * Per modelled neuron, the initial 1/C (1/nF): the recording's estimate, recorded by a fit with
     * {@link #inverse_capacitance_from_data}; without that flag, where 1/C starts (null: initial_inverse_capacitance).
     */
    public double[] initial_inverse_capacitances;
    /** How {@link #initial_inverse_capacitances} were found, e.g. the estimate's method and spread; null when not estimated. */
    public String initial_inverse_capacitance_origin;
    public List<EdgeSpec> edges = new ArrayList<>();

    /** Index of a voltage: modelled neurons first, then inputs. */
    public int voltageIndex(String name) {
        int i = neurons.indexOf(name);
        if (i >= 0) return i;
        int j = inputs.indexOf(name);
        if (j >= 0) return neurons.size() + j;
        throw new InvalidInputException("the spec names '" + name + "' in an edge, but it is neither a modelled neuron " + neurons + " nor an input " + inputs);
    }

    /** Checks what the network builder relies on; throws a message naming the problem. */
    public void validate() {
        if (format_version != FORMAT_VERSION)
            throw new InvalidInputException("spec format_version " + format_version + " is not supported (this version reads " + FORMAT_VERSION + ")");
        if (neurons == null || neurons.isEmpty()) throw new InvalidInputException("the spec models no neuron");
        if (edges == null || edges.isEmpty()) throw new InvalidInputException("the spec has no edges");
        if (capacitance_nF != null && !(capacitance_nF > 0))
            throw new InvalidInputException("capacitance_nF must be positive, got " + capacitance_nF);
        if (!(initial_inverse_capacitance > 0))
            throw new InvalidInputException("initial_inverse_capacitance must be positive, got " + initial_inverse_capacitance);
        if (initial_inverse_capacitances != null && !inverse_capacitance_from_data) {
            if (initial_inverse_capacitances.length != neurons.size())
                throw new InvalidInputException("initial_inverse_capacitances has " + initial_inverse_capacitances.length + " values for " + neurons.size() + " modelled neurons");
            for (double a : initial_inverse_capacitances)
                if (!(a > 0) || !Double.isFinite(a)) throw new InvalidInputException("initial_inverse_capacitances must be positive numbers, got " + a);
        }
        for (EdgeSpec e : edges) {
            int post = voltageIndex(e.post);
            voltageIndex(e.pre);
            if (post >= neurons.size()) throw new InvalidInputException("edge " + e.pre + "→" + e.post + ": the postsynaptic cell must be a modelled neuron");
            if (e.currents == null || e.currents.isEmpty()) throw new InvalidInputException("edge " + e.pre + "→" + e.post + " has no currents");
            if (e.readout != null && e.readout.length != e.currents.size())
                throw new InvalidInputException("edge " + e.pre + "→" + e.post + ": readout has " + e.readout.length + " entries for " + e.currents.size() + " currents");
            if (e.filter_bank == null) throw new InvalidInputException("edge " + e.pre + "→" + e.post + " has no filter_bank");
        }
    }
}
