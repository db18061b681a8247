package io.metalboot.boot;

/**
 * A boot-server failure with the HTTP status it answers with: 400 for a bad request, 404 when no
 * group or file matches, 500 when the data dir or a template is broken (never 404 for that).
 */
public class BootException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public BootException(int status, String message) {
        super(message);
        this.status = status;
    }

    public BootException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static BootException badRequest(String message) {
        return new BootException(400, message);
    }

    public static BootException notFound(String message) {
        return new BootException(404, message);
    }

    public static BootException broken(String message, Throwable cause) {
        return new BootException(500, message, cause);
    }
}
