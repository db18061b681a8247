package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;

/** The connection went away while a command ran: it may or may not have run, in whole or in part. */
public final class ConnectionLostException extends RouterAgentException {
    private static final long serialVersionUID = 1L;

    ConnectionLostException(String address, String command, Throwable cause) {
        super("lost the connection to router " + address + " while running '" + command + "': the command may or may"
                + " not have run, in whole or in part. Read the router's state before trying again.", cause);
    }
}
