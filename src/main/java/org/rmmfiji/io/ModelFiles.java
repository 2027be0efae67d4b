package org.rmmfiji.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.Current;
import org.rmmfiji.model.Edge;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.ParameterStore;

/** Reads and writes fitted-model files, and rebuilds the network they describe. */
public final class ModelFiles {
    private ModelFiles() {}

    public static final String SUFFIX = ".rmm.json";

    /** Fills the model part of a file (spec with live readout masks, δ, parameters, normalisation) from a network. */
    public static void capture(Network net, ModelFile f) {
        f.dt_ms = net.dt();
        f.spec = net.spec();
        for (int e = 0; e < net.edges().size(); e++) f.spec.edges.get(e).readout = net.edges().get(e).readout().clone();
        f.parameters.clear();
        double[] p = net.parameters();
        for (ParameterStore.Block b : net.store().blocks()) {
            ModelFile.Block fb = new ModelFile.Block();
            fb.name = b.name();
            fb.trainable = b.trainable();
            fb.values = java.util.Arrays.copyOfRange(p, b.offset(), b.offset() + b.size());
            f.parameters.add(fb);
        }
        f.normalisation.clear();
        List<Edge> edges = net.edges();
        for (int e = 0; e < edges.size(); e++) {
            List<Current> cs = edges.get(e).currents();
            for (int c = 0; c < cs.size(); c++) {
                double[] norm = cs.get(c).normalisation();
                if (norm == null) continue;
                ModelFile.Normalisation n = new ModelFile.Normalisation();
                n.edge = e;
                n.current = c;
                n.values = norm;
                f.normalisation.add(n);
            }
        }
    }

    public static void write(Path file, ModelFile f) throws IOException {
        AtomicFiles.writeText(file, w -> w.write(Json.GSON.toJson(f)));
    }

    public static ModelFile read(Path file) throws IOException {
        ModelFile f = Json.read(file, ModelFile.class, "model file");
        if (!ModelFile.KIND.equals(f.kind))
            throw new InvalidInputException(file + ": not an RMM model file (expected \"kind\": \"" + ModelFile.KIND + "\")");
        if (f.format_version != ModelFile.FORMAT_VERSION)
            throw new InvalidInputException(file + ": model format_version " + f.format_version + " is not supported (this version reads " + ModelFile.FORMAT_VERSION + ")");
        if (f.spec == null) throw new InvalidInputException(file + ": the model file has no spec");
        return f;
    }

    /** Rebuilds the network of a model file with its parameters and normalisation. */
    public static Network toNetwork(ModelFile f, String where) {
        Network net;
        try {
            net = new Network(f.spec, f.dt_ms);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
        double[] p = net.parameters();
        for (ModelFile.Block b : f.parameters) {
            ParameterStore.Block sb = net.store().find(b.name);
            if (sb == null) throw new InvalidInputException(where + ": parameter block '" + b.name + "' does not belong to the spec");
            if (b.values == null || b.values.length != sb.size())
                throw new InvalidInputException(where + ": parameter block '" + b.name + "' has " + (b.values == null ? 0 : b.values.length) + " values, the spec needs " + sb.size());
            System.arraycopy(b.values, 0, p, sb.offset(), sb.size());
            sb.setTrainable(b.trainable);
        }
        for (ParameterStore.Block sb : net.store().blocks()) {
            boolean found = false;
            for (ModelFile.Block b : f.parameters) found |= b.name.equals(sb.name());
            if (!found) throw new InvalidInputException(where + ": parameter block '" + sb.name() + "' is missing");
        }
        for (ModelFile.Normalisation n : f.normalisation) {
            if (n.edge < 0 || n.edge >= net.edges().size() || n.current < 0 || n.current >= net.edges().get(n.edge).currents().size())
                throw new InvalidInputException(where + ": normalisation refers to edge " + n.edge + ", current " + n.current + ", which the spec does not have");
            net.edges().get(n.edge).currents().get(n.current).setNormalisation(n.values);
        }
        net.markNormalised();
        return net;
    }

    /** SHA-256 of a file, hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) md.update(buf, 0, r);
            StringBuilder sb = new StringBuilder();
            for (byte b : md.digest()) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
