package io.metalboot.tftp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options of one read request as negotiated (RFC 2347): {@code blksize} 8–65464 (RFC 2348; a
 * larger request gets 65464), {@code tsize} (the file's size, RFC 2349), {@code timeout} 1–255 s
 * (RFC 2349) and {@code windowsize} 1–65535 (RFC 7440). Only options the client asked for, with
 * valid values, are acknowledged; anything else is ignored, as the RFCs allow.
 */
record Options(int blockSize, int windowSize, int timeoutSeconds, Map<String, String> acknowledged) {
    static final int DEFAULT_BLOCK = 512;
    static final int MAX_BLOCK = 65464;

    static Options negotiate(Map<String, String> requested, long fileSize, int defaultTimeout) {
        int block = DEFAULT_BLOCK;
        int window = 1;
        int timeout = defaultTimeout;
        Map<String, String> ack = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : requested.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            long value = number(e.getValue());
            switch (name) {
                case "blksize" -> {
                    if (value >= 8) {
                        block = (int) Math.min(value, MAX_BLOCK);
                        ack.put(e.getKey(), Integer.toString(block));
                    }
                }
                case "tsize" -> {
                    if (value == 0) {
                        ack.put(e.getKey(), Long.toString(fileSize));
                    }
                }
                case "timeout" -> {
                    if (value >= 1 && value <= 255) {
                        timeout = (int) value;
                        ack.put(e.getKey(), Long.toString(value));
                    }
                }
                case "windowsize" -> {
                    if (value >= 1 && value <= 65535) {
                        window = (int) value;
                        ack.put(e.getKey(), Long.toString(value));
                    }
                }
                default -> {
                }
            }
        }
        return new Options(block, window, timeout, ack);
    }

    private static long number(String text) {
        try {
            return text.length() > 9 ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
