package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The protocol from a raw UDP client: option negotiation, refusals, foreign TIDs, duplicate ACKs, rollover. */
class ProtocolTest {
    @TempDir
    static Path dir;
    static TftpServer server;
    static byte[] small = new byte[1300];

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(dir.resolve("tftpboot"));
        new Random(1).nextBytes(small);
        Files.write(root.resolve("small.bin"), small);
        Files.writeString(dir.resolve("secret"), "no");
        Files.createSymbolicLink(root.resolve("escape"), dir.resolve("secret"));
        Files.createDirectories(root.resolve("sub"));
        server = TftpServer.start(new TftpConfig("127.0.0.1", 0, root, 8, java.time.Duration.ofMillis(300), 3), (c, f, b, o) -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] request(int opcode, String file, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(opcode);
        out.writeBytes(file.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeBytes("octet".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        options.forEach((k, v) -> {
            out.writeBytes(k.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(v.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        });
        return out.toByteArray();
    }

    static DatagramPacket exchange(DatagramSocket s, byte[] packet, InetSocketAddress to) throws Exception {
        s.send(new DatagramPacket(packet, packet.length, to));
        DatagramPacket p = new DatagramPacket(new byte[70000], 70000);
        s.setSoTimeout(5000);
        s.receive(p);
        return p;
    }

    static InetSocketAddress server() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    static int opcode(DatagramPacket p) {
        return p.getData()[1];
    }

    static int number(DatagramPacket p) {
        return ((p.getData()[2] & 0xff) << 8) | (p.getData()[3] & 0xff);
    }

    static String text(DatagramPacket p) {
        return new String(p.getData(), 4, p.getLength() - 5, StandardCharsets.US_ASCII);
    }

    record Refusal(int opcode, String file, int code, String message) {
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal(2, "small.bin", 2, "Access violation: this server is read-only"),
                new Refusal(1, "missing.bin", 1, "File not found"),
                new Refusal(1, "sub", 1, "File not found"),
                new Refusal(1, "../secret", 2, "Access violation: outside the served directory"),
                new Refusal(1, "sub/../../secret", 2, "Access violation: outside the served directory"),
                new Refusal(1, "/etc/passwd", 2, "Access violation: absolute names are not served"),
                new Refusal(1, "escape", 2, "Access violation: outside the served directory"),
                new Refusal(1, "a".repeat(256), 2, "Access violation: file names are 1-255 characters"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refuses(Refusal r) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            DatagramPacket p = exchange(s, request(r.opcode(), r.file(), Map.of()), server());
            assertEquals(5, opcode(p));
            assertEquals(r.code(), number(p));
            assertEquals(r.message(), text(p));
        }
    }

    record Negotiation(Map<String, String> asked, String oack) {
    }

    static Stream<Negotiation> negotiations() {
        return Stream.of(
                new Negotiation(Map.of("blksize", "1468"), "blksize=1468"),
                new Negotiation(Map.of("blksize", "70000"), "blksize=65464"),
                new Negotiation(Map.of("blksize", "7"), ""),
                new Negotiation(Map.of("tsize", "0"), "tsize=1300"),
                new Negotiation(Map.of("timeout", "0"), ""),
                new Negotiation(Map.of("timeout", "3"), "timeout=3"),
                new Negotiation(Map.of("windowsize", "4"), "windowsize=4"),
                new Negotiation(Map.of("multicast", "1"), ""),
                new Negotiation(Map.of("BLKSIZE", "abc"), ""));
    }

    /** Only what was asked, with valid values, comes back; nothing asked (or nothing valid) means DATA 1 at once. */
    @ParameterizedTest
    @MethodSource("negotiations")
    void negotiates(Negotiation n) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            DatagramPacket p = exchange(s, request(1, "small.bin", n.asked()), server());
            if (n.oack().isEmpty()) {
                assertEquals(3, opcode(p), "DATA without OACK");
                assertEquals(1, number(p));
            } else {
                assertEquals(6, opcode(p));
                String[] parts = new String(p.getData(), 2, p.getLength() - 3, StandardCharsets.US_ASCII).split("\0");
                assertEquals(n.oack(), parts[0] + "=" + parts[1]);
            }
            byte[] err = {0, 5, 0, 0, 'b', 'y', 'e', 0};
            s.send(new DatagramPacket(err, err.length, p.getAddress(), p.getPort()));
        }
    }

    @Test
    void aForeignTidGetsErrorFiveAndDuplicateAcksAreIgnored() throws Exception {
        try (DatagramSocket s = new DatagramSocket(); DatagramSocket stranger = new DatagramSocket()) {
            DatagramPacket first = exchange(s, request(1, "small.bin", Map.of()), server());
            InetSocketAddress tid = new InetSocketAddress(first.getAddress(), first.getPort());
            DatagramPacket err = exchange(stranger, new byte[] {0, 4, 0, 1}, tid);
            assertEquals(5, opcode(err));
            assertEquals(5, number(err));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            got.write(first.getData(), 4, first.getLength() - 4);
            DatagramPacket second = exchange(s, new byte[] {0, 4, 0, 1}, tid);
            assertEquals(2, number(second));
            got.write(second.getData(), 4, second.getLength() - 4);
            s.send(new DatagramPacket(new byte[] {0, 4, 0, 1}, 4, tid)); // a duplicate ACK 1: must not resend block 2 twice
            DatagramPacket third = exchange(s, new byte[] {0, 4, 0, 2}, tid);
            assertEquals(3, number(third));
            got.write(third.getData(), 4, third.getLength() - 4);
            s.send(new DatagramPacket(new byte[] {0, 4, 0, 3}, 4, tid));
            assertArrayEquals(small, got.toByteArray());
            s.setSoTimeout(700);
            DatagramPacket extra = new DatagramPacket(new byte[600], 600);
            assertEquals("no more packets", assertNoPacket(s, extra));
        }
    }

    static String assertNoPacket(DatagramSocket s, DatagramPacket p) throws Exception {
        try {
            s.receive(p);
            return "got opcode " + opcode(p) + " block " + number(p);
        } catch (java.net.SocketTimeoutException e) {
            return "no more packets";
        }
    }

    @Test
    void blockNumbersRollOverPast65535() throws Exception {
        byte[] big = new byte[65536 * 512 + 700];
        new Random(2).nextBytes(big);
        Files.write(dir.resolve("tftpboot/big.bin"), big);
        try (DatagramSocket s = new DatagramSocket()) {
            Map<String, String> opts = new LinkedHashMap<>();
            opts.put("windowsize", "64");
            DatagramPacket p = exchange(s, request(1, "big.bin", opts), server());
            assertEquals(6, opcode(p));
            InetSocketAddress tid = new InetSocketAddress(p.getAddress(), p.getPort());
            s.send(new DatagramPacket(new byte[] {0, 4, 0, 0}, 4, tid));
            ByteArrayOutputStream got = new ByteArrayOutputStream(big.length);
            int expected = 1;
            boolean last = false;
            int inWindow = 0;
            s.setSoTimeout(5000);
            while (!last) {
                DatagramPacket d = new DatagramPacket(new byte[600], 600);
                s.receive(d);
                if (opcode(d) != 3 || number(d) != (expected & 0xffff)) {
                    continue; // a resend after a timeout; the window restarts at what we ACKed
                }
                got.write(d.getData(), 4, d.getLength() - 4);
                last = d.getLength() - 4 < 512;
                inWindow++;
                if (last || inWindow == 64) {
                    s.send(new DatagramPacket(new byte[] {0, 4, (byte) (expected >> 8), (byte) expected}, 4, tid));
                    inWindow = 0;
                }
                expected++;
            }
            assertEquals(65538, expected - 1, "blocks, the last numbered " + ((expected - 1) & 0xffff) + " after the rollover");
            assertArrayEquals(big, got.toByteArray());
        }
    }
}
