package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;

/** No SSH connection could be made: the host did not answer, refused, or the handshake did not finish in time. */
public final class RouterUnreachableException extends RouterAgentException {
    private static final long serialVersionUID = 1L;

    RouterUnreachableException(String address, String reason, Throwable cause) {
        super("cannot reach router " + address + ": " + reason + ". Check that the router is on and connected, that"
                + " the address and SSH port in the inventory are right, and that its SSH service is enabled.", cause);
    }
}
