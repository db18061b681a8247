package io.metalboot.boot.ignition;

/**
 * A config that cannot be turned into Ignition (YAML or JSON that does not parse, an unknown field,
 * a {@code contents.local} file that cannot be embedded); the message names the file and line.
 * The boot server answers it with a 500.
 */
public class IgnitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IgnitionException(String message) {
        super(message);
    }

    public IgnitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
