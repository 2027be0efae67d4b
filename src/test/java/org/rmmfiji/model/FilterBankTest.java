package org.rmmfiji.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.InvalidInputException;

class FilterBankTest {

    /**
     * Gram matrix of the states' impulse responses, accumulated while stepping. 200,000 samples (20 s at
     * 0.1 ms, 41 τ_max): the last state of a cascade carries every slow pole and decays slower than p_max^k.
     */
    static double[][] gram(FilterBank bank, int length) {
        int n = bank.size();
        double[][] g = new double[n][n];
        double[] x = new double[n], in = new double[1];
        for (int k = 0; k < length; k++) {
            in[0] = k == 0 ? 1 : 0;
            bank.step(x, 1, in);
            for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) g[a][b] += x[a] * x[b];
        }
        return g;
    }

    @Test
    void gobfImpulseResponsesAreOrthonormal() {
        for (double[] tau : List.of(Presets.lpTau(), Presets.synTau(), FilterBankSpec.geometric(0.5, 1.26, 0, 14))) {
            double[][] g = gram(new FilterBank(FilterBankSpec.gobf(tau), 0.1), 200_000);
            double worst = 0;
            for (int a = 0; a < g.length; a++) for (int b = 0; b < g.length; b++) worst = Math.max(worst, Math.abs(g[a][b] - (a == b ? 1 : 0)));
            assertTrue(worst < 1e-9, tau.length + " poles: max |Gram − I| = " + worst);
        }
    }

    @Test
    void dcGainsAsTheReferenceGives() {
        double[] tau = FilterBankSpec.geometric(0.5, 1.26, 0, 14);
        FilterBank gobf = new FilterBank(FilterBankSpec.gobf(tau), 0.1);
        double[] g = gobf.dcGains();
        assertEquals(3.2, g[0], 0.05);
        assertEquals(14.2, g[13], 0.05);
        FilterBank diag = new FilterBank(FilterBankSpec.diagonal(tau), 0.1);
        for (double d : diag.dcGains()) assertEquals(1.0, d, 0);
        // a constant input settles at DC gain × input, in both kinds of bank
        for (FilterBank b : List.of(gobf, diag)) {
            double[] x = new double[b.size()], in = {-60};
            for (int k = 0; k < 200_000; k++) b.step(x, 1, in);
            double[] dc = b.dcGains();
            for (int s = 0; s < x.length; s++) assertEquals(-60 * dc[s], x[s], 1e-6 * Math.abs(60 * dc[s]));
        }
    }

    @Test
    void mixedBankAndLanesAgree() {
        FilterBankSpec spec = new FilterBankSpec(List.of(new FilterBankSpec.BlockSpec("diagonal", new double[] {1, 5}),
                new FilterBankSpec.BlockSpec("gobf", new double[] {2, 4, 8})));
        FilterBank bank = new FilterBank(spec, 0.1);
        assertEquals(5, bank.size());
        double[] x2 = new double[5 * 2], x1 = new double[5];
        for (int k = 0; k < 500; k++) {
            double v = Math.sin(k * 0.05) * 30 - 50;
            bank.step(x2, 2, new double[] {v, 7});
            bank.step(x1, 1, new double[] {v});
        }
        for (int s = 0; s < 5; s++) assertEquals(x1[s], x2[s * 2], 0, "lane 0 of a 2-lane step equals a 1-lane step");
    }

    @Test
    void transientIsAbout4Point6TauMax() {
        FilterBank lp = new FilterBank(FilterBankSpec.gobf(Presets.lpTau()), 0.1);
        assertEquals(486.0, lp.maxTau(), 1.0);
        assertEquals(2.24, lp.transientSamples(0.01) * 0.1 / 1000, 0.01);
    }

    @Test
    void impossibleTimeConstantsAreRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FilterBank(FilterBankSpec.diagonal(new double[] {1, 0}), 0.1));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> new FilterBank(FilterBankSpec.diagonal(new double[] {0.005}), 0.1));
        assertTrue(e.getMessage().contains("δ/10"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new FilterBank(FilterBankSpec.diagonal(new double[] {-3}), 0.1));
    }
}
