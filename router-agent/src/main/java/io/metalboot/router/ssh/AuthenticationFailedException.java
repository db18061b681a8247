package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;

/** The router refused every login method tried, or a key could not be used. Never names a secret. */
public final class AuthenticationFailedException extends RouterAgentException {
    private static final long serialVersionUID = 1L;

    AuthenticationFailedException(String message) {
        super(message);
    }

    AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
