package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the adjacency matrix: the currents that the voltage of {@code pre} causes in {@code post}
 * (intrinsic when pre = post, synaptic otherwise), the filter bank of the presynaptic voltage, and the
 * readout mask used to ablate currents (1 keeps a current, 0 removes it).
 */
public final class EdgeSpec {
    public String post;
    public String pre;
    public FilterBankSpec filter_bank;
    public List<CurrentSpec> currents = new ArrayList<>();
    public double[] readout;

    public EdgeSpec() {}

    public EdgeSpec(String post, String pre, FilterBankSpec bank, List<CurrentSpec> currents) {
        this.post = post;
        this.pre = pre;
        this.filter_bank = bank;
        this.currents = new ArrayList<>(currents);
    }

    public boolean intrinsic() { return post.equals(pre); }
}
