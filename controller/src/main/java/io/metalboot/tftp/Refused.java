package io.metalboot.tftp;

/** A request the server answers with a TFTP ERROR packet instead of data. */
final class Refused extends TftpException {
    private static final long serialVersionUID = 1L;
    private final int code;

    Refused(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The TFTP error code (RFC 1350): 1 file not found, 2 access violation, 4 illegal operation... */
    int code() {
        return code;
    }
}
