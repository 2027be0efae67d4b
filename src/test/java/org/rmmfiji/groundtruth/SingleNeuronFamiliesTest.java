package org.rmmfiji.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.rmmfiji.metrics.Bursts;
import org.rmmfiji.metrics.Spikes;

/** Physiological properties of the one-neuron model families, from short current-step simulations. */
class SingleNeuronFamiliesTest {
    static final double DT = NamedDatasets.DT_SIM;

    /** Voltage (sampled every step) of a cell settled for {@code settleMs} at 0 nA, then held at {@code i} for {@code ms}. */
    static double[] step(Supplier<SingleNeuron> model, double settleMs, double i, double ms) {
        SingleNeuron n = model.get();
        for (int k = 0; k < settleMs / DT; k++) n.step(0, DT);
        double[] v = new double[(int) Math.round(ms / DT)];
        for (int k = 0; k < v.length; k++) { n.step(i, DT); v[k] = n.voltage(); }
        return v;
    }

    static double rest(Supplier<SingleNeuron> model) {
        double[] v = step(model, 0, 0, 1000);
        return v[v.length - 1];
    }

    /** Spikes (crossings of 0 mV) in the second half of a 1 s step: sustained, not onset, firing. */
    static int lateSpikes(Supplier<SingleNeuron> model, double i) {
        double[] sp = Spikes.detect(step(model, 500, i, 1000), DT, 0);
        int n = 0;
        for (double t : sp) if (t >= 500) n++;
        return n;
    }

    /** Mean time (ms) above −20 mV per spike while firing at {@code i}: a spike-width measure. */
    static double widthAboveMinus20(Supplier<SingleNeuron> model, double i) {
        double[] v = step(model, 500, i, 1000);
        int above = 0;
        for (double x : v) if (x > -20) above++;
        return above * DT / Spikes.detect(v, DT, -20).length;
    }

    @Test
    void wangBuzsakiRestsNearMinus64AndStartsFiringAtLowRateAboveRheobase() {
        double r = rest(WangBuzsaki::new);
        assertTrue(r > -66 && r < -62, "rest " + r);
        assertEquals(0, lateSpikes(WangBuzsaki::new, 0.1), "silent at 0.1 nA");
        int onset = lateSpikes(WangBuzsaki::new, 0.25);
        assertTrue(onset >= 2 && onset <= 15, "type I onset: low rate just above rheobase, got " + 2 * onset + " Hz");
    }

    @Test
    void wangBuzsakiFiresNarrowSpikesAtHighRates() {
        double rate = 2 * lateSpikes(WangBuzsaki::new, 10);
        assertTrue(rate >= 250, "rate at 10 nA " + rate + " Hz");
        double hh = 2 * lateSpikes(HodgkinHuxley::new, 10);
        assertTrue(rate > 3 * hh, "FS " + rate + " Hz vs HH " + hh + " Hz at the same current");
        double wFs = widthAboveMinus20(WangBuzsaki::new, 1), wHh = widthAboveMinus20(HodgkinHuxley::new, 10);
        assertTrue(wFs < 0.6 * wHh && wFs < 1.0, "spike width above −20 mV: FS " + wFs + " ms, HH " + wHh + " ms");
    }

    @Test
    void pospischilRsRestsNearMinus72AndHasRheobaseAroundFiftyPicoamperes() {
        double r = rest(PospischilRs::new);
        assertTrue(r > -75 && r < -68, "rest " + r);
        assertEquals(0, lateSpikes(PospischilRs::new, 0.03), "silent at 0.03 nA");
        assertTrue(lateSpikes(PospischilRs::new, 0.1) >= 2, "repetitive at 0.1 nA");
    }

    @Test
    void pospischilRsAdaptsThroughItsMCurrent() {
        double[] sp = Spikes.detect(step(PospischilRs::new, 500, 0.3, 1000), DT, 0);
        assertTrue(sp.length >= 10, "spikes " + sp.length);
        double first = sp[1] - sp[0], last = sp[sp.length - 1] - sp[sp.length - 2];
        assertTrue(last / first >= 1.4, "adaptation ratio last/first ISI " + last / first);
        // the M current carries it: at the end of the step it is the largest outward current between spikes
        PospischilRs c = new PospischilRs();
        for (int k = 0; k < 1500 / DT; k++) c.step(0.3, DT);
        assertTrue(c.gM() > 5 * PospischilRs.G_M * PospischilRs.pInf(-72), "g_M built up: " + c.gM());
    }

