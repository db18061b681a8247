package io.metalboot.boot.ignition;

/**
 * A Butane or Ignition document that cannot be translated: not valid YAML or JSON after rendering, an
 * unknown key, a {@code contents.local} file that cannot be read. Always the data dir's fault, so the
 * boot server answers it with 500, never 404; the message names the file and line.
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
