package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;

/**
 * The connection went away while a command ran: it may or may not have run, in whole or in part.
 * {@link #partialOutput} is what its standard output had delivered by then (progress markers tell
 * how far a script got).
 */
public final class ConnectionLostException extends RouterAgentException {
    private static final long serialVersionUID = 1L;
    private final String partialOutput;

    ConnectionLostException(String address, String command, String partialOutput, Throwable cause) {
        super("lost the connection to router " + address + " while running '" + command + "': the command may or may"
                + " not have run, in whole or in part. Read the router's state before trying again.", cause);
        this.partialOutput = partialOutput;
    }

    /** The standard output received before the connection went away (possibly empty). */
    public String partialOutput() {
        return partialOutput;
    }
}
