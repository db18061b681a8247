package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.router.RequiredTool;
import io.metalboot.tftp.TransferEvent.Outcome;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a real client in its own network namespace fetches 5 MB over a veth link that loses 10 %
 * of the packets and delays them by 20 ms ({@code tc netem}), and gets every byte. Needs root and
 * iproute2; the namespace is removed afterwards, also when the test fails.
 */
class LossyNetworkTest {
    private static final long SIZE = 5L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void fiveMegabytesArriveIntactThroughLossAndDelay() throws Exception {
        RequiredTool tc = RequiredTool.find("tc", "iproute2");
        RequiredTool atftp = RequiredTool.find("atftp", "atftp");
        Path root = Files.createDirectories(dir.resolve("tftpboot"));
        Path file = TestFiles.generate(root, "5mb.bin", SIZE);
        Path out = dir.resolve("received.bin");
        try (Netns ns = Netns.create()) {
            impair(ns, tc);
            LinkedBlockingQueue<TransferEvent> events = new LinkedBlockingQueue<>();
            TftpConfig config = new TftpConfig(new InetSocketAddress(InetAddress.getByName(ns.hostAddress), 0), root, 4,
                    Duration.ofMillis(200), 30);
            try (TftpServer server = TftpServer.start(config, events::add)) {
                // windowsize: with one block per round trip, 20 ms each, 5 MB would take minutes
                RequiredTool.Run run = ns.exec(Duration.ofMinutes(5), atftp.path().toString(), "--option",
                        "windowsize 16", "--option", "blksize 1468", "-g", "-r", "5mb.bin", "-l", out.toString(),
                        ns.hostAddress, Integer.toString(server.port()));
                assertEquals(0, run.exitCode(), run.output());
                assertEquals(TestFiles.sha256(file), TestFiles.sha256(out));
                TransferEvent event = events.poll(30, TimeUnit.SECONDS);
                assertEquals(new TransferEvent(event.client(), "5mb.bin", SIZE, Outcome.SENT, "", 1468, 16), event);
                assertEquals(ns.nsAddress, event.client().getAddress().getHostAddress());
            }
        }
    }

    /**
     * 10 % loss and 20 ms delay on the server's side of the link with netem. A kernel built without
     * sch_netem gets the loss from nftables inside the namespace instead (no delay), said on stdout.
     */
    private static void impair(Netns ns, RequiredTool tc) {
        RequiredTool.Run netem = tc.run("qdisc", "add", "dev", ns.hostIf, "root", "netem", "loss", "10%", "delay", "20ms");
        if (netem.exitCode() == 0) {
            return;
        }
        if (!netem.output().contains("qdisc kind is unknown")) {
            throw new AssertionError("tc qdisc add … netem failed: " + netem.output());
        }
        RequiredTool nft = RequiredTool.find("nft", "nftables");
        System.out.println("NOTE: this kernel has no sch_netem (tc said: " + netem.output().strip() + "); dropping 10 %"
                + " of the UDP packets entering the namespace with nftables instead, without the 20 ms delay");
        String[][] commands = {{"add", "table", "inet", "lossy"},
                {"add", "chain", "inet", "lossy", "in", "{ type filter hook input priority 0; policy accept; }"},
                {"add", "rule", "inet", "lossy", "in", "meta", "l4proto", "udp", "numgen", "random", "mod", "10", "0", "drop"}};
        for (String[] command : commands) {
            String[] all = new String[command.length + 1];
            all[0] = nft.path().toString();
            System.arraycopy(command, 0, all, 1, command.length);
            RequiredTool.Run run = ns.exec(Duration.ofSeconds(20), all);
            assertEquals(0, run.exitCode(), "nft " + String.join(" ", command) + ": " + run.output());
        }
    }
}
