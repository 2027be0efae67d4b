package org.rmmfiji.train;

import com.google.gson.annotations.SerializedName;

/** Why a trainer stopped; written to the model file as {@code "stopped"}. */
public enum StopReason {
    /** Every epoch ran. */
    @SerializedName("completed") COMPLETED,
    /** The user cancelled; the best snapshot so far is kept. */
    @SerializedName("cancelled") CANCELLED,
    /** The training loss became NaN or infinite (learning rate too high?); the best snapshot so far is kept. */
    @SerializedName("non-finite-loss") NON_FINITE_LOSS;

    public String id() {
        try {
            return StopReason.class.getField(name()).getAnnotation(SerializedName.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
