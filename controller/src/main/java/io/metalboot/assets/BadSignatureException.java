package io.metalboot.assets;

/** A download whose detached signature does not check out; the message says why and what to do. */
public final class BadSignatureException extends AssetsException {
    private static final long serialVersionUID = 1L;

    /** What went wrong: the advice differs. */
    public enum Kind {
        /** The signature file is not an OpenPGP signature over a file. */
        MALFORMED,
        /** Made by a key the keyring does not hold. */
        UNKNOWN_KEY,
        /** The key could not sign then: expired, revoked, not bound to its primary key. */
        KEY_NOT_VALID,
        /** The contents do not match the signature. */
        MISMATCH
    }

    private final Kind kind;

    BadSignatureException(Kind kind, String message) {
        super(message, false, null);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
