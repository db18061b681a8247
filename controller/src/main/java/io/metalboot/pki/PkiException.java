package io.metalboot.pki;

/**
 * Why a PKI step failed. {@link #badInput()} tells input the user can fix (a CSR or config JSON
 * file, a flag, a key file that does not parse) from failures of the machine (a file that cannot be
 * written). Messages never contain key material.
 */
public class PkiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean badInput;

    PkiException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    PkiException(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    /** An input problem: {@code file:line: field value ...} or a flag the user can change. */
    static PkiException input(String message) {
        return new PkiException(message, true);
    }

    static PkiException input(String message, Throwable cause) {
        return new PkiException(message, true, cause);
    }

    static PkiException failure(String message) {
        return new PkiException(message, false);
    }

    static PkiException failure(String message, Throwable cause) {
        return new PkiException(message, false, cause);
    }

    public boolean badInput() {
        return badInput;
    }
}
