package org.rmmfiji.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmmfiji.data.Channel;
import org.rmmfiji.data.Dataset;
import org.rmmfiji.data.Recording;
import org.rmmfiji.data.Segment;
import org.rmmfiji.io.ModelFile;
import org.rmmfiji.io.ModelFiles;
import org.rmmfiji.io.SpecFiles;
import org.rmmfiji.math.Rng;
import org.rmmfiji.model.CurrentSpec;
import org.rmmfiji.model.Network;
import org.rmmfiji.model.OhmicLeak;
import org.rmmfiji.model.Presets;
import org.rmmfiji.sim.ChannelMap;

/** The one-neuron preset's leak reversal starts at the median training voltage and is recorded in the spec. */
class LeakFromDataTest {
    static final double DT = 0.1;

    /** Voltage mostly at −61 mV, with 5 % of the samples at +30 mV ("spikes") and a few at −80 mV. */
    static Recording recording() {
        int n = 8000;   // 0.8 s: longer than the preset's 0.47 s filter transient
        float[] v = new float[n], i = new float[n];
        Rng r = new Rng(3);
        for (int k = 0; k < n; k++) {
            v[k] = (float) (k % 20 == 0 ? 30 : k % 50 == 1 ? -80 : -61 + 0.5 * r.nextGaussian());
            i[k] = (float) r.nextGaussian();
        }
        return new Recording("test", DT, List.of(new Channel("V", "mV"), new Channel("I", "nA")),
                List.of(new Segment("segment 0", new float[][] {v, i})), List.of());
    }

    static OhmicLeak leak(Network net) {
        return (OhmicLeak) net.edges().get(0).currents().get(1);
    }

    @Test
    void reversalStartsAtTheMedianTrainingVoltageAndTravelsWithTheModel(@TempDir Path dir) throws Exception {
        Recording rec = recording();
        Network net = new Network(Presets.get(Presets.NEURON_LUMPED).build(List.of("cell"), List.of()), DT);
        net.initialise(new Rng(1));
        CurrentSpec spec = leak(net).spec();
        assertNull(spec.e0_mV, "the preset leaves E0 to the data");
        ChannelMap map = ChannelMap.bind(rec, net, List.of("V"), List.of("I"));
        TeacherForcingFeatures f = TeacherForcingFeatures.build(net, rec.segments(), map, 0.01);
        f.applyRanges(net);

        double median = f.perNeuron[0].median(FeatureMatrix.V);
        assertEquals(-61, median, 0.1, "spikes and troughs do not move the median");
        assertEquals(median, spec.e0_mV, 0.0);
        assertEquals(OhmicLeak.FROM_MEDIAN, spec.e0_origin);
        assertEquals(median, leak(net).reversal(net.parameters()), 0.0);

        // the spec beside the model and the model file carry the value, so the model reproduces the fit
        Path specFile = dir.resolve("m" + SpecFiles.SUFFIX);
        SpecFiles.write(specFile, net.spec());
        CurrentSpec written = SpecFiles.read(specFile).edges.get(0).currents.get(1);
        assertEquals(median, written.e0_mV, 0.0);
        assertEquals(OhmicLeak.FROM_MEDIAN, written.e0_origin);
        ModelFile mf = new ModelFile();
        ModelFiles.capture(net, mf);
        mf.dt_ms = DT;
        Path modelFile = dir.resolve("m" + ModelFiles.SUFFIX);
        ModelFiles.write(modelFile, mf);
        Network again = ModelFiles.toNetwork(ModelFiles.read(modelFile), modelFile.toString());
        assertEquals(median, leak(again).spec().e0_mV, 0.0);
        assertEquals(median, leak(again).reversal(again.parameters()), 0.0);
    }

    @Test
    void theWeakPriorPullsTowardTheDataValueAndAGivenValueIsKept() {
        Recording rec = recording();
        Network net = new Network(Presets.get(Presets.NEURON_LUMPED).build(List.of("cell"), List.of()), DT);
        net.initialise(new Rng(1));
        CurrentSpec spec = leak(net).spec();
        double[] p = net.parameters();
        assertThrows(IllegalStateException.class, () -> net.regularization(p, null, 1), "no prior before the data set E0");
        TrainingData td = new TrainingData(new Dataset(rec, rec.segments(), List.of(), List.of()), ChannelMap.bind(rec, net, List.of("V"), List.of("I")));
        TeacherForcingFeatures.build(net, rec.segments(), td.channels(), 0.01).applyRanges(net);
        double e0 = spec.e0_mV;
        double base = net.regularization(p, null, 1);
        int k = net.store().block("cell<-cell.leak.E").offset();
        p[k] = e0 + 2;
        assertEquals(4.0, net.regularization(p, null, 1) - base, 1e-9, "‖E − E0‖², unit weight");

        // a spec that gives E0 keeps it
        Network given = new Network(Presets.get(Presets.LP_PD).build(List.of("LP"), List.of("PD")), DT);
        assertEquals(-50.0, leak(given).spec().e0_mV, 0.0);
    }
}
