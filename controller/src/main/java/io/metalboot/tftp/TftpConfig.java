package io.metalboot.tftp;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the TFTP server runs: where it listens, the directory it serves (DATA/tftpboot), how many
 * transfers may run at once, and the retransmission timeout and retry count (a client may ask for
 * another timeout with the RFC 2349 option).
 */
public record TftpConfig(String host, int port, Path root, int maxTransfers, Duration timeout, int retries) {
    public TftpConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TFTP port " + port + " is not 0-65535");
        }
        if (maxTransfers < 1) {
            throw new IllegalArgumentException("at least one transfer must be allowed, not " + maxTransfers);
        }
        if (timeout.isNegative() || timeout.isZero() || retries < 1) {
            throw new IllegalArgumentException("timeout " + timeout + " and retries " + retries + " must be positive");
        }
    }

    /** Loopback defaults for a root: a high port, 256 transfers, 1 s timeout, 5 retries. */
    public static TftpConfig of(Path root, String host, int port) {
        return new TftpConfig(host, port, root, 256, Duration.ofSeconds(1), 5);
    }
}
