package org.rmmfiji.job;

import java.nio.file.Path;
import java.util.List;

import org.rmmfiji.analysis.ActivationCurves;
import org.rmmfiji.analysis.CouplingEntry;
import org.rmmfiji.analysis.CouplingSpread;
import org.rmmfiji.analysis.SynapticTraces;

/** What Inspect Synaptic Coupling found and wrote; the front ends draw their figures from it. */
public final class CouplingResult {
    /** Modelled neurons (rows, postsynaptic) and every voltage, modelled first (columns, presynaptic). */
    public List<String> neurons;
    public List<String> voltages;
    /** The coupling matrix of the first model, one entry per synapse. */
    public List<CouplingEntry> matrix;
    /** Per model (the first is {@link #matrix}); the spread over them, empty for one model. */
    public List<List<CouplingEntry>> ensemble;
    public List<CouplingSpread> spread;
    /** The first model's synapses forced by the recording and along its free run (same samples). */
    public List<SynapticTraces.Trace> forced;
    public List<SynapticTraces.Trace> freeRun;
    /** The steady-state activation curves of every model, for envelopes. */
    public List<List<ActivationCurves.Curve>> curves;
    public double dt;
    /** The plotted window of the traces (ms after the filter transient). */
    public double plotFrom_ms, plotLength_ms;
    public String segment;
    /** Output files: the matrix CSV, traces CSV, activation CSV, ensemble CSV (when several models), then the figures' PNGs. */
    public Path matrixFile, tracesFile, curvesFile, spreadFile;
    public Path heatMapPng, tracesPng, curvesPng;
    public List<Path> written;
}