    @Test
    void lp4AloneFiresTonicallyAndFallsSilentUnderHyperpolarisingCurrent() {
        Supplier<SingleNeuron> lp = () -> new PrinzNeuron(PrinzTable.densities("LP 4"));
        double[] sp = Spikes.detect(step(lp, 3000, 0, 3000), DT, -20);
        assertEquals(60, sp.length, 12, "reference: 60 spikes in 3 s");
        Bursts b = Bursts.group(sp, 100);
        assertTrue(b.count() <= 2, "tonic, not bursting: " + b.count() + " bursts");
        assertEquals(0, Spikes.detect(step(lp, 3000, -0.5, 2000), DT, -20).length, "silent at −0.5 nA");
    }

    @Test
    void pdBursterKeepsBurstingUnderItsDatasetCurrent() {
        NamedDatasets.Tables t = NamedDatasets.simulate(NamedDatasets.PD_BURSTER, 0.1);   // 12 s train segment
        double[] v = t.segments.get(0).get(0);
        Bursts b = Bursts.detect(v, t.dt, -20, 100);
        assertTrue(b.count() >= 6, "bursts " + b.count());
        assertEquals(1454, b.period(), 0.25 * 1454, "period near the noise-free 1454 ms");
        assertTrue(b.spikesPerBurst() >= 8 && b.spikesPerBurst() <= 24, "spikes per burst " + b.spikesPerBurst());
    }

    @Test
    void oneNeuronDatasetsHaveTheirSegmentsChannelsAndTruth() {
        for (NamedDataset d : NamedDatasets.ONE_NEURON.keySet()) {
            NamedDatasets.Tables t = NamedDatasets.simulate(d, 0.005);
            OneNeuronProtocol p = NamedDatasets.ONE_NEURON.get(d);
            assertEquals(p.segments.size(), t.segments.size(), d.name);
            assertEquals(List.of("V_mV", "I_nA"), t.names, d.name);
            assertEquals(List.of("V"), d.neurons);
            assertEquals(List.of("I"), d.currents);
            assertEquals(NamedDatasets.ONE_NEURON_PRESET, d.preset);
            assertEquals(p.segments.size(), countSegments(d.segmentSplit), d.name + " split");
            assertTrue(t.truthNames.size() >= 5 && t.truthSegments.get(0).size() == t.truthNames.size(), d.name + " truth");
            for (double x : t.segments.get(0).get(0)) assertTrue(x > -150 && x < 80, d.name + " V " + x);
        }
    }

    private static int countSegments(int[][] split) {
        int n = 0;
        for (int[] s : split) n += s.length;
        return n;
    }

    @Test
    void datasetNamesAreUniqueAndListed() {
        List<String> names = NamedDatasets.names();
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), names.toString());
        for (String n : List.of("hh", "pd-lp", "hh-protocol2", "fs-interneuron", "rs-adapting", "lp-alone", "pd-burster"))
            assertEquals(n, NamedDatasets.get(n).name);
        String msg = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> NamedDatasets.get("nope")).getMessage();
        assertTrue(msg.contains("pd-burster") && msg.contains("fs-interneuron"), msg);
    }

    @Test
    void truthCurrentsSumToTheMembraneCurrent() {
        // C dV/dt = I − Σ I_ion: check each family's truth columns against the voltage it integrates
        List<Supplier<SingleNeuron>> models = List.of(WangBuzsaki::new, PospischilRs::new);
        double[] caps = {WangBuzsaki.C, PospischilRs.C};
        int[] ionic = {3, 4};                                         // leading truth columns that are currents
        for (int m = 0; m < models.size(); m++) {
            SingleNeuron n = models.get(m).get();
            double[] tr = new double[n.truthNames().size()];
            for (int k = 0; k < 200 / DT; k++) n.step(0.5, DT);
            double dt = 1e-4, v0 = n.voltage();
            n.truth(tr);
            double sum = 0;
            for (int c = 0; c < ionic[m]; c++) sum += tr[c];
            n.step(0.5, dt);
            double dvdt = (n.voltage() - v0) / dt;
            assertEquals(caps[m] * dvdt, 0.5 - sum, 1e-3 * (1 + Math.abs(sum)), "model " + m);
        }
    }
}
