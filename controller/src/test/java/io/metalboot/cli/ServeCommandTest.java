package io.metalboot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve when it cannot listen: exit 1 with the reason, never a server without a port. */
class ServeCommandTest {
    @Test
    void aTakenPortIsAFailureNamingTheAddress(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("groups"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String at = "127.0.0.1:" + taken.getLocalPort();
            Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> Cli.run("serve", "--data", dir.toString(), "--http", at, "--tftp", "off"));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("cannot listen on " + at + " (port taken, address not on this machine, or a port below 1024"
                    + " without root); pick another with --http HOST:PORT"), r.err());
            assertTrue(!r.out().contains("serving"), r.out());
        }
    }
}
