package io.metalboot.boot.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells when nothing listens on the HTTP port any more. Helidon 4.2 ends its accept loop for good on
 * an I/O error (such as "too many open files") without stopping the server, so the process would
 * look alive with nobody listening. Every two seconds the kernel's socket table
 * ({@code /proc/self/net/tcp}, {@code tcp6}) is read; when it shows no listening socket on the port,
 * {@code stopped} completes. A table that cannot be read (no /proc, or no descriptor free) proves
 * nothing and is skipped.
 */
final class ListenerWatch {
    private static final System.Logger LOG = System.getLogger(ListenerWatch.class.getName());
    private static final String LISTEN = "0A";

    private ListenerWatch() {
    }

    static Thread start(int port, AtomicBoolean closing, CompletableFuture<Void> stopped) {
        return Thread.ofPlatform().daemon(true).name("metalboot-listener-watch").start(() -> {
            try {
                while (!closing.get()) {
                    Thread.sleep(2_000);
                    if (!closing.get() && listening(port).filter(l -> !l).isPresent()) {
                        LOG.log(Level.ERROR, "nothing listens on HTTP port {0} any more (see the error above); HTTP is not served",
                                Integer.toString(port));
                        stopped.complete(null);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    /** Whether a socket listens on {@code port}; empty when the socket table cannot be read. */
    static java.util.Optional<Boolean> listening(int port) {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        boolean readAny = false;
        for (String table : new String[] {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals(LISTEN)) {
                        return java.util.Optional.of(true);
                    }
                }
                readAny = true;
            } catch (IOException | RuntimeException e) {
                // unreadable now: proves nothing
            }
        }
        return readAny ? java.util.Optional.of(false) : java.util.Optional.empty();
    }
}
