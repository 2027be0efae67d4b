package org.rmmfiji.io;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.Channel;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.data.Units;

/**
 * Warnings about units a careful user would want, for every reader: a voltage channel that never leaves ±1 mV is
 * probably in volts; a current beyond ±100 nA is not an intracellular current in nA (a pA channel labelled nA?).
 * They go into the recording's notes, and so into a model's provenance.
 */
final class Plausibility {
    private Plausibility() {}

    static final double VOLTS_AS_MV = 1.0, CURRENT_LIMIT_NA = 100.0;

    static Recording check(Recording r) {
        List<String> warnings = new ArrayList<>();
        for (int c = 0; c < r.channels().size(); c++) {
            Channel ch = r.channels().get(c);
            double maxAbs = 0;
            for (Segment s : r.segments()) for (int k = 0; k < s.length(); k++) maxAbs = Math.max(maxAbs, Math.abs(s.get(c, k)));
            if (ch.kind() == Units.Kind.VOLTAGE && maxAbs > 0 && maxAbs < VOLTS_AS_MV)
                warnings.add(r.source() + ": warning: channel " + ch.name() + " never leaves ±1 mV; is it in volts?");
            if (ch.kind() == Units.Kind.CURRENT && maxAbs > CURRENT_LIMIT_NA)
                warnings.add(r.source() + ": warning: channel " + ch.name() + " reaches " + Math.round(maxAbs) + " nA; is its unit right (pA labelled nA?)");
        }
        if (warnings.isEmpty()) return r;
        List<String> notes = new ArrayList<>(r.notes());
        notes.addAll(warnings);
        return new Recording(r.source(), r.dt(), r.channels(), r.segments(), notes);
    }
}
