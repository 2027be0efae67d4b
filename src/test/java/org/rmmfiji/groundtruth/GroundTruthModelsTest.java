package org.rmmfiji.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ground-truth models against the reference oracles (ground-truth reference §2.7, §2.8). */
class GroundTruthModelsTest {
    static final double DT = 0.025;

    /** Spikes (upward crossings of 0 mV) of HH between 100 and 500 ms after a current step from rest. */
    static int hhSpikes(double current) {
        HodgkinHuxley hh = new HodgkinHuxley();
        int spikes = 0;
        double prev = hh.v;
        int steps = (int) Math.round(500 / DT);
        for (int k = 0; k < steps; k++) {
            hh.step(current, DT);
            double t = (k + 1) * DT;
            if (prev < 0 && hh.v >= 0 && t >= 100) spikes++;
            prev = hh.v;
        }
        return spikes;
    }

    @Test
    void hhRestingGatesMatchTheReference() {
        HodgkinHuxley hh = new HodgkinHuxley();
        assertEquals(0.0529, hh.m, 1e-4);
        assertEquals(0.5961, hh.h, 1e-4);
        assertEquals(0.3177, hh.n, 1e-4);
    }

    @Test
    void hhRepetitiveFiringStartsBetween6And7() {
        assertTrue(hhSpikes(6.0) <= 1, "no repetitive firing at 6.0 µA/cm²: " + hhSpikes(6.0));
        assertTrue(hhSpikes(7.0) >= 10, "repetitive firing at 7.0 µA/cm²: " + hhSpikes(7.0));
    }

    @Test
    void hhRatesWithin5PercentOfTheReference() {
        double[][] table = {{6.5, 55}, {7, 60}, {10, 70}, {20, 87.5}, {50, 117.5}};
        for (double[] row : table) {
            double rate = hhSpikes(row[0]) / 0.4;
            assertEquals(row[1], rate, 0.05 * row[1], "rate at " + row[0] + " µA/cm²");
        }
    }

    /** Burst period of an isolated Prinz neuron from 4 to 10 s (bursts: spikes with ISI ≤ 100 ms). */
    static double burstPeriod(String model) {
        PrinzNeuron n = new PrinzNeuron(PrinzTable.densities(model));
        List<Double> spikes = new ArrayList<>();
        double prev = n.v;
        int steps = (int) Math.round(10_000 / DT);
        for (int k = 0; k < steps; k++) {
            n.step(0, 0, 0, DT);
            double t = (k + 1) * DT;
            if (prev < -20 && n.v >= -20 && t >= 4000) spikes.add(t);
            prev = n.v;
        }
        List<Double> burstStarts = new ArrayList<>();
        for (int i = 0; i < spikes.size(); i++)
            if (i == 0 || spikes.get(i) - spikes.get(i - 1) > 100) burstStarts.add(spikes.get(i));
        assertTrue(burstStarts.size() >= 3, model + " bursts: " + burstStarts.size());
        return (burstStarts.get(burstStarts.size() - 1) - burstStarts.get(1)) / (burstStarts.size() - 2);
    }

    @Test
    void abpdBurstPeriodsWithin15PercentOfTheReference() {
        String[] models = {"AB/PD 1", "AB/PD 2", "AB/PD 3", "AB/PD 4", "AB/PD 5"};
        double[] periods = {1454, 1475, 1579, 1470, 1529};
        for (int i = 0; i < models.length; i++) {
            double p = burstPeriod(models[i]);
            assertEquals(periods[i], p, 0.15 * periods[i], models[i] + " period " + p);
        }
    }

    @Test
    void gradedSynapseFollowsPresynapticVoltage() {
        GradedSynapse s = GradedSynapse.cholinergic(30);
        for (int k = 0; k < 40_000; k++) s.step(0, DT);      // depolarised presynaptic cell: s → s∞ ≈ 1
        assertEquals(1.0 / (1 + Math.exp(-35.0 / 5)), s.s, 1e-6);
        for (int k = 0; k < 40_000; k++) s.step(-70, DT);    // hyperpolarised: s decays towards ≈ 0
        assertTrue(s.s < 1e-3, "s after hyperpolarisation " + s.s);
        assertEquals(0.03, s.gUs, 1e-15);
    }
}
