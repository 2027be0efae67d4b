package org.rmmfiji.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

import org.rmmfiji.data.InvalidInputException;

/**
 * Little-endian random access to a binary file for the readers. Every read is checked against the file size,
 * so a corrupt offset gives a message naming the file and what was being read, never a wild allocation.
 */
final class BinaryFile {
    final String name;
    final SeekableByteChannel channel;
    final long size;

    BinaryFile(String name, SeekableByteChannel channel) throws IOException {
        this.name = name;
        this.channel = channel;
        this.size = channel.size();
    }

    /** Reads {@code length} bytes at {@code offset}, for the field group {@code what}. */
    ByteBuffer read(long offset, int length, String what) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size)
            throw corrupt(what + " lies at bytes " + offset + "–" + (offset + length) + ", past the end of the " + size + "-byte file");
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(offset);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) throw corrupt("the file ends inside " + what);
        }
        b.flip();
        return b;
    }

    InvalidInputException corrupt(String problem) {
        return new InvalidInputException(name + ": not a readable file: " + problem);
    }

    static String ascii(ByteBuffer b, int offset, int length) {
        byte[] raw = new byte[length];
        for (int i = 0; i < length; i++) raw[i] = b.get(offset + i);
        int end = 0;
        while (end < length && raw[end] != 0) end++;
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1).replace('\u00b5', 'u').trim();
    }
}
