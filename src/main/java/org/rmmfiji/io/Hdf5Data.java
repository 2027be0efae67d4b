package org.rmmfiji.io;

import io.jhdf.api.Dataset;

import org.rmmfiji.data.InvalidInputException;

/** Numeric HDF5 datasets as flat double arrays, whatever their stored type. */
final class Hdf5Data {
    private Hdf5Data() {}

    static double[] flat(Dataset d) {
        Object data = d.getDataFlat();
        if (data instanceof double[]) return (double[]) data;
        if (data instanceof float[]) {
            float[] f = (float[]) data;
            double[] out = new double[f.length];
            for (int k = 0; k < f.length; k++) out[k] = f[k];
            return out;
        }
        if (data instanceof short[]) {
            short[] f = (short[]) data;
            double[] out = new double[f.length];
            for (int k = 0; k < f.length; k++) out[k] = f[k];
            return out;
        }
        if (data instanceof int[]) {
            int[] f = (int[]) data;
            double[] out = new double[f.length];
            for (int k = 0; k < f.length; k++) out[k] = f[k];
            return out;
        }
        if (data instanceof long[]) {
            long[] f = (long[]) data;
            double[] out = new double[f.length];
            for (int k = 0; k < f.length; k++) out[k] = f[k];
            return out;
        }
        throw new InvalidInputException(d.getPath() + " holds " + d.getJavaType().getSimpleName() + " values, not numbers");
    }

    /** A numeric scalar attribute, or the default. */
    static double scalar(Object value, double orElse) {
        if (value instanceof Number) return ((Number) value).doubleValue();
        if (value != null && value.getClass().isArray() && java.lang.reflect.Array.getLength(value) == 1) {
            Object v = java.lang.reflect.Array.get(value, 0);
            if (v instanceof Number) return ((Number) v).doubleValue();
        }
        return orElse;
    }

    static String string(Object value) {
        if (value instanceof String) return (String) value;
        if (value != null && value.getClass().isArray() && java.lang.reflect.Array.getLength(value) == 1) return String.valueOf(java.lang.reflect.Array.get(value, 0));
        return value == null ? "" : value.toString();
    }
}
