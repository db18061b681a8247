package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TftpConfigTest {
    @TempDir
    static Path root;

    record Listen(String value, String expected) {
        @Override
        public String toString() {
            return value;
        }
    }

    static Stream<Listen> listens() {
        return Stream.of(
                new Listen("127.0.0.1:6969", "127.0.0.1:6969"),
                new Listen("0.0.0.0:69", "0.0.0.0:69"),
                new Listen("127.0.0.1", "127.0.0.1:6969"),
                new Listen(":7000", "0.0.0.0:7000"),
                new Listen("127.0.0.1:0", "127.0.0.1:0"),
                new Listen("[::1]:6969", "0:0:0:0:0:0:0:1:6969"),
                new Listen("127.0.0.1:65536", "--listen '127.0.0.1:65536': port '65536' is not a number from 0 to 65535 (e.g. 127.0.0.1:6969)"),
                new Listen("127.0.0.1:tftp", "--listen '127.0.0.1:tftp': port 'tftp' is not a number from 0 to 65535 (e.g. 127.0.0.1:6969)"),
                new Listen("127.0.0.1:", "--listen '127.0.0.1:': port '' is not a number from 0 to 65535 (e.g. 127.0.0.1:6969)"),
                new Listen("a b:69", "--listen 'a b:69': 'a b' is not a host name or IP address (e.g. 127.0.0.1:6969, 0.0.0.0:69)"));
    }

    @ParameterizedTest
    @MethodSource("listens")
    void parsesListen(Listen l) {
        String actual;
        try {
            InetSocketAddress a = TftpConfig.parseListen("--listen", l.value());
            actual = a.getAddress().getHostAddress() + ":" + a.getPort();
        } catch (TftpException e) {
            actual = e.getMessage();
        }
        assertEquals(l.expected(), actual);
    }

    record Bad(String name, int maxTransfers, Duration timeout, int retries, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad("no transfers", 0, Duration.ofSeconds(1), 5, "TFTP max transfers 0 is out of range (expected 1 to 10000)"),
                new Bad("timeout too short", 50, Duration.ofMillis(5), 5, "TFTP timeout 5 ms is out of range (expected 10 ms to 255 s)"),
                new Bad("timeout too long", 50, Duration.ofSeconds(256), 5, "TFTP timeout 256000 ms is out of range (expected 10 ms to 255 s)"),
                new Bad("no retries", 50, Duration.ofSeconds(1), 0, "TFTP retries 0 is out of range (expected 1 to 100)"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void refusesBadValuesBeforeBinding(Bad b) {
        TftpException e = assertThrows(TftpException.class, () -> new TftpConfig(
                new InetSocketAddress("127.0.0.1", 0), root, b.maxTransfers(), b.timeout(), b.retries()));
        assertEquals(b.message(), e.getMessage());
    }

    @Test
    void theRootMustBeADirectory() {
        Path missing = root.resolve("data/tftpboot");
        TftpException e = assertThrows(TftpException.class,
                () -> TftpConfig.of(new InetSocketAddress("127.0.0.1", 0), missing));
        assertEquals("TFTP root " + missing + " is not a directory; create it and put the iPXE files (undionly.kpxe,"
                + " ipxe.efi) there, or run metalboot tftp --data DIR to copy them", e.getMessage());
    }

    @Test
    void aTakenPortIsAClearError() {
        try (TftpServer first = TftpServer.start(TftpConfig.of(new InetSocketAddress("127.0.0.1", 0), root), TransferListener.NONE)) {
            TftpException e = assertThrows(TftpException.class, () -> TftpServer.start(
                    TftpConfig.of(first.address(), root), TransferListener.NONE));
            assertEquals("cannot listen for TFTP on 127.0.0.1:" + first.port() + ": the port is in use (another TFTP server?)"
                    + " or the address is not on this machine; pick another --listen HOST:PORT", e.getMessage());
        }
    }
}
