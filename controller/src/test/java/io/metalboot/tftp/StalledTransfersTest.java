package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.metalboot.router.RequiredTool;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 read requests that never acknowledge, from 50 addresses (127.0.0.2 to .51, as spoofed packets
 * would come), asking for the longest timeout: none is granted 255 s, and a machine of the inventory
 * (127.0.0.1) still gets undionly.kpxe with the real curl while they are open.
 */
class StalledTransfersTest {
    @TempDir
    Path root;

    @Test
    void aKnownMachineStillBootsWhileFiftyTransfersStall() throws Exception {
        RequiredTool curl = RequiredTool.find("curl", "curl");
        byte[] undionly = new byte[70_000];
        new Random(3).nextBytes(undionly);
        Files.write(root.resolve("undionly.kpxe"), undionly);
        // 3 s between resends: the stalled transfers hold their slots until the stall limit (15 s) ends them
        TftpConfig config = new TftpConfig(new InetSocketAddress(RawClient.LOOPBACK, 0), root, TftpConfig.DEFAULT_MAX_TRANSFERS,
                java.time.Duration.ofSeconds(3), TftpConfig.DEFAULT_RETRIES);
        List<DatagramSocket> stalled = new ArrayList<>();
        try (TftpServer server = TftpServer.start(config, e -> { }, Set.of(InetAddress.getByName("127.0.0.1")))) {
            byte[] rrq = RawClient.request(1, "undionly.kpxe", "octet", Map.of("timeout", "255", "blksize", "1468"));
            for (int i = 2; i <= 51; i++) {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0." + i), 0));
                stalled.add(s);
                s.send(new DatagramPacket(rrq, rrq.length, new InetSocketAddress(RawClient.LOOPBACK, server.port())));
            }
            int answered = 0;
            for (DatagramSocket s : stalled) {
                s.setSoTimeout(1_000);
                byte[] buffer = new byte[2048];
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    s.receive(reply);
                } catch (SocketTimeoutException e) {
                    continue; // dropped: the slots for unknown addresses are taken
                }
                answered++;
                String oack = new String(buffer, 2, reply.getLength() - 2, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertEquals(6, buffer[1], "an OACK");
                assertFalse(oack.contains("timeout"), "timeout=255 is not granted: " + oack);
            }
            assertEquals(TftpConfig.DEFAULT_MAX_TRANSFERS - TftpServer.reserved(TftpConfig.DEFAULT_MAX_TRANSFERS), answered);
            Path got = root.resolve("got.kpxe");
            RequiredTool.Run run = curl.run("-sS", "--max-time", "60", "-o", got.toString(),
                    "tftp://127.0.0.1:" + server.port() + "/undionly.kpxe");
            assertEquals(0, run.exitCode(), run.output());
            assertArrayEquals(undionly, Files.readAllBytes(got));
        } finally {
            for (DatagramSocket s : stalled) {
                s.close();
            }
        }
    }
}
