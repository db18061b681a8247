package io.metalboot.tftp;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.net.tftp.TFTPErrorPacket;

/** Encodes what Commons Net has no class for (OACK) or allocates too much for on the hot path (DATA). */
final class Packets {
    static final int OACK = 6;
    static final int DATA_HEADER = 4;

    private Packets() {
    }

    /** RFC 2347 option acknowledgement: opcode 6, then {@code name NUL value NUL} pairs. */
    static DatagramPacket oack(Map<String, String> options, InetSocketAddress to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(OACK);
        options.forEach((name, value) -> {
            out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        });
        byte[] bytes = out.toByteArray();
        return new DatagramPacket(bytes, bytes.length, to);
    }

    /** Writes the DATA header for 16-bit {@code block} into {@code buffer[0..3]}. */
    static void dataHeader(byte[] buffer, int block) {
        buffer[0] = 0;
        buffer[1] = 3;
        buffer[2] = (byte) (block >>> 8);
        buffer[3] = (byte) block;
    }

    static DatagramPacket error(int code, String message, InetSocketAddress to) {
        return new TFTPErrorPacket(to.getAddress(), to.getPort(), code, message).newDatagram();
    }
}
