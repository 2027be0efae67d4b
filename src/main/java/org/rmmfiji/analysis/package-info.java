/**
 * Looking inside a fitted model, with no ImageJ. One cell's intrinsic currents ({@link org.rmmfiji.analysis.IsolatedCell}):
 * steady-state and post-step IV curves with each current's conductance and gates ({@link org.rmmfiji.analysis.IvCurves}),
 * the admittance map ({@link org.rmmfiji.analysis.Admittance}), the bifurcation finder
 * ({@link org.rmmfiji.analysis.Bifurcations}) and ablation ({@link org.rmmfiji.analysis.IsolatedCell#scaled}). Synaptic currents along a recording ({@link org.rmmfiji.analysis.SynapticTraces}),
 * the coupling matrix with ablation ({@link org.rmmfiji.analysis.CouplingMatrix}), steady-state synaptic activation
 * ({@link org.rmmfiji.analysis.ActivationCurves}) and the spread of an ensemble of fits ({@link org.rmmfiji.analysis.CouplingSpread}).
 *
 * <pre>
 * Network net = ModelFiles.toNetwork(ModelFiles.read(path), path.toString());
 * ChannelMap map = ChannelMap.bind(recording, net, List.of("V_LP", "V_PD"), List.of("I_LP"));
 * List&lt;CouplingEntry&gt; matrix = CouplingMatrix.compute(net, recording.segments().get(0), map, new ScoreSettings(), 0.01, true);
 * for (CouplingEntry e : matrix) System.out.println(e.pre + "→" + e.post + ": " + e.sign + ", " + e.rms_nA + " nA RMS");
 *
 * IsolatedCell cell = IsolatedCell.of(net, "PD");
 * IvCurves.Result iv = IvCurves.steadyState(cell, IvCurves.grid(-80, 0, 81));
 * for (Bifurcations.Bifurcation b : Bifurcations.find(cell, iv.voltage_mV).bifurcations)
 *     System.out.println(b.type + " at " + b.voltage_mV + " mV, " + b.current_nA + " nA");
 * double[] noCa = cell.scaled(Map.of("Ca", 0.0)).simulate(-60, injected);   // the cell without its Ca current
 * </pre>
 */
package org.rmmfiji.analysis;
