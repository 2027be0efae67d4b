package org.rmmfiji.io;

/** What a reader cannot learn from the file itself. */
public final class ReadOptions {
    /** The sampling step (ms) of a table without a time column; 0: the file must have one. */
    public double sampling_step_ms = 0;
    /** MATLAB files carry no units: the unit of the V1…Vn variables (mV by default). */
    public String mat_voltage_unit = "mV";
    /** …and of the I1…Im variables (nA by default, as in the authors' STG data). */
    public String mat_current_unit = "nA";
    /** NWB: read only series whose name starts with this; empty: every current-clamp series. */
    public String nwb_series = "";

    public static ReadOptions defaults() { return new ReadOptions(); }

    public static ReadOptions of(double samplingStepMs, String matVoltageUnit, String matCurrentUnit, String nwbSeries) {
        ReadOptions o = new ReadOptions();
        o.sampling_step_ms = samplingStepMs;
        o.mat_voltage_unit = matVoltageUnit == null || matVoltageUnit.isBlank() ? "mV" : matVoltageUnit;
        o.mat_current_unit = matCurrentUnit == null || matCurrentUnit.isBlank() ? "nA" : matCurrentUnit;
        o.nwb_series = nwbSeries == null ? "" : nwbSeries;
        return o;
    }
}
