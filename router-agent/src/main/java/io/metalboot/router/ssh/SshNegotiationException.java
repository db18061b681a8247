package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;

/** The router and metalboot share no acceptable algorithm, e.g. a router that signs only with legacy {@code ssh-rsa}. */
public final class SshNegotiationException extends RouterAgentException {
    private static final long serialVersionUID = 1L;

    SshNegotiationException(String message, Throwable cause) {
        super(message, cause);
    }
}
