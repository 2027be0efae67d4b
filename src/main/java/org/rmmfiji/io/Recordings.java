package org.rmmfiji.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.data.Recording;

/**
 * Opens a recording whatever its format, chosen by the file's content (its first bytes), not by its name:
 * Axon ABF1/ABF2, MATLAB .mat (v5 and v7.3) in the authors' layout, NWB 2 (HDF5), gzip-compressed or plain CSV/TSV.
 */
public final class Recordings {
    private Recordings() {}

    public static Recording open(Path file) throws IOException {
        return open(file, ReadOptions.defaults());
    }

    public static Recording open(Path file, ReadOptions options) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            return open(file.getFileName().toString(), ch, options);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        }
    }

    /** Reads from a byte channel; {@code name} is used in messages and provenance. */
    public static Recording open(String name, SeekableByteChannel ch, ReadOptions options) throws IOException {
        return Plausibility.check(read(name, ch, options));
    }

    private static Recording read(String name, SeekableByteChannel ch, ReadOptions options) throws IOException {
        byte[] head = new byte[Math.toIntExact(Math.min(16, ch.size()))];
        ByteBuffer hb = ByteBuffer.wrap(head);
        ch.position(0);
        while (hb.hasRemaining() && ch.read(hb) >= 0) { /* fill */ }
        ch.position(0);
        if (head.length == 0) throw new InvalidInputException(name + ": the file is empty");
        if (AbfReader.looksLikeAbf(head)) return AbfReader.read(name, ch);
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB")) return MatReader.read(name, ch, options);
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && text.startsWith("HDF", 1)) return NwbReader.read(name, ch, options);
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".abf"))      // the content decides, but the name tells what the user expects
            throw new InvalidInputException(name + ": no ABF signature (an Axon file starts with 'ABF ' or 'ABF2'; this one starts with '"
                    + new String(head, 0, Math.min(4, head.length), StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7E]", "?") + "'): is it an ABF file?");
        InputStream in = Channels.newInputStream(ch);
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) in = new GZIPInputStream(in, 1 << 16);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        return CsvRecordings.parse(name, r, options);
    }

    /** For tests and callers that hold the bytes. */
    public static Recording open(String name, byte[] bytes, ReadOptions options) throws IOException {
        return open(name, new ByteArrayChannel(bytes), options);
    }
}
