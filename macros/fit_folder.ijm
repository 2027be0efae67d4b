// Fit every recording of a folder in headless Fiji, one model per file:
//   ./fiji --headless -macro fit_folder.ijm "/data/recordings/,/data/fits/,hh-lumped"
// Settings not given keep their defaults; add keys as in the README (epochs=, currents=, sweeps=, resample_ms=…).
args = split(getArgument(), ",");
input = args[0];
output = args[1];
preset = "hh-lumped";
if (args.length > 2) preset = args[2];
files = getFileList(input);
for (i = 0; i < files.length; i++) {
    name = files[i];
    if (endsWith(name, "/")) continue;
    lower = toLowerCase(name);
    if (!(endsWith(lower, ".abf") || endsWith(lower, ".csv") || endsWith(lower, ".gz") || endsWith(lower, ".mat") || endsWith(lower, ".nwb"))) continue;
    print("Fitting " + name + " …");
    run("Fit RMM", "recording_file=[" + input + name + "] output_dir=[" + output + "] preset=" + preset);
    if (nResults > 1) print("  " + getResultString("part", 1) + " score " + d2s(getResult("score", 1), 3) + ", Γ " + d2s(getResult("gamma", 1), 3));
}
print("done");
