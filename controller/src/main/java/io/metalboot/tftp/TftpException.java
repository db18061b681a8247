package io.metalboot.tftp;

/** The TFTP server cannot be configured or started; the message says what to change. */
public class TftpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TftpException(String message) {
        super(message);
    }

    public TftpException(String message, Throwable cause) {
        super(message, cause);
    }
}
