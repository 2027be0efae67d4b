/**
 * Looking inside a fitted model, with no ImageJ: synaptic currents along a recording ({@link org.rmmfiji.analysis.SynapticTraces}),
 * the coupling matrix with ablation ({@link org.rmmfiji.analysis.CouplingMatrix}), steady-state synaptic activation
 * ({@link org.rmmfiji.analysis.ActivationCurves}) and the spread of an ensemble of fits ({@link org.rmmfiji.analysis.CouplingSpread}).
 *
 * <pre>
 * Network net = ModelFiles.toNetwork(ModelFiles.read(path), path.toString());
 * ChannelMap map = ChannelMap.bind(recording, net, List.of("V_LP", "V_PD"), List.of("I_LP"));
 * List&lt;CouplingEntry&gt; matrix = CouplingMatrix.compute(net, recording.segments().get(0), map, new ScoreSettings(), 0.01, true);
 * for (CouplingEntry e : matrix) System.out.println(e.pre + "→" + e.post + ": " + e.sign + ", " + e.rms_nA + " nA RMS");
 * </pre>
 */
package org.rmmfiji.analysis;
