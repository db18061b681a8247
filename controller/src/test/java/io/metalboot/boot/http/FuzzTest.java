package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated request lines and headers (a fixed seed, a bounded count) against the live
 * server: never a 500, every connection answered or closed, the server healthy after, its heap flat.
 */
class FuzzTest {
    static final int REQUESTS = 3_000;
    static final List<String> SEEDS = List.of(
            "GET /ipxe?mac=b8:ae:ed:7a:b6:92&uuid=1 HTTP/1.1\r\nHost: x\r\n",
            "GET /ignition?mac=b8-ae-ed-7a-b6-92&os=installed HTTP/1.1\r\nHost: x\r\n",
            "GET /assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz HTTP/1.1\r\nHost: x\r\nRange: bytes=0-3\r\n",
            "HEAD /assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"a\", W/\"b\"\r\n",
            "GET /assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz HTTP/1.1\r\nHost: x\r\nRange: bytes=1-2\r\nIf-Range: Mon, 7 Dec 2026 23:03:34 GMT\r\n",
            "GET /metadata?mac=b8:ae:ed:7a:b6:92 HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n",
            "GET /boot.ipxe HTTP/1.1\r\nHost: x\r\n", "GET /status HTTP/1.1\r\nHost: x\r\n", "GET /metrics HTTP/1.1\r\nHost: x\r\n");
    static final String[] SPICE = {"%", "%0", "%00", "%2f", "%2e%2e/", "../", "/.", "//", ".part", "\u0000", "\t", "\r", "\n", " ",
        "\"", "{", "}", "'", "~", "?", "&", "=", "#", ";", ",", "-", "99999999999999999999999", "-0", "W/", "*", "\u00ff", "é"};

    @Test
    void mutatedRequestsNeverGetA500NorHangTheServer() throws Exception {
        Random random = new Random(16);
        try (FileStore data = new FileStore(SeedDataTest.SEED);
                BootServer server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()))) {
            send(server.port(), SEEDS.get(0).getBytes(StandardCharsets.ISO_8859_1)); // warm up before measuring
            long before = usedHeapAfterGc();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
                String outcome = send(server.port(), request);
                outcomes.merge(outcome, 1, Integer::sum);
                assertTrue(!outcome.startsWith("5"), "request " + i + " got " + outcome + ": "
                        + new String(request, StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n"));
            }
            assertEquals("200", send(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)));
            long growth = usedHeapAfterGc() - before;
            assertTrue(growth < 32L << 20, "heap grew by " + (growth >> 20) + " MB over " + REQUESTS + " requests: " + outcomes);
            System.out.println("fuzz outcomes: " + outcomes);
        }
    }

    /** A seed with 1 to 4 random edits: a spice inserted, a byte flipped, a part cut, a random header added. */
    static byte[] mutate(String seed, Random random) {
        StringBuilder s = new StringBuilder(seed);
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.insert(at, SPICE[random.nextInt(SPICE.length)]);
                case 1 -> s.setCharAt(at, (char) random.nextInt(256));
                case 2 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(8)));
                case 3 -> s.append(randomHeader(random));
                default -> s.insert(at, String.valueOf(SPICE[random.nextInt(SPICE.length)]).repeat(1 + random.nextInt(200)));
            }
        }
        return (s + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static String randomHeader(Random random) {
        String[] names = {"Range", "If-Range", "If-None-Match", "If-Match", "If-Modified-Since", "If-Unmodified-Since", "Host",
            "Content-Length", "Transfer-Encoding", "Connection", "X-" + random.nextInt(1000)};
        StringBuilder value = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
            value.append(random.nextBoolean() ? SPICE[random.nextInt(SPICE.length)] : (char) (0x20 + random.nextInt(0x5f)));
        }
        return names[random.nextInt(names.length)] + ": " + value + "\r\n";
    }

    /** The status code, or "closed" when the server closed without one; fails on a hang (30 s without a byte). */
    static String send(int port, byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request);
            s.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c >= 0 && c != '\n' && line.size() < 200; c = in.read()) {
                line.write(c);
            }
            String status = line.toString(StandardCharsets.ISO_8859_1);
            return status.startsWith("HTTP/1.1 ") && status.length() >= 12 ? status.substring(9, 12) : "closed";
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed within 30 s: "
                    + new String(request, StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n"), e);
        } catch (java.net.SocketException e) {
            return "reset";
        }
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
