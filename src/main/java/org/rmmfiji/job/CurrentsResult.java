package org.rmmfiji.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.rmmfiji.analysis.Admittance;
import org.rmmfiji.analysis.Bifurcations;
import org.rmmfiji.analysis.IvCurves;
import org.rmmfiji.analysis.IvEnvelope;
import org.rmmfiji.analysis.SynapticTraces;

/** What Inspect Currents found and wrote; the front ends draw their figures from it. */
public final class CurrentsResult {
    public String neuron;
    public String model;
    /** The cell's intrinsic currents by name, in the order of {@link #forced} and {@link #freeRun}. */
    public List<String> currents;
    public double dt;
    /** Steady-state and post-step curves on the same voltage grid. */
    public IvCurves.Result steady, postStep;
    /** With several models: the steady-state curves of every one as envelopes (null for one model). */
    public IvEnvelope envelope;
    public Admittance.Map admittance;
    public Bifurcations.Result bifurcations;
    /** The resting potential: the lowest zero of the steady-state IV whose equilibrium is stable; NaN when none on the grid is. */
    public double rest_mV;
    /** The ablation run: null when none was asked for. */
    public Ablation ablation;
    /** The intrinsic currents along the recording (forced) and a free run; empty without a recording. */
    public List<SynapticTraces.Trace> forced = List.of(), freeRun = List.of();
    public String segment;
    public double plotFrom_ms, plotLength_ms;
    public Path ivFile, envelopeFile, admittanceFile, bifurcationsFile, equilibriaFile, ablationFile, tracesFile;
    public Path ivPng, admittancePng, ablationPng, tracesPng;
    public List<Path> written;

    /** The intact and the ablated cell, each from its rest, under the same DC current. */
    public static final class Ablation {
        public Map<String, Double> weights;
        public double current_nA;
        /** How the current was chosen (given, or the bifurcation's + 0.1 nA, or 0 without one). */
        public String currentOrigin;
        public double[] intact_mV, ablated_mV;
        /** Oscillation periods (ms) of the second half of each run, NaN when it does not oscillate. */
        public double intactPeriod_ms, ablatedPeriod_ms;
        public double ablatedMin_mV, ablatedMax_mV;
        /** A run that left ±1000 mV (cut there): its period and range say nothing. */
        public boolean intactDiverged, ablatedDiverged;
    }
}
