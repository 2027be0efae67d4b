package org.rmmfiji.analysis;

import org.rmmfiji.model.Current;
import org.rmmfiji.model.GatedCurrent;
import org.rmmfiji.model.SynapticCurrent;

/** Which kind of synapse a coupling figure came from; every table and plot says it. */
public enum SynapseKind {
    /** ḡ s(x)(v − E): conductance, reversal and current in physical units. */
    CONDUCTANCE_BASED("conductance-based"),
    /** An MLP of [v_post; x_pre]: its shape is meaningful, its scale is not identifiable (DESIGN). */
    LUMPED("lumped");

    private final String id;

    SynapseKind(String id) { this.id = id; }

    public String id() { return id; }

    public static SynapseKind of(Current c) { return c instanceof SynapticCurrent || c instanceof GatedCurrent ? CONDUCTANCE_BASED : LUMPED; }

    /** What a reader must know about figures of this kind. */
    public String note() {
        return this == LUMPED
                ? "lumped synapse: any function of the postsynaptic voltage can move between it and the intrinsic current, so its scale is not identifiable; shape measures only"
                : "conductance-based synapse: ḡ, E and the current in physical units";
    }

    @Override public String toString() { return id; }
}
