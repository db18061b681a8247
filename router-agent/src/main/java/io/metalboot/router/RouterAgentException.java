package io.metalboot.router;

/**
 * The router-agent module's one unchecked exception: parsing a router's configuration, applying a
 * command to a model of it, or generating a daemon configuration failed. The message says what,
 * why and what to do next; subclasses may add structure but never replace the message.
 */
public class RouterAgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RouterAgentException(String message) {
        super(message);
    }

    public RouterAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
