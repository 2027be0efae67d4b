package org.rmmfiji.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a gap-free ABF2 file with int16 samples (the layout of reference §4.3), for generated recordings and
 * round-trip tests. Channels are given in canonical units (mV, nA); each is stored with the given resolution per
 * least significant bit.
 */
public final class AbfWriter {
    private AbfWriter() {}

    /** Supplies sample k of channel c. */
    public interface Samples { double get(int channel, long k); }

    public static void write(Path file, double dtMs, String[] names, String[] units, double[] lsb, long samples, Samples source) throws IOException {
        int nc = names.length;
        StringBuilder strings = new StringBuilder("RMM for Fiji\0\0Clampex");
        for (int c = 0; c < nc; c++) strings.append('\0').append(names[c]).append('\0').append(units[c]);
        byte[] str = strings.toString().getBytes(StandardCharsets.ISO_8859_1);
        int stringsBlock = 2 + (nc * 128 + 511) / 512;
        int dataBlock = stringsBlock + (str.length + 511) / 512;
        ByteBuffer head = ByteBuffer.allocate(dataBlock * 512).order(ByteOrder.LITTLE_ENDIAN);
        head.put(0, (byte) 'A').put(1, (byte) 'B').put(2, (byte) 'F').put(3, (byte) '2');
        head.put(4, (byte) 0).put(5, (byte) 0).put(6, (byte) 6).put(7, (byte) 2);     // version 2.6.0.0
        head.putInt(8, 512);
        head.putInt(12, 1);                                                          // one episode
        head.putShort(30, (short) 0);                                                // int16
        section(head, 76, 1, 512, 1);                                                // Protocol
        section(head, 92, 2, 128, nc);                                               // ADC
        section(head, 220, stringsBlock, str.length, 1);                             // Strings
        section(head, 236, dataBlock, 2, samples * nc);                              // Data
        int p = 512;
        head.putShort(p, (short) 3);                                                 // gap-free
        head.putFloat(p + 2, (float) (dtMs * 1000));                                 // µs per sample per channel
        head.putFloat(p + 110, 10f);                                                 // ADC range (V)
        head.putInt(p + 118, 32768);                                                 // ADC resolution
        for (int c = 0; c < nc; c++) {
            int a = 1024 + 128 * c;
            head.putShort(a, (short) c);
            head.putShort(a + 26, (short) c);
            head.putFloat(a + 28, 1f);                                               // programmable gain
            head.putFloat(a + 40, (float) (10.0 / 32768 / lsb[c]));                  // instrument scale factor
            head.putFloat(a + 48, 1f);                                               // signal gain
            head.putInt(a + 74, 2 + 2 * c);                                          // name index
            head.putInt(a + 78, 3 + 2 * c);                                          // unit index
        }
        head.position(stringsBlock * 512);
        head.put(str);
        AtomicFiles.writeBytes(file, out -> {
            out.write(head.array());
            writeData(out, nc, lsb, samples, source);
        });
    }

    private static void writeData(OutputStream out, int nc, double[] lsb, long samples, Samples source) throws IOException {
        double[] gain = new double[nc];
        for (int c = 0; c < nc; c++) gain[c] = 10.0 / 32768 / (float) (10.0 / 32768 / lsb[c]);   // as the reader will compute it
        ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        for (long k = 0; k < samples; k++) {
            for (int c = 0; c < nc; c++) {
                long raw = Math.round(source.get(c, k) / gain[c]);
                b.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, raw)));
            }
            if (b.remaining() < 2 * nc) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
        }
        out.write(b.array(), 0, b.position());
    }

    private static void section(ByteBuffer h, int at, long block, long bytes, long count) {
        h.putInt(at, (int) block);
        h.putInt(at + 4, (int) bytes);
        h.putLong(at + 8, count);
    }
}
