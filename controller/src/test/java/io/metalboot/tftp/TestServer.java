package io.metalboot.tftp;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link TftpServer} on 127.0.0.1, a free port and {@code root}, recording every transfer event. */
final class TestServer implements AutoCloseable {
    final TftpServer server;
    private final LinkedBlockingQueue<TransferEvent> events = new LinkedBlockingQueue<>();

    TestServer(Path root, int maxTransfers, Duration timeout, int retries) {
        server = TftpServer.start(new TftpConfig(new InetSocketAddress(RawClient.LOOPBACK, 0), root, maxTransfers,
                timeout, retries), events::add);
    }

    TestServer(Path root) {
        this(root, 10, Duration.ofMillis(500), 3);
    }

    int port() {
        return server.port();
    }

    /** The next transfer event; fails after 30 s without one. */
    TransferEvent nextEvent() {
        try {
            TransferEvent event = events.poll(30, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no transfer event within 30 s");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
