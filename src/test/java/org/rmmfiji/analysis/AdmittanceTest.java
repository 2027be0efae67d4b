package org.rmmfiji.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.model.Presets;

/**
 * The admittance against the model itself: at ω → 0 the slope of the steady-state IV curve, and at three
 * frequencies the current the simulated cell draws under a small sinusoidal voltage clamp (its DFT), within 1 %.
 */
class AdmittanceTest {

    @TempDir Path dir;

    IsolatedCell[] cells() throws IOException {
        return new IsolatedCell[] {IsolatedCell.of(AnalysisModels.fittedHh(dir), 0), IsolatedCell.of(AnalysisModels.preset(Presets.HH_CONDUCTANCE, 0.05, 11), 0)};
    }

    @Test
    void atZeroFrequencyTheAdmittanceIsTheSlopeOfTheSteadyStateIvCurve() throws IOException {
        for (IsolatedCell cell : cells()) {
            for (double v : new double[] {-80, -62, -50, -30, 0}) {
                double h = 1e-4;
                double[] i = cell.steadyCurrent(new double[] {v - h, v + h});
                double slope = (i[1] - i[0]) / (2 * h);
                double[] y = Admittance.at(cell, v, 0);
                assertEquals(slope, y[0], 1e-5 * (1 + Math.abs(slope)), cell.network().spec().preset + " at " + v + " mV");
                assertEquals(0, y[1], 1e-12);
            }
        }
    }

    @Test
    void theAdmittanceIsTheResponseToASmallSinusoidalVoltageClamp() throws IOException {
        for (IsolatedCell cell : cells()) {
            for (double v0 : new double[] {-70, -55}) {
                for (double f : new double[] {10, 100, 1000}) {
                    double dt = cell.dt(), omega = 2 * Math.PI * f / 1000, a = 1e-3;
                    int perPeriod = (int) Math.round(1000 / f / dt), skip = Math.max(4000, 4 * perPeriod), n = 5 * perPeriod;
                    double[] command = new double[skip + n];
                    for (int k = 0; k < command.length; k++) command[k] = v0 + a * Math.sin(omega * k * dt);
                    double[] current = cell.clamp(command);
                    // Fourier coefficients of voltage and current at ω over whole periods after the transient
                    double vr = 0, vi = 0, cr = 0, ci = 0;
                    for (int k = skip; k < skip + n; k++) {
                        double c = Math.cos(omega * k * dt), s = -Math.sin(omega * k * dt);
                        vr += command[k] * c; vi += command[k] * s;
                        cr += current[k] * c; ci += current[k] * s;
                    }
                    double d = vr * vr + vi * vi;
                    double yr = (cr * vr + ci * vi) / d, yi = (ci * vr - cr * vi) / d;
                    double[] y = Admittance.at(cell, v0, f);
                    double mag = Math.hypot(y[0], y[1]);
                    String what = cell.network().spec().preset + " at " + v0 + " mV, " + f + " Hz";
                    assertEquals(y[0], yr, 0.01 * mag, what + " (real part)");
                    assertEquals(y[1], yi, 0.01 * mag, what + " (imaginary part)");
                }
            }
        }
    }

    @Test
    void frequenciesBeyondNyquistAreRefused() throws IOException {
        IsolatedCell cell = cells()[0];
        assertThrows(InvalidInputException.class, () -> Admittance.map(cell, new double[] {-60}, new double[] {20000}));
        assertThrows(InvalidInputException.class, () -> Admittance.logFrequencies(10, 1, 5));
        Admittance.Map m = Admittance.map(cell, new double[] {-60, -50}, Admittance.logFrequencies(1, 1000, 4));
        assertEquals(Admittance.at(cell, -50, 1000)[0], m.re[1][3], 1e-12);
    }
}
