package io.metalboot.boot.http;

import java.lang.management.ManagementFactory;

/**
 * How many connections the HTTP listener takes at once: below the process's file-descriptor limit,
 * so that accepting never fails with "too many open files" (which ends Helidon's accept loop for
 * good). Each connection may hold a socket and an open asset; the rest of the process (jars, TFTP
 * transfers, the data dir watch) keeps a reserve. Connections beyond the cap wait in the kernel's
 * accept queue until one closes.
 */
final class Limits {
    static final int MAX_CONNECTIONS = 10_000;
    /** Descriptors left for everything but HTTP connections: TFTP's 50 transfers (socket and file each) and some. */
    static final int RESERVE = 160;

    private Limits() {
    }

    static int maxConnections() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            return maxConnections(os.getMaxFileDescriptorCount(), os.getOpenFileDescriptorCount());
        }
        return MAX_CONNECTIONS;
    }

    /** Half of what the limit leaves after the descriptors open now and the reserve; at least 8, at most 10,000. */
    static int maxConnections(long limit, long open) {
        long free = limit - open - RESERVE;
        return (int) Math.max(8, Math.min(MAX_CONNECTIONS, free / 2));
    }
}
