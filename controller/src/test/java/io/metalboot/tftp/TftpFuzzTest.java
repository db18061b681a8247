package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random and mutated TFTP packets (fixed seed, bounded count) at a live server: it keeps serving a real client. */
class TftpFuzzTest {
    static final int PACKETS = 3_000;

    @TempDir
    Path root;

    @Test
    void mutatedPacketsLeaveTheServerServing() throws IOException, InterruptedException {
        byte[] file = new byte[5_000];
        new Random(1).nextBytes(file);
        Files.write(root.resolve("undionly.kpxe"), file);
        Random random = new Random(16);
        byte[][] seeds = {RawClient.request(1, "undionly.kpxe", "octet", Map.of("blksize", "1468", "tsize", "0", "windowsize", "16")),
            RawClient.request(1, "../undionly.kpxe", "netascii", Map.of("timeout", "255")), RawClient.request(2, "x", "octet", Map.of()),
            RawClient.ack(1), new byte[] {0, 5, 0, 1, 'e', 0}, new byte[] {0, 3, 0, 1, 1, 2, 3}};
        try (TestServer server = new TestServer(root, 50, Duration.ofMillis(200), 2);
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(RawClient.LOOPBACK, 0))) {
            InetSocketAddress to = new InetSocketAddress(RawClient.LOOPBACK, server.port());
            for (int i = 0; i < PACKETS; i++) {
                byte[] packet = mutate(seeds[random.nextInt(seeds.length)], random);
                socket.send(new DatagramPacket(packet, packet.length, to));
                if (i % 50 == 49) {
                    Thread.sleep(20); // paced, so the kernel's socket buffer does not simply drop most of them
                }
            }
            Thread.sleep(1_000); // let the server work through what is queued: a RawClient sends its request once
            try (RawClient client = new RawClient()) {
                assertArrayEquals(file, client.fetch(server.port(), "undionly.kpxe", Map.of("blksize", "1468")).content());
            }
        }
    }

    static byte[] mutate(byte[] seed, Random random) {
        if (random.nextInt(10) == 0) {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] out = java.util.Arrays.copyOf(seed, Math.max(1, seed.length + random.nextInt(9) - 4));
        for (int edits = random.nextInt(4); edits > 0; edits--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }
}
