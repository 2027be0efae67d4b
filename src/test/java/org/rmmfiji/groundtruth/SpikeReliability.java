package org.rmmfiji.groundtruth;

import java.util.Locale;

/**
 * Prints {@link ProtocolReliability} for the validation drive of every one-neuron dataset (no arguments), or sweeps
 * candidate drives for one dataset's neuron: {@code NAME SECONDS TAU_MS SIGMA_NA MEAN_NA[,MEAN_NA…]} (σ and τ may also
 * be comma lists), to choose protocols from measurements. Run as a main class (not a test):
 * {@code java -cp target/classes:target/test-classes org.rmmfiji.groundtruth.SpikeReliability [args]}.
 */
public final class SpikeReliability {
    private SpikeReliability() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            for (var e : NamedDatasets.ONE_NEURON.entrySet()) {
                OneNeuronProtocol p = e.getValue();
                OneNeuronProtocol.Drive d = p.segments.get(1);
                System.out.println(e.getKey().name + ": " + ProtocolReliability.measure(p, d, d.durationMs));
            }
            return;
        }
        OneNeuronProtocol p = NamedDatasets.ONE_NEURON.get(NamedDatasets.get(args[0]));
        double ms = Double.parseDouble(args[1]) * 1000;
        long seed = p.segments.get(1).seed;
        for (String tau : args[2].split(","))
            for (String sigma : args[3].split(","))
                for (String mean : args[4].split(",")) {
                    double t = Double.parseDouble(tau), s = Double.parseDouble(sigma), m = Double.parseDouble(mean);
                    OneNeuronProtocol.Drive d = new OneNeuronProtocol.Drive(ms, m, m, t, s, seed);
                    System.out.printf(Locale.ROOT, "%s τ %s σ %s mean %s: %s%n", args[0], tau, sigma, mean, ProtocolReliability.measure(p, d, ms));
                }
    }
}
