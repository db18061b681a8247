package io.metalboot.boot.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A header-read timeout, which Helidon 4.2 lacks: a connection whose request line has arrived but
 * whose headers have not within {@code limit} is closed (its reader thread is interrupted; a virtual
 * thread blocked on a socket closes the socket). The request line itself is covered by the
 * listener's idle-connection timeout, which interrupts a connection waiting for one.
 */
final class HeaderDeadline implements Http1ConnectionListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HeaderDeadline.class.getName());
    private final Map<Thread, Long> reading = new ConcurrentHashMap<>();
    private final long limitNanos;
    private final Thread sweeper;

    HeaderDeadline(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.sweeper = Thread.ofPlatform().daemon(true).name("metalboot-header-deadline").start(this::sweep);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        reading.put(Thread.currentThread(), System.nanoTime());
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        reading.remove(Thread.currentThread());
    }

    private void sweep() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
                long now = System.nanoTime();
                reading.forEach((thread, since) -> {
                    if (now - since > limitNanos && reading.remove(thread, since)) {
                        LOG.log(Level.WARNING, "closing a connection whose request headers did not arrive within {0} s",
                                limitNanos / 1_000_000_000L);
                        thread.interrupt();
                    }
                });
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        sweeper.interrupt();
    }
}
