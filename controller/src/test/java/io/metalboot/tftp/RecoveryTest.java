package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.tftp.RawClient.Fetched;
import io.metalboot.tftp.RawClient.Reply;
import io.metalboot.tftp.TransferEvent.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lost, repeated and foreign packets; the transfer limit; more than 65535 blocks. */
class RecoveryTest {
    private static final Duration LONG = Duration.ofSeconds(20);

    @TempDir
    static Path root;

    @BeforeAll
    static void files() {
        TestFiles.generate(root, "3blocks.bin", 1500);
        TestFiles.generate(root, "small.bin", 100);
        // 65536 full blocks and a partial one: block numbers 1..65535, 0, 1, 2 with blksize 512
        TestFiles.generate(root, "rollover.bin", 65536L * 512 + 1000);
    }

    @Test
    void aForeignTransferIdGetsError5AndChangesNothing() {
        try (TestServer server = new TestServer(root, 10, Duration.ofMillis(300), 5);
                RawClient client = new RawClient(); RawClient stranger = new RawClient()) {
            client.rrq(server.port(), "3blocks.bin", Map.of());
            Reply first = client.expect();
            assertEquals("DATA 1 (512 bytes)", first.toString());
            stranger.send(RawClient.ack(1), first.from());
            assertEquals("ERROR 5 'unknown transfer ID'", stranger.expect().toString());
            // the stranger's ACK 1 did not count: the server sends block 1 again when its timeout passes
            assertEquals("DATA 1 (512 bytes)", client.expect().toString());
            client.send(RawClient.ack(1), first.from());
            assertEquals("DATA 2 (512 bytes)", client.expect().toString());
            client.send(RawClient.ack(2), first.from());
            assertEquals("DATA 3 (476 bytes)", client.expect().toString());
            client.send(RawClient.ack(3), first.from());
            assertEquals(new TransferEvent(client.address(), "3blocks.bin", 1500, Outcome.SENT, "", 512, 1), server.nextEvent());
        }
    }

    @Test
    void duplicateAcksAreIgnored() {
        try (TestServer server = new TestServer(root, 10, LONG, 3); RawClient client = new RawClient(1_000)) {
            client.rrq(server.port(), "3blocks.bin", Map.of());
            Reply first = client.expect();
            for (int i = 0; i < 3; i++) {
                client.send(RawClient.ack(1), first.from());
            }
            assertEquals("DATA 2 (512 bytes)", client.expect().toString());
            // Sorcerer's Apprentice: the two extra ACK 1 must not make the server send block 2 again
            assertEquals("nothing", client.receive().map(Reply::toString).orElse("nothing"));
            client.send(RawClient.ack(2), first.from());
            client.send(RawClient.ack(1), first.from());
            assertEquals("DATA 3 (476 bytes)", client.expect().toString());
            assertEquals("nothing", client.receive().map(Reply::toString).orElse("nothing"));
            client.send(RawClient.ack(3), first.from());
            assertEquals(Outcome.SENT, server.nextEvent().outcome());
        }
    }

    @Test
    void anUnacknowledgedBlockIsSentAgainAndTheRetriesAreBounded() {
        try (TestServer server = new TestServer(root, 10, Duration.ofMillis(100), 2); RawClient client = new RawClient()) {
            client.rrq(server.port(), "3blocks.bin", Map.of("blksize", "1024"));
            List<String> seen = Stream.generate(client::expect).limit(4).map(Reply::toString).toList();
            assertEquals(List.of("OACK {blksize=1024}", "OACK {blksize=1024}", "OACK {blksize=1024}",
                    "ERROR 0 'timed out waiting for acknowledgement'"), seen);
            assertEquals(new TransferEvent(client.address(), "3blocks.bin", 0, Outcome.TIMED_OUT,
                    "no acknowledgement of the options", 1024, 1), server.nextEvent());
        }
    }

    @Test
    void aLostAckInTheMiddleIsRecoveredFrom() {
        try (TestServer server = new TestServer(root, 10, Duration.ofMillis(100), 2); RawClient client = new RawClient()) {
            client.rrq(server.port(), "3blocks.bin", Map.of());
            Reply first = client.expect();
            client.send(RawClient.ack(1), first.from());
            assertEquals("DATA 2 (512 bytes)", client.expect().toString());
            assertEquals("DATA 2 (512 bytes)", client.expect().toString());
            assertEquals("DATA 2 (512 bytes)", client.expect().toString());
            assertEquals("ERROR 0 'timed out waiting for acknowledgement'", client.expect().toString());
            assertEquals(new TransferEvent(client.address(), "3blocks.bin", 512, Outcome.TIMED_OUT,
                    "no acknowledgement after 2 retries", 512, 1), server.nextEvent());
        }
    }

    @Test
    void aRepeatedRequestFromTheSamePortDoesNotStartASecondTransfer() {
        try (TestServer server = new TestServer(root, 10, LONG, 3); RawClient client = new RawClient(1_000)) {
            client.rrq(server.port(), "3blocks.bin", Map.of());
            Reply first = client.expect();
            client.rrq(server.port(), "3blocks.bin", Map.of());
            assertEquals("nothing", client.receive().map(Reply::toString).orElse("nothing"));
            client.send(RawClient.ack(1), first.from());
            assertEquals("DATA 2 (512 bytes)", client.expect().toString());
        }
    }

    @Test
    void theTransferLimitDropsRequestsWithOneLogLine() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().startsWith("tftp limit")) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.metalboot.tftp");
        logger.addHandler(capture);
        try (TestServer server = new TestServer(root, 1, LONG, 3); RawClient holder = new RawClient();
                RawClient waiting = new RawClient(500)) {
            holder.rrq(server.port(), "small.bin", Map.of());
            Reply data = holder.expect();
            for (int i = 0; i < 3; i++) {
                waiting.rrq(server.port(), "small.bin", Map.of());
                assertEquals("nothing", waiting.receive().map(Reply::toString).orElse("nothing"));
            }
            holder.send(RawClient.ack(1), data.from());
            assertEquals(Outcome.SENT, server.nextEvent().outcome());
            Fetched later = waiting.fetch(server.port(), "small.bin", Map.of());
            assertEquals(100, later.content().length);
            assertEquals(List.of("tftp limit reached: 1 transfers running; new requests are dropped until one ends"
                    + " (clients retry); raise the transfer limit if this happens during normal boots"), lines);
        } finally {
            logger.removeHandler(capture);
        }
    }

    static Stream<Map<String, String>> rolloverOptions() {
        return Stream.of(Map.of(), Map.of("windowsize", "16"));
    }

    @ParameterizedTest
    @MethodSource("rolloverOptions")
    void moreThan65535BlocksRollOverToZero(Map<String, String> options) throws IOException {
        Path file = root.resolve("rollover.bin");
        assertTrue(Files.size(file) > 65535L * 512);
        try (TestServer server = new TestServer(root); RawClient client = new RawClient()) {
            Fetched fetched = client.fetch(server.port(), "rollover.bin", options);
            assertEquals(65538, fetched.dataPackets());
            assertEquals(TestFiles.sha256(file), TestFiles.sha256(fetched.content()));
            assertEquals(new TransferEvent(client.address(), "rollover.bin", Files.size(file), Outcome.SENT, "", 512,
                    Integer.parseInt(options.getOrDefault("windowsize", "1"))), server.nextEvent());
        }
    }
}
