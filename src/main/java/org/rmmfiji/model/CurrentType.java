package org.rmmfiji.model;

import java.util.function.IntFunction;

import org.rmmfiji.data.InvalidInputException;

/**
 * One kind of membrane current, as the registry {@link CurrentTypes} lists it for every front end: its key (the
 * spec's {@code type}), a name and description for people, a default spec to start from, where it may sit (an
 * intrinsic edge, a synaptic one, or both), and how it is checked and built.
 */
public final class CurrentType {

    /** Builds the current of a spec on an edge's bank, its parameters in the store under the prefix. */
    public interface Factory { Current build(CurrentSpec spec, FilterBank bank, ParameterStore store, String prefix); }

    /** Which edges a current type may sit on. */
    public enum Placement { ANY, INTRINSIC, SYNAPTIC }

    private final String key;
    private final String name;
    private final String description;
    private final Placement placement;
    private final IntFunction<CurrentSpec> defaults;
    private final Factory factory;

    CurrentType(String key, String name, String description, Placement placement, IntFunction<CurrentSpec> defaults, Factory factory) {
        this.key = key;
        this.name = name;
        this.description = description;
        this.placement = placement;
        this.defaults = defaults;
        this.factory = factory;
    }

    public String key() { return key; }
    public String name() { return name; }
    public String description() { return description; }
    public Placement placement() { return placement; }

    /** A fresh default spec of this type for an edge whose bank has the given number of states (a model builder's start). */
    public CurrentSpec defaultSpec(int bankSize) { return defaults.apply(bankSize); }

    /** Builds the current of edge pre→post, refusing it on an edge it cannot sit on. */
    public Current build(CurrentSpec spec, FilterBank bank, ParameterStore store, String prefix, String post, String pre) {
        String edge = "edge " + pre + "→" + post + ": current '" + spec.name + "' (" + key + ")";
        if (placement == Placement.SYNAPTIC && post.equals(pre))
            throw new InvalidInputException(edge + " needs a presynaptic cell other than " + post);
        if (placement == Placement.INTRINSIC && !post.equals(pre))
            throw new InvalidInputException(edge + " belongs on " + post + "'s own (intrinsic) edge, not a synaptic one");
        return factory.build(spec, bank, store, prefix);
    }

    /** Checks a spec on a bank without keeping anything: every message a fit would give, before any work starts. */
    public void check(CurrentSpec spec, FilterBank bank, String post, String pre) {
        build(spec, bank, new ParameterStore(), "check", post, pre);
    }
}
