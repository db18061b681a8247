package io.metalboot.tftp;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The bytes of one transfer, read by position so that any block of a window can be sent again. */
interface Source extends Closeable {
    long size();

    /** Reads up to {@code length} bytes at {@code position} into {@code into[offset…]}; returns the count. */
    int read(long position, byte[] into, int offset, int length) throws IOException;

    /** A file sent as it is (octet mode). */
    static Source of(FileChannel channel) throws IOException {
        long size = channel.size();
        return new Source() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public int read(long position, byte[] into, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(into, offset, (int) Math.min(length, Math.max(0, size - position)));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position() - offset) < 0) {
                        break;
                    }
                }
                return buffer.position() - offset;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /** Bytes already in memory (a file converted to netascii). */
    static Source of(byte[] bytes) {
        return new Source() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public int read(long position, byte[] into, int offset, int length) {
                int count = (int) Math.min(length, Math.max(0, bytes.length - position));
                System.arraycopy(bytes, (int) position, into, offset, count);
                return count;
            }

            @Override
            public void close() {
            }
        };
    }

    /** RFC 764 netascii: LF becomes CR LF, a bare CR becomes CR NUL. */
    static byte[] netascii(byte[] text) {
        int extra = 0;
        for (byte b : text) {
            if (b == '\n' || b == '\r') {
                extra++;
            }
        }
        byte[] out = new byte[text.length + extra];
        int i = 0;
        for (byte b : text) {
            if (b == '\n') {
                out[i++] = '\r';
                out[i++] = '\n';
            } else if (b == '\r') {
                out[i++] = '\r';
                out[i++] = 0;
            } else {
                out[i++] = b;
            }
        }
        return out;
    }
}
