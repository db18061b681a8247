package io.metalboot.tftp;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of RFC 2347 option negotiation for one read request: the values the transfer uses and
 * the options to acknowledge in the OACK. Only options the client asked for, that the server knows and
 * whose value is valid, are acknowledged; an empty {@code oack} means no OACK is sent and the transfer
 * starts with DATA block 1, as in plain RFC 1350.
 */
record Negotiation(int blksize, int windowsize, Duration timeout, Map<String, String> oack) {
    static final int DEFAULT_BLKSIZE = 512;
    /** RFC 2348 limits. */
    static final int MIN_BLKSIZE = 8;
    static final int MAX_BLKSIZE = 65464;
    /**
     * The largest window granted (RFC 7440 allows up to 65535 and lets the server answer less): a lost
     * packet costs a resend of the window, so a bigger one does not pay on a lossy link.
     */
    static final int MAX_WINDOWSIZE = 64;
    /**
     * The longest RFC 2349 timeout granted, in seconds. RFC 2349 lets a client ask up to 255 s, and the
     * server may only accept the value as asked or ignore the option: a longer one is not acknowledged
     * (the server's own timeout applies), so a client that never acknowledges cannot hold a transfer
     * slot for 255 s per retry.
     */
    static final int MAX_TIMEOUT_SECONDS = 5;

    Negotiation {
        oack = Collections.unmodifiableMap(new LinkedHashMap<>(oack));
    }

    /**
     * Negotiates the options of a read request.
     *
     * @param requested the request's options as the client spelled them (names are case-insensitive)
     * @param size      the number of bytes the transfer will send (the answer to {@code tsize})
     * @param timeout   the server's own retransmission timeout, used unless the client asks for another
     */
    static Negotiation of(Map<String, String> requested, long size, Duration timeout) {
        Map<String, String> byName = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        requested.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            byName.put(key, value);
            spelling.put(key, name);
        });
        Map<String, String> oack = new LinkedHashMap<>();
        int blksize = DEFAULT_BLKSIZE;
        Optional<Long> block = number(byName.get("blksize"));
        if (block.isPresent() && block.get() >= MIN_BLKSIZE) {
            blksize = (int) Math.min(block.get(), MAX_BLKSIZE);
            oack.put(spelling.get("blksize"), Integer.toString(blksize));
        }
        if (number(byName.get("tsize")).isPresent()) {
            oack.put(spelling.get("tsize"), Long.toString(size));
        }
        Duration wait = timeout;
        Optional<Long> seconds = number(byName.get("timeout"));
        if (seconds.isPresent() && seconds.get() >= 1 && seconds.get() <= MAX_TIMEOUT_SECONDS) {
            wait = Duration.ofSeconds(seconds.get());
            oack.put(spelling.get("timeout"), Long.toString(seconds.get()));
        }
        int windowsize = 1;
        Optional<Long> window = number(byName.get("windowsize"));
        if (window.isPresent() && window.get() >= 1 && window.get() <= 65535) {
            windowsize = (int) Math.min(window.get(), MAX_WINDOWSIZE);
            oack.put(spelling.get("windowsize"), Integer.toString(windowsize));
        }
        return new Negotiation(blksize, windowsize, wait, oack);
    }

    /** A decimal option value; absent when missing, not all digits, or too long to matter. */
    private static Optional<Long> number(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}
