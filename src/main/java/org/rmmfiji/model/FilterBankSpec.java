package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;

/**
 * What a filter bank is made of, as written in spec and model files: blocks of time constants (ms),
 * each {@code "diagonal"} or {@code "gobf"}.
 */
public final class FilterBankSpec {

    /** One block: its kind and its τ grid in ms. */
    public static final class BlockSpec {
        public String type;
        public double[] tau_ms;

        public BlockSpec() {}

        public BlockSpec(String type, double[] tauMs) {
            this.type = type;
            this.tau_ms = tauMs.clone();
        }

        public boolean gobf() {
            if ("gobf".equals(type)) return true;
            if ("diagonal".equals(type)) return false;
            throw new InvalidInputException("unknown filter block type '" + type + "' (expected diagonal or gobf)");
        }

        public double[] tauMs() {
            if (tau_ms == null || tau_ms.length == 0) throw new InvalidInputException("a filter block needs a non-empty tau_ms list");
            return tau_ms.clone();
        }
    }

    public List<BlockSpec> blocks = new ArrayList<>();

    public FilterBankSpec() {}

    public FilterBankSpec(List<BlockSpec> blocks) {
        this.blocks = new ArrayList<>(blocks);
    }

    public static FilterBankSpec gobf(double[] tau) { return new FilterBankSpec(List.of(new BlockSpec("gobf", tau))); }

    public static FilterBankSpec diagonal(double[] tau) { return new FilterBankSpec(List.of(new BlockSpec("diagonal", tau))); }

    public List<BlockSpec> blocks() {
        if (blocks == null || blocks.isEmpty()) throw new InvalidInputException("a filter bank needs at least one block");
        return blocks;
    }

    public int size() {
        int n = 0;
        for (BlockSpec b : blocks()) n += b.tauMs().length;
        return n;
    }

    /** A geometric τ grid: τ_min·ratio^i for i = first … first+count−1 (ms). */
    public static double[] geometric(double tauMin, double ratio, int first, int count) {
        if (!(tauMin > 0) || !(ratio > 1) || count < 1)
            throw new InvalidInputException("a τ grid needs τ_min > 0, ratio > 1 and count >= 1; got τ_min=" + tauMin + " ratio=" + ratio + " count=" + count);
        double[] t = new double[count];
        for (int i = 0; i < count; i++) t[i] = tauMin * Math.pow(ratio, first + i);
        return t;
    }
}
