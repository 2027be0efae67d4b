// Fit RMM from an ImageJ macro: one recording (ABF, .mat, NWB or CSV), results into a folder.
// The metrics land in the Results table, one row per neuron and part (train, validation, test).
recording = File.openDialog("Recording to fit");
folder = getDirectory("Folder for the model and results");
run("Fit RMM", "recording_file=[" + recording + "] output_dir=[" + folder + "] preset=hh-lumped");
for (row = 0; row < nResults; row++)
    print(getResultString("neuron", row) + " " + getResultString("part", row) + ": score " + d2s(getResult("score", row), 3)
          + ", Γ " + d2s(getResult("gamma", row), 3));
