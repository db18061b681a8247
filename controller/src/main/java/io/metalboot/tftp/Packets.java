package io.metalboot.tftp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The packets the server sends, built byte for byte (RFC 1350, RFC 2347 OACK). */
final class Packets {
    static final int ERR_UNDEFINED = 0;
    static final int ERR_NOT_FOUND = 1;
    static final int ERR_ACCESS = 2;
    static final int ERR_ILLEGAL = 4;
    static final int ERR_UNKNOWN_TID = 5;
    static final int ERR_OPTIONS = 8;

    private Packets() {
    }

    static byte[] data(int block, byte[] buffer, int offset, int length) {
        byte[] out = new byte[4 + length];
        out[1] = 3;
        out[2] = (byte) (block >> 8);
        out[3] = (byte) block;
        System.arraycopy(buffer, offset, out, 4, length);
        return out;
    }

    static byte[] error(int code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(5);
        out.write(code >> 8);
        out.write(code);
        out.writeBytes(message.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        return out.toByteArray();
    }

    static byte[] oack(Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(6);
        options.forEach((name, value) -> {
            out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        });
        return out.toByteArray();
    }
}
