package io.metalboot.router.openwrt;

import io.metalboot.router.RouterAgentException;

/**
 * A uci package file uci itself would refuse to load. {@link #uciMessage()} is the line uci prints,
 * {@code uci: Parse error (invalid command) at line 3, byte 0}; the exception message adds the file
 * and what to do.
 */
public final class UciException extends RouterAgentException {
    private static final long serialVersionUID = 1L;
    private final String uciMessage;

    UciException(String source, String uciMessage) {
        super(source + ": " + uciMessage + " (fix the file: uci refuses to load it, and so does the router)");
        this.uciMessage = uciMessage;
    }

    public String uciMessage() {
        return uciMessage;
    }
}
