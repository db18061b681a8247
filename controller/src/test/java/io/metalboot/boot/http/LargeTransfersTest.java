package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.Progress;
import io.metalboot.boot.store.FileStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many large downloads at once, as a rack of machines fetching an initrd: fast clients (two downloads on one keep-alive
 * connection, so a body one byte off its Content-Length shows up as a broken second answer), slow clients that stall
 * and resume, clients that hang up mid-body (a close, or a reset), and tail ranges. Helidon 4.4 was reported to stall
 * such transfers for good (helidon-io/helidon#11340, with a Content-Length, 10-100 MB files); here every transfer must
 * end, whole and byte for byte, or be closed by the client that chose to, and none may wait on the server longer than
 * its bound (a hang detector, not a speed target). Afterwards the server still serves the file whole.
 */
class LargeTransfersTest {
    private static final int SIZE = 16 * 1024 * 1024 + 4321;
    /** No byte for this long means the transfer hangs. */
    private static final int STALL_MS = 30_000;

    @TempDir
    Path dir;

    private enum Kind { FAST, SLOW, CLOSE, RESET, RANGE }

    @Test
    void everyTransferEndsWholeOrClosedAndNoneHangs() throws Exception {
        Files.createDirectories(dir.resolve("assets"));
        Files.createDirectories(dir.resolve("profiles"));
        byte[] body = new byte[SIZE];
        new Random(11).nextBytes(body);
        Files.write(dir.resolve("assets/initrd.img"), body);
        long whole = crc(body, 0, SIZE);
        int tail = SIZE - 3 * 1024 * 1024;
        long tailCrc = crc(body, tail, SIZE - tail);
        List<Kind> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.addAll(List.of(Kind.FAST, Kind.CLOSE, Kind.RESET));
        }
        for (int i = 0; i < 3; i++) {
            clients.addAll(List.of(Kind.SLOW, Kind.RANGE));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (FileStore data = new FileStore(dir);
                BootServer server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()))) {
            int port = server.port();
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; i < clients.size(); i++) {
                Kind kind = clients.get(i);
                long seed = i;
                pool.execute(() -> {
                    try {
                        String failed = run(port, kind, new Random(seed), whole, tail, tailCrc);
                        if (failed != null) {
                            failures.add(kind + ": " + failed);
                        }
                    } catch (SocketTimeoutException e) {
                        failures.add(kind + ": hangs, no byte for " + STALL_MS + " ms");
                    } catch (IOException | RuntimeException e) {
                        failures.add(kind + ": " + e);
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "transfers still running after 10 minutes: " + failures);
            assertEquals(List.of(), List.copyOf(failures));
            assertEquals(null, run(port, Kind.FAST, new Random(0), whole, tail, tailCrc), "the server serves the file whole after it all");
        }
    }

    /** One client's transfers; null when they went as they should, else what went wrong. */
    private static String run(int port, Kind kind, Random random, long whole, int tail, long tailCrc) throws IOException {
        try (Socket s = new Socket()) {
            if (kind == Kind.SLOW) {
                s.setReceiveBufferSize(16 * 1024); // a full window soon, so the server's writes block
            }
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(STALL_MS);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            String range = kind == Kind.RANGE ? "Range: bytes=" + tail + "-\r\n" : "";
            int requests = kind == Kind.FAST ? 2 : 1;
            for (int r = 0; r < requests; r++) {
                out.write(("GET /assets/initrd.img HTTP/1.1\r\nHost: boot\r\n" + range + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String status = line(in);
                long length = -1;
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    if (h.toLowerCase().startsWith("content-length:")) {
                        length = Long.parseLong(h.substring(15).strip());
                    }
                }
                int expectedStatus = kind == Kind.RANGE ? 206 : 200;
                long expectedLength = kind == Kind.RANGE ? SIZE - tail : SIZE;
                if (!status.startsWith("HTTP/1.1 " + expectedStatus) || length != expectedLength) {
                    return "answer " + status + " with Content-Length " + length + ", expected " + expectedStatus + " and " + expectedLength;
                }
                switch (kind) {
                    case CLOSE, RESET -> {
                        in.skipNBytes(random.nextInt((int) length)); // read part of the body, then hang up
                        if (kind == Kind.RESET) {
                            s.setSoLinger(true, 0);
                        }
                        return null;
                    }
                    default -> {
                    }
                }
                CRC32 crc = new CRC32();
                byte[] buffer = new byte[32 * 1024];
                long left = length;
                int pauses = 0;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        return "the server closed the connection with " + left + " of " + length + " bytes unsent";
                    }
                    crc.update(buffer, 0, n);
                    left -= n;
                    if (kind == Kind.SLOW && pauses < 8 && random.nextInt(64) == 0) {
                        pauses++;
                        sleep(250 + random.nextInt(750)); // stall with the window full, then resume
                    }
                }
                long expectedCrc = kind == Kind.RANGE ? tailCrc : whole;
                if (crc.getValue() != expectedCrc) {
                    return "the body differs from the file (request " + (r + 1) + ")";
                }
            }
            return null;
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long crc(byte[] b, int from, int length) {
        CRC32 c = new CRC32();
        c.update(b, from, length);
        return c.getValue();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection after: " + b);
            }
            if (c != '\r' && b.length() < 8192) {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
