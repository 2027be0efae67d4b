// Fit a circuit with conductance-based synapses, then inspect its synaptic coupling: the matrix lands in the
// Results table (one row per synapse) and is printed; the CSVs and the three figures are written to the folder.
// In Fiji: run it and choose the recording and the folder. Headless, with arguments separated by "|":
//   ./fiji --headless -macro inspect_coupling.ijm "/data/pd-lp.csv|/data/coupling|neurons=V_LP inputs=V_PD currents=I_LP"
// 1 recording, 2 output folder, 3 optional channel keys (empty: guessed), 4 optional extra Fit RMM keys
// (e.g. "epochs=50 closed_loop_epochs=20"), 5 optional extra Inspect Synaptic Coupling keys (e.g. "ablation=false").
args = split(getArgument(), "|");
if (args.length >= 2) {
    recording = args[0];
    output = args[1];
} else {
    recording = File.openDialog("Recording of the circuit (ABF, .mat, NWB or CSV)");
    output = getDirectory("Folder for the model and the coupling results");
}
channels = "";
if (args.length > 2) channels = args[2];
fitKeys = "";
if (args.length > 3) fitKeys = args[3];
couplingKeys = "";
if (args.length > 4) couplingKeys = args[4];
name = "circuit";              // output_name: the model is then <output>/circuit.rmm.json

run("Fit RMM", "recording_file=[" + recording + "] output_dir=[" + output + "] output_name=" + name
    + " preset=circuit-syncond " + channels + " " + fitKeys);
model = output + File.separator + name + ".rmm.json";
if (!File.exists(model)) exit("Fit RMM wrote no model (see the Log window): " + model);

run("Inspect Synaptic Coupling", "model_file=[" + model + "] recording_file=[" + recording + "] output_dir=[" + output
    + "] output_name=" + name + " " + channels + " " + couplingKeys);
print("Synaptic coupling of " + model + ", " + nResults + " synapse(s):");
for (i = 0; i < nResults; i++)
    print("  " + getResultString("pre", i) + " -> " + getResultString("post", i) + ": " + getResultString("sign", i)
          + ", RMS " + d2s(getResult("rms_nA", i), 3) + " nA (" + getResultString("kind", i) + ")");
