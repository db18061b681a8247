package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.tftp.RawClient.Fetched;
import io.metalboot.tftp.RawClient.Reply;
import io.metalboot.tftp.TransferEvent.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server on the wire, driven by a raw-packet client: negotiation, refusals, and a few wrong packets. */
class ProtocolTest {
    @TempDir
    static Path dir;
    static Path root;

    @BeforeAll
    static void files() throws IOException {
        root = Files.createDirectories(dir.resolve("tftpboot"));
        Files.writeString(dir.resolve("secret"), "outside the root");
        TestFiles.generate(root, "100k.bin", 100_000);
        TestFiles.generate(root, "1024.bin", 1024);
        TestFiles.generate(root, "empty.bin", 0);
        TestFiles.generate(root, "3blocks.bin", 1500);
    }

    record Negotiated(String name, String file, Map<String, String> options, String first, long dataPackets) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Negotiated> negotiations() {
        return Stream.of(
                new Negotiated("no options", "100k.bin", Map.of(), "DATA 1 (512 bytes)", 196),
                new Negotiated("blksize 1468", "100k.bin", Map.of("blksize", "1468"), "OACK {blksize=1468}", 69),
                new Negotiated("tsize 0", "100k.bin", Map.of("tsize", "0"), "OACK {tsize=100000}", 196),
                new Negotiated("blksize 8", "1024.bin", Map.of("blksize", "8"), "OACK {blksize=8}", 129),
                new Negotiated("windowsize 16, blksize 1024", "100k.bin", Map.of("windowsize", "16", "blksize", "1024"),
                        "OACK {blksize=1024, windowsize=16}", 98),
                new Negotiated("only unknown options: no OACK", "100k.bin", Map.of("multicast", "", "rollover", "0"),
                        "DATA 1 (512 bytes)", 196),
                new Negotiated("size a multiple of blksize ends with an empty block", "1024.bin", Map.of(),
                        "DATA 1 (512 bytes)", 3),
                new Negotiated("empty file: one empty block", "empty.bin", Map.of(), "DATA 1 (0 bytes)", 1),
                new Negotiated("empty file with tsize", "empty.bin", Map.of("tsize", "0"), "OACK {tsize=0}", 1));
    }

    @ParameterizedTest
    @MethodSource("negotiations")
    void negotiatesOnTheWire(Negotiated n) throws IOException {
        try (TestServer server = new TestServer(root); RawClient client = new RawClient()) {
            Fetched fetched = client.fetch(server.port(), n.file(), n.options());
            assertEquals(n.first(), fetched.first().toString());
            assertEquals(n.dataPackets(), fetched.dataPackets());
            assertArrayEquals(Files.readAllBytes(root.resolve(n.file())), fetched.content());
            TransferEvent event = server.nextEvent();
            assertEquals(Outcome.SENT, event.outcome());
            assertEquals(Files.size(root.resolve(n.file())), event.bytes());
            assertEquals(client.address(), event.client());
            assertEquals(Integer.parseInt(n.options().getOrDefault("blksize", "512")), event.blksize(), "the block size used");
            assertEquals(Integer.parseInt(n.options().getOrDefault("windowsize", "1")), event.windowsize(), "the window used");
        }
    }

    record Refusal(String name, byte[] request, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("write request", RawClient.request(2, "undionly.kpxe", "octet", Map.of()),
                        "ERROR 2 'this server is read-only; write requests are refused'"),
                new Refusal("unknown file", RawClient.request(1, "nope.efi", "octet", Map.of("tsize", "0")),
                        "ERROR 1 'file not found: nope.efi'"),
                new Refusal("parent directory", RawClient.request(1, "../secret", "octet", Map.of()),
                        "ERROR 2 'access violation: .. in file name ../secret'"),
                new Refusal("absolute path", RawClient.request(1, "/etc/passwd", "octet", Map.of()),
                        "ERROR 2 'access violation: absolute path /etc/passwd (ask for a name relative to the TFTP root)'"),
                new Refusal("over-long name", RawClient.request(1, "x".repeat(300), "octet", Map.of()),
                        "ERROR 2 'access violation: file name longer than 255 characters'"),
                new Refusal("mail mode", RawClient.request(1, "100k.bin", "mail", Map.of()),
                        "ERROR 4 'malformed request: Unrecognized TFTP transfer mode: mail'"),
                new Refusal("no mode", new byte[] {0, 1, 'a', 0}, "ERROR 4 'malformed request: Unrecognized TFTP transfer mode: '"),
                new Refusal("unknown opcode", new byte[] {0, 9, 0, 0}, "ERROR 4 'malformed request: Bad packet.  Invalid TFTP operator code.'"),
                new Refusal("too short", new byte[] {0, 1}, "ERROR 4 'malformed request: Bad packet. Datagram data length is too short.'"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refuses(Refusal r) {
        try (TestServer server = new TestServer(root); RawClient client = new RawClient()) {
            client.send(r.request(), new InetSocketAddress(RawClient.LOOPBACK, server.port()));
            assertEquals(r.error(), client.expect().toString());
        }
    }

    @Test
    void refusalsAreTransferEvents() {
        try (TestServer server = new TestServer(root); RawClient client = new RawClient()) {
            client.rrq(server.port(), "nope.efi", Map.of());
            client.expect();
            assertEquals(new TransferEvent(client.address(), "nope.efi", 0, Outcome.REFUSED, "file not found: nope.efi"),
                    server.nextEvent());
            client.send(RawClient.request(2, "up.bin", "octet", Map.of()), new InetSocketAddress(RawClient.LOOPBACK, server.port()));
            client.expect();
            assertEquals(new TransferEvent(client.address(), "up.bin", 0, Outcome.REFUSED,
                    "this server is read-only; write requests are refused"), server.nextEvent());
        }
    }

    @Test
    void netasciiTurnsLineEndsIntoCrLf() throws IOException {
        Files.writeString(root.resolve("boot.txt"), "#!ipxe\nchain boot.ipxe\rend");
        try (TestServer server = new TestServer(root); RawClient client = new RawClient()) {
            client.send(RawClient.request(1, "boot.txt", "netascii", Map.of("tsize", "0")),
                    new InetSocketAddress(RawClient.LOOPBACK, server.port()));
            Reply oack = client.expect();
            assertEquals("OACK {tsize=28}", oack.toString());
            client.send(RawClient.ack(0), oack.from());
            Reply data = client.expect();
            assertEquals("#!ipxe\r\nchain boot.ipxe\r\0end", new String(data.data(), StandardCharsets.US_ASCII));
            client.send(RawClient.ack(1), oack.from());
            assertEquals(Outcome.SENT, server.nextEvent().outcome());
        }
    }

    @Test
    void aClientErrorEndsTheTransfer() {
        try (TestServer server = new TestServer(root); RawClient client = new RawClient()) {
            client.rrq(server.port(), "100k.bin", Map.of("blksize", "1024"));
            Reply oack = client.expect();
            client.send(new byte[] {0, 5, 0, 8, 'n', 'o', 0}, oack.from());
            assertEquals(new TransferEvent(client.address(), "100k.bin", 0, Outcome.ABORTED_BY_CLIENT,
                    "client sent error 8: no", 1024, 1), server.nextEvent());
        }
    }
}
