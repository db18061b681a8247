package io.metalboot.assets;

/**
 * Why fetching OS assets failed. {@link #badInput()} tells input the user can fix (a channel, a
 * version, a URL, a key file) from failures of the network, the server or a signature.
 */
public class AssetsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean badInput;

    AssetsException(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    static AssetsException input(String message) {
        return new AssetsException(message, true, null);
    }

    static AssetsException input(String message, Throwable cause) {
        return new AssetsException(message, true, cause);
    }

    static AssetsException failure(String message) {
        return new AssetsException(message, false, null);
    }

    static AssetsException failure(String message, Throwable cause) {
        return new AssetsException(message, false, cause);
    }

    public boolean badInput() {
        return badInput;
    }
}
