package org.rmmfiji.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CouplingSpreadTest {

    static CouplingEntry entry(String pre, String post, double rms, double e, String sign) {
        CouplingEntry c = new CouplingEntry();
        c.pre = pre;
        c.post = post;
        c.rms_nA = rms;
        c.e_effective_mV = e;
        c.sign = sign;
        return c;
    }

    @Test
    void meanSdAndSignAgreementPairByPair() {
        List<List<CouplingEntry>> fits = List.of(
                List.of(entry("PD", "LP", 0.2, -70, "inhibitory"), entry("LP", "PY", 0.5, -10, "excitatory")),
                List.of(entry("PD", "LP", 0.4, -80, "inhibitory"), entry("LP", "PY", 0.7, -60, "inhibitory")),
                List.of(entry("PD", "LP", 0.6, -75, "inhibitory"), entry("LP", "PY", Double.NaN, -20, "excitatory")));
        List<CouplingSpread> s = CouplingSpread.of(fits);
        assertEquals(2, s.size());
        CouplingSpread pdLp = s.get(0), lpPy = s.get(1);
        assertEquals("PD", pdLp.pre);
        assertEquals(3, pdLp.fits);
        assertEquals(0.4, pdLp.rms_nA_mean, 1e-12);
        assertEquals(0.2, pdLp.rms_nA_sd, 1e-12);
        assertEquals(-75, pdLp.e_effective_mV_mean, 1e-12);
        assertEquals(5, pdLp.e_effective_mV_sd, 1e-12);
        assertEquals("inhibitory 3/3", pdLp.sign_agreement);
        assertEquals(0.6, lpPy.rms_nA_mean, 1e-12, "an undefined figure is left out");
        assertEquals("excitatory 2/3", lpPy.sign_agreement);
        assertEquals(Double.NaN, lpPy.ablation_drop_mean, "no fit had it");
    }
}
