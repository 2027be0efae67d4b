package org.rmmfiji.io;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.data.Units;

/**
 * NWB 2 intracellular recordings (HDF5, through jhdf): every {@code CurrentClampSeries} under /acquisition gives
 * the voltage of a sweep (data × conversion + offset, in volts → mV); the {@code CurrentClampStimulusSeries} under
 * /stimulus/presentation with the same sweep_number gives its injected current (amperes → nA). Timing comes from
 * starting_time's rate or from timestamps. Each sweep is a segment.
 */
final class NwbReader {
    private NwbReader() {}

    /** One series: its sweep number, sampling step and values in canonical units. */
    private static final class Series {
        String name;
        long sweep;
        double dtMs;
        float[] values;
    }

    static Recording read(String name, SeekableByteChannel ch, ReadOptions o) throws IOException {
        List<String> notes = new ArrayList<>();
        Map<Long, Series> volts = new TreeMap<>(), amps = new TreeMap<>();
        try (HdfFile h = new HdfFile(ch, java.net.URI.create("mem:/" + name.replaceAll("[^A-Za-z0-9._-]", "_")))) {
            collect(name, h, "/acquisition", "CurrentClampSeries", 1e3, "volts", o.nwb_series, volts);
            collect(name, h, "/stimulus/presentation", "CurrentClampStimulusSeries", 1e9, "amperes", "", amps);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException(name + ": not a readable NWB file (" + e.getMessage() + ")", e);
        }
        if (volts.isEmpty())
            throw new InvalidInputException(name + ": no CurrentClampSeries under /acquisition" + (o.nwb_series.isEmpty() ? "" : " named " + o.nwb_series + "…"));
        double dt = volts.values().iterator().next().dtMs;
        boolean withCurrent = !amps.isEmpty();
        List<Segment> segments = new ArrayList<>();
        for (Series v : volts.values()) {
            if (Math.abs(v.dtMs - dt) > 1e-9 * dt) throw new InvalidInputException(name + ": series " + v.name + " is sampled every " + v.dtMs + " ms, others every " + dt + " ms");
            float[] i = new float[v.values.length];
            Series a = amps.get(v.sweep);
            if (a != null) {
                if (a.values.length != v.values.length)
                    throw new InvalidInputException(name + ": sweep " + v.sweep + ": the stimulus " + a.name + " has " + a.values.length + " samples, the response " + v.values.length);
                i = a.values;
            } else if (withCurrent) {
                notes.add(name + ": sweep " + v.sweep + " has no stimulus series; its injected current is taken as 0");
            }
            segments.add(new Segment(v.name, withCurrent ? new float[][] {v.values, i} : new float[][] {v.values}));
        }
        List<Channel> channels = new ArrayList<>(List.of(new Channel("V", Units.MILLIVOLT)));
        if (withCurrent) channels.add(new Channel("I", Units.NANOAMPERE));
        notes.add(name + ": NWB, " + volts.size() + " current-clamp sweep(s), volts → mV" + (withCurrent ? ", amperes → nA" : ", no stimulus series"));
        return new Recording(name, dt, channels, segments, notes);
    }

    private static void collect(String file, HdfFile h, String path, String type, double toCanonical, String unit, String prefix, Map<Long, Series> into) {
        Node root;
        try {
            root = h.getByPath(path);
        } catch (RuntimeException e) {
            return;
        }
        if (!(root instanceof Group)) return;
        long index = 0;
        for (Node node : ((Group) root).getChildren().values()) {
            if (!(node instanceof Group) || !type.equals(attr(node, "neurodata_type"))) continue;
            if (!prefix.isEmpty() && !node.getName().startsWith(prefix)) continue;
            Group g = (Group) node;
            Dataset data = (Dataset) g.getChild("data");
            if (data == null) throw new InvalidInputException(file + ": series " + node.getPath() + " has no data");
            String u = attr(data, "unit");
            if (!u.isEmpty() && !u.equals(unit)) throw new InvalidInputException(file + ": series " + node.getPath() + " is in '" + u + "', expected " + unit);
            double conversion = Hdf5Data.scalar(value(data, "conversion"), 1.0), offset = Hdf5Data.scalar(value(data, "offset"), 0.0);
            double[] raw = Hdf5Data.flat(data);
            Series s = new Series();
            s.name = node.getName();
            s.sweep = (long) Hdf5Data.scalar(value(g, "sweep_number"), index);
            s.values = new float[raw.length];
            for (int k = 0; k < raw.length; k++) {
                double x = (raw[k] * conversion + offset) * toCanonical;
                if (!Double.isFinite(x)) throw new InvalidInputException(file + ": series " + node.getPath() + " sample " + k + " is not a finite number");
                s.values[k] = (float) x;
            }
            s.dtMs = step(file, g);
            into.put(s.sweep, s);
            index++;
        }
    }

    private static double step(String file, Group g) {
        Node st = g.getChild("starting_time");
        if (st != null) {
            double rate = Hdf5Data.scalar(value(st, "rate"), Double.NaN);
            if (rate > 0) return 1000.0 / rate;
        }
        Node ts = g.getChild("timestamps");
        if (ts instanceof Dataset) {
            double[] t = Hdf5Data.flat((Dataset) ts);
            if (t.length > 1) {
                double dt = (t[t.length - 1] - t[0]) / (t.length - 1);
                for (int k = 1; k < t.length; k++)
                    if (Math.abs(t[k] - t[k - 1] - dt) > 1e-3 * dt) throw new InvalidInputException(file + ": series " + g.getPath() + " has uneven timestamps");
                return dt * 1000;
            }
        }
        throw new InvalidInputException(file + ": series " + g.getPath() + " has neither starting_time with a rate nor timestamps");
    }

    private static Object value(Node n, String attribute) {
        Attribute a = n.getAttribute(attribute);
        return a == null ? null : a.getData();
    }

    private static String attr(Node n, String attribute) {
        return Hdf5Data.string(value(n, attribute));
    }
}
