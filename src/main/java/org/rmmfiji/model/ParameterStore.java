package org.rmmfiji.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every parameter of a model in one flat {@code double[]}, cut into named blocks. Optimisers, gradient checks
 * and the model file all see the same vector. A block may be frozen (not trained). Only the model's parameters
 * live here: what a trainer adds for itself (multiple shooting's per-shot initial states) lives beside the store,
 * so adding it never reallocates this vector and it never reaches the model file.
 */
public final class ParameterStore {

    /** A named slice [offset, offset+size) of the store. */
    public static final class Block {
        private final String name;
        private final int offset;
        private final int size;
        private boolean trainable;
        private double learningRateScale = 1.0;

        Block(String name, int offset, int size, boolean trainable) {
            this.name = name;
            this.offset = offset;
            this.size = size;
            this.trainable = trainable;
        }

        public String name() { return name; }
        public int offset() { return offset; }
        public int size() { return size; }
        public boolean trainable() { return trainable; }
        public void setTrainable(boolean t) { trainable = t; }
        public double learningRateScale() { return learningRateScale; }
        public void setLearningRateScale(double s) { learningRateScale = s; }
    }

    private final List<Block> blocks = new ArrayList<>();
    private double[] values = new double[0];

    public Block add(String name, int size, boolean trainable) {
        if (find(name) != null) throw new IllegalArgumentException("duplicate parameter block " + name);
        Block b = new Block(name, values.length, size, trainable);
        values = java.util.Arrays.copyOf(values, values.length + size);
        blocks.add(b);
        return b;
    }

    public double[] values() { return values; }
    public int size() { return values.length; }
    public List<Block> blocks() { return Collections.unmodifiableList(blocks); }

    public Block find(String name) {
        for (Block b : blocks) if (b.name.equals(name)) return b;
        return null;
    }

    public Block block(String name) {
        Block b = find(name);
        if (b == null) throw new IllegalArgumentException("no parameter block " + name);
        return b;
    }

    /** The number of trainable parameters. */
    public int modelTrainableCount() {
        int n = 0;
        for (Block b : blocks) if (b.trainable) n += b.size;
        return n;
    }

    /** A mask over the vector: 1 where trainable. */
    public boolean[] trainableMask() {
        boolean[] m = new boolean[values.length];
        for (Block b : blocks) if (b.trainable) java.util.Arrays.fill(m, b.offset, b.offset + b.size, true);
        return m;
    }

    /** Sets every parameter from a copy (a snapshot); sizes must agree. */
    public void setAll(double[] snapshot) {
        if (snapshot.length != values.length) throw new IllegalArgumentException("snapshot size " + snapshot.length + " != " + values.length);
        System.arraycopy(snapshot, 0, values, 0, values.length);
    }
}
