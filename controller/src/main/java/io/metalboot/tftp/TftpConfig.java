package io.metalboot.tftp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the TFTP server needs, checked before any socket is bound.
 *
 * @param listen       address and port of the request socket (port 0 picks a free one, for tests)
 * @param root         the directory served, normally {@code DATA/tftpboot}; nothing outside it is ever read
 * @param maxTransfers transfers running at once; requests beyond it are dropped (clients retry) with one log line
 * @param timeout      wait for an acknowledgement before sending again (a client's RFC 2349 timeout overrides it)
 * @param retries      sends of the same packet without progress before the transfer is abandoned
 */
public record TftpConfig(InetSocketAddress listen, Path root, int maxTransfers, Duration timeout, int retries) {
    /** dnsmasq's default concurrent-transfer limit, which the seed's container ran with. */
    public static final int DEFAULT_MAX_TRANSFERS = 50;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    public static final int DEFAULT_RETRIES = 5;
    /** The high port used when no port is given; 69 only on request. */
    public static final int DEFAULT_PORT = 6969;

    public TftpConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(timeout, "timeout");
        if (listen.isUnresolved()) {
            throw new TftpException("TFTP listen address " + listen.getHostString() + " does not resolve;"
                    + " give an IP address such as 127.0.0.1 or 0.0.0.0");
        }
        if (!Files.isDirectory(root)) {
            throw new TftpException("TFTP root " + root + " is not a directory; create it and put the iPXE files"
                    + " (undionly.kpxe, ipxe.efi) there, or run metalboot tftp --data DIR to copy them");
        }
        if (maxTransfers < 1 || maxTransfers > 10_000) {
            throw new TftpException("TFTP max transfers " + maxTransfers + " is out of range (expected 1 to 10000)");
        }
        if (timeout.compareTo(Duration.ofMillis(10)) < 0 || timeout.compareTo(Duration.ofSeconds(255)) > 0) {
            throw new TftpException("TFTP timeout " + timeout.toMillis() + " ms is out of range (expected 10 ms to 255 s)");
        }
        if (retries < 1 || retries > 100) {
            throw new TftpException("TFTP retries " + retries + " is out of range (expected 1 to 100)");
        }
        root = root.toAbsolutePath().normalize();
    }

    /** The defaults: 50 transfers, 1 s timeout, 5 retries. */
    public static TftpConfig of(InetSocketAddress listen, Path root) {
        return new TftpConfig(listen, root, DEFAULT_MAX_TRANSFERS, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
    }

    /**
     * Parses {@code HOST:PORT}, {@code HOST} (port 6969) or {@code :PORT} (all addresses) as given on a
     * command line; {@code what} names the flag in the error message.
     */
    public static InetSocketAddress parseListen(String what, String value) {
        String host = value;
        int port = DEFAULT_PORT;
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            host = value.substring(0, colon);
            String digits = value.substring(colon + 1);
            if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) > 65535) {
                throw new TftpException(what + " '" + value + "': port '" + digits
                        + "' is not a number from 0 to 65535 (e.g. 127.0.0.1:6969)");
            }
            port = Integer.parseInt(digits);
        }
        if (host.isEmpty()) {
            host = "0.0.0.0";
        }
        if (!host.matches("[0-9.]+|[0-9A-Za-z.-]+|\\[[0-9A-Fa-f:.]+]")) {
            throw new TftpException(what + " '" + value + "': '" + host
                    + "' is not a host name or IP address (e.g. 127.0.0.1:6969, 0.0.0.0:69)");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host.replace("[", "").replace("]", "")), port);
        } catch (UnknownHostException e) {
            throw new TftpException(what + " '" + value + "': host '" + host + "' does not resolve"
                    + " (give an IP address such as 127.0.0.1)", e);
        }
    }
}
