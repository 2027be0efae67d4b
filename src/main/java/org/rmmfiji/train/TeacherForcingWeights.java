package org.rmmfiji.train;

import java.util.Locale;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Network;
import org.rmmfiji.sim.FreeRun;

/**
 * Teacher forcing's optional sample weights, w = 1/(1 + (Δv/δ ÷ s)²) for a sample whose voltage moves at Δv/δ. Under
 * the plain loss a spike upstroke (hundreds of mV/ms) outweighs a subthreshold sample (tenths of mV/ms) by 10⁵ or more,
 * so the slow subthreshold dynamics that time spikes and a burster's slow wave barely count; the weights make samples
 * much faster than s count by their relative error, and those slower than s nearly as before (w ≥ ½). The scale s of
 * each modelled neuron is the setting's multiple of the median speed of its training voltage after the filter
 * transient (the samples teacher forcing trains on), |v(t + 1 ms) − v(t)| / 1 ms: taken over a millisecond, so that
 * neither the recording's quantisation (runs of equal samples) nor its noise sets s. The weights themselves use each
 * sample's own Δv/δ, as the loss does, so on a noisy recording subthreshold samples are weighed by their noise too.
 */
public final class TeacherForcingWeights {
    /** The lag over which the voltage's speed is measured. */
    static final double SPEED_LAG_MS = 1.0;

    private TeacherForcingWeights() {}

    /**
     * Per modelled neuron, s in mV/ms, or null when the settings weigh every sample alike. A neuron whose training
     * voltage does not move over 1 ms in half of its samples has s = 0: its samples all weigh 1.
     */
    public static double[] scales(Network net, TrainingData data, Double multiple, double dumpFraction) {
        if (multiple == null) return null;
        int lag = Math.max(1, (int) Math.round(SPEED_LAG_MS / net.dt())), k0 = FreeRun.transientSamples(net, dumpFraction);
        double[] s = new double[net.modelledCount()];
        for (int i = 0; i < s.length; i++) {
            FloatMedian median = new FloatMedian();
            int c = data.channels().voltageChannel(i);
            for (Segment seg : data.dataset().train())
                if (seg.length() > k0) median.addSteps(seg.backing(c), seg.offset() + k0, seg.offset() + seg.length(), lag);
            s[i] = median.count() == 0 ? 0 : multiple * median.lower() / (lag * net.dt());
            if (s[i] > 0 && !Double.isFinite(1 / s[i]))
                throw new InvalidInputException(String.format(Locale.ROOT, "tf_weight_scale = %s gives %s a scale of %s mV/ms, too small to weigh by; "
                        + "use a larger multiple (10 is neuron-lumped's), or 0 for equal weights", multiple, net.voltageName(i), s[i]));
        }
        return s;
    }

    /** 1/s per neuron, 0 where s is 0 (every sample weighs 1). */
    static double[] inverse(double[] scales) {
        double[] inv = new double[scales.length];
        for (int i = 0; i < inv.length; i++) inv[i] = scales[i] > 0 ? 1 / scales[i] : 0;
        return inv;
    }

    /** The log line that says what the weights are, with a warning for a voltage that did not move. */
    static String describe(Network net, double[] scales, double multiple) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Teacher forcing weighs each sample by 1/(1 + (dv/dt ÷ s)²), s = %s × the median speed of the training voltage over %s ms:",
                multiple, SPEED_LAG_MS));
        for (int i = 0; i < scales.length; i++) {
            b.append(i == 0 ? " " : ", ").append(net.voltageName(i));
            b.append(scales[i] > 0 ? String.format(Locale.ROOT, " %.3g mV/ms", scales[i])
                    : " none (WARNING: its voltage does not move over 1 ms in half of its samples, so every sample weighs 1)");
        }
        return b.toString();
    }

    /** The weight of a sample moving at {@code derivative}, given 1/s (0: weight 1; never overflows for a huge s). */
    static double weight(double derivative, double inverseScale) {
        double r = derivative * inverseScale;
        return 1.0 / (1.0 + r * r);
    }
}
