package org.rmmfiji.train;

import java.util.Locale;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Segment;
import org.rmmfiji.model.Network;

/**
 * Teacher forcing's optional sample weights, w = 1/(1 + (Δv/δ ÷ s)²) for a sample whose voltage moves at Δv/δ. Under
 * the plain loss a spike upstroke (hundreds of mV/ms) outweighs a subthreshold sample (tenths of mV/ms) by 10⁵ or more,
 * so the slow subthreshold dynamics that time a burster's slow wave barely count; the weights make samples faster
 * than s count as their relative error. The scale s of each modelled neuron is the setting's multiple of the median
 * speed of its training voltage, |v(t + 1 ms) − v(t)| / 1 ms: taken over a millisecond, so that neither the recording's
 * quantisation (steps of equal samples) nor its noise sets it.
 */
public final class TeacherForcingWeights {
    /** The lag over which the voltage's speed is measured. */
    static final double SPEED_LAG_MS = 1.0;

    private TeacherForcingWeights() {}

    /** Per modelled neuron, s in mV/ms, or null when the settings weigh every sample alike. */
    public static double[] scales(Network net, TrainingData data, Double multiple) {
        if (multiple == null) return null;
        int lag = Math.max(1, (int) Math.round(SPEED_LAG_MS / net.dt()));
        double[] s = new double[net.modelledCount()];
        for (int i = 0; i < s.length; i++) {
            FloatMedian median = new FloatMedian();
            int c = data.channels().voltageChannel(i);
            for (Segment seg : data.dataset().train()) median.addSteps(seg.backing(c), seg.offset(), seg.offset() + seg.length(), lag);
            double speed = median.lower() / (lag * net.dt());
            if (!(speed > 0))
                throw new InvalidInputException(String.format(Locale.ROOT, "tf_weight_scale: the training voltage of %s does not move over %.3g ms "
                        + "in half of its samples, so its median speed sets no scale; leave tf_weight_scale unset", net.voltageName(i), lag * net.dt()));
            s[i] = multiple * speed;
        }
        return s;
    }

    /** The weight of a sample moving at {@code derivative}, given 1/s (never overflows for a huge s). */
    static double weight(double derivative, double inverseScale) {
        double r = derivative * inverseScale;
        return 1.0 / (1.0 + r * r);
    }
}
