package io.metalboot.dhcp;

/**
 * A datagram that is not a well-formed BOOTP/DHCP message. {@link #reason} is a short fixed phrase
 * (never text from the packet), so a server can count and rate-limit by it.
 */
public final class BadPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    BadPacketException(String reason, String detail) {
        super(reason + ": " + detail, null, false, false); // no stack trace: a flood of these must stay cheap
        this.reason = reason;
    }

    /** The kind of damage, e.g. {@code truncated}, {@code wrong magic cookie}, {@code option overrun}. */
    public String reason() {
        return reason;
    }
}
