package org.rmmfiji.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sources;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.data.Units;

/**
 * MATLAB .mat files in the authors' layout: voltages {@code V1…Vn}, injected currents {@code I1…Im} as vectors,
 * optionally a time vector {@code t} in ms; v5 files through mfl-core, v7.3 (HDF5) through jhdf. A .mat file
 * carries no units, so the user states them (mV and nA by default) and the recording's notes say so.
 */
final class MatReader {
    private MatReader() {}

    private static final Pattern SIGNAL = Pattern.compile("([VI])(\\d+)");

    static boolean isV73(byte[] head) {
        return new String(head, 0, Math.min(head.length, 10), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("MATLAB 7.3");
    }

    static Recording read(String name, SeekableByteChannel ch, ReadOptions o) throws IOException {
        byte[] head = new byte[10];
        ch.position(0);
        ch.read(ByteBuffer.wrap(head));
        ch.position(0);
        Map<String, double[]> vars = new TreeMap<>();
        if (isV73(head)) {
            try (HdfFile h = new HdfFile(ch, java.net.URI.create("mem:/" + name.replaceAll("[^A-Za-z0-9._-]", "_")))) {
                for (Node node : h.getChildren().values()) {
                    if (node instanceof Dataset) vars.put(node.getName(), Hdf5Data.flat((Dataset) node));
                }
            } catch (RuntimeException e) {
                throw new InvalidInputException(name + ": not a readable MATLAB 7.3 file (" + e.getMessage() + ")", e);
            }
        } else {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) throw new InvalidInputException(name + ": MATLAB v5 files over 2 GB are not supported; save with -v7.3");
            ByteBuffer all = ByteBuffer.allocate((int) size);
            while (all.hasRemaining() && ch.read(all) >= 0) { /* fill */ }
            all.flip();
            try {
                MatFile mat = Mat5.newReader(Sources.wrap(all)).readMat();
                for (MatFile.Entry e : mat.getEntries()) {
                    Array a = e.getValue();
                    if (!(a instanceof Matrix)) continue;
                    Matrix m = (Matrix) a;
                    double[] v = new double[m.getNumElements()];
                    for (int k = 0; k < v.length; k++) v[k] = m.getDouble(k);
                    vars.put(e.getName(), v);
                }
            } catch (RuntimeException | IOException e) {
                throw new InvalidInputException(name + ": not a readable MATLAB v5 file (" + e.getMessage() + ")", e);
            }
        }
        return build(name, vars, o);
    }

    private static Recording build(String name, Map<String, double[]> vars, ReadOptions o) {
        List<String> notes = new ArrayList<>();
        Map<Integer, double[]> volts = new TreeMap<>(), amps = new TreeMap<>();
        for (Map.Entry<String, double[]> e : vars.entrySet()) {
            Matcher m = SIGNAL.matcher(e.getKey());
            if (!m.matches()) {
                if (!e.getKey().equals("t")) notes.add(name + ": variable '" + e.getKey() + "' ignored");
                continue;
            }
            (m.group(1).equals("V") ? volts : amps).put(Integer.parseInt(m.group(2)), e.getValue());
        }
        if (volts.isEmpty())
            throw new InvalidInputException(name + ": no voltage variables V1…Vn (the authors' layout); the variables are " + vars.keySet());
        double vf = unitFactor(name, o.mat_voltage_unit, Units.Kind.VOLTAGE), cf = unitFactor(name, o.mat_current_unit, Units.Kind.CURRENT);
        notes.add(name + ": MATLAB files carry no units; V… read as " + o.mat_voltage_unit + ", I… as " + o.mat_current_unit + " (as stated)");
        int n = volts.values().iterator().next().length;
        List<Channel> channels = new ArrayList<>();
        List<float[]> cols = new ArrayList<>();
        for (Map<Integer, double[]> group : List.of(volts, amps)) {
            boolean v = group == volts;
            for (Map.Entry<Integer, double[]> e : group.entrySet()) {
                String var = (v ? "V" : "I") + e.getKey();
                if (e.getValue().length != n)
                    throw new InvalidInputException(name + ": " + var + " has " + e.getValue().length + " samples, V" + volts.keySet().iterator().next() + " has " + n);
                float[] c = new float[n];
                for (int k = 0; k < n; k++) {
                    double x = e.getValue()[k] * (v ? vf : cf);
                    if (!Double.isFinite(x)) throw new InvalidInputException(name + ": " + var + " sample " + k + " is " + x + "; every sample must be a finite number");
                    c[k] = (float) x;
                }
                channels.add(new Channel(var, v ? Units.MILLIVOLT : Units.NANOAMPERE));
                cols.add(c);
            }
        }
        double dt = timeStep(name, vars.get("t"), n, o);
        return new Recording(name, dt, channels, List.of(new Segment(name, cols.toArray(new float[0][]))), notes);
    }

    private static double unitFactor(String name, String unit, Units.Kind kind) {
        try {
            if (Units.kindOf(unit) != kind) throw new InvalidInputException("");
            return Units.toCanonicalFactor(unit);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + ": '" + unit + "' is not a " + kind.name().toLowerCase() + " unit");
        }
    }

    private static double timeStep(String name, double[] t, int n, ReadOptions o) {
        if (t != null && t.length == n && n > 1) {
            double dt = (t[n - 1] - t[0]) / (n - 1);
            if (!(dt > 0)) throw new InvalidInputException(name + ": the time vector t does not increase");
            return dt;
        }
        if (o.sampling_step_ms > 0) return o.sampling_step_ms;
        throw new InvalidInputException(name + ": no time vector t; give the sampling step (sampling_step_ms)");
    }
}
