package io.metalboot.router.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RouterTargetTest {
    @Test
    void defaults() {
        RouterTarget t = RouterTarget.of("192.168.1.1", "ubnt");
        assertEquals(new RouterTarget("192.168.1.1", 22, "ubnt", Optional.empty(),
                Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), false, Duration.ofSeconds(10),
                Duration.ofSeconds(60)), t);
        assertEquals("192.168.1.1:22", t.address());
        assertEquals("192.168.1.1", t.knownHostsName());
        assertEquals("[192.168.1.1]:2222", t.withPort(2222).knownHostsName());
        assertEquals("[fe80::1]:22", RouterTarget.of("fe80::1", "root").address());
    }

    record Invalid(String name, UnaryOperator<RouterTarget> change, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Invalid> invalid() {
        RouterTarget t = RouterTarget.of("router.lan", "root");
        return Stream.of(
                new Invalid("host with a space", x -> new RouterTarget("router lan", 22, "root", Optional.empty(),
                        t.knownHosts(), false, t.connectTimeout(), t.commandTimeout()),
                        "router host 'router lan' is not a host name or IP address (expected e.g. 192.168.1.1 or router.lan)"),
                new Invalid("port 0", x -> x.withPort(0), "router port 0 is not a TCP port (expected 1-65535, usually 22)"),
                new Invalid("port 65536", x -> x.withPort(65536),
                        "router port 65536 is not a TCP port (expected 1-65535, usually 22)"),
                new Invalid("user with @", x -> new RouterTarget("router.lan", 22, "root@router", Optional.empty(),
                        t.knownHosts(), false, t.connectTimeout(), t.commandTimeout()),
                        "router user 'root@router' is not a login name (expected letters, digits, '.', '_' or '-', e.g. ubnt or root)"),
                new Invalid("zero connect timeout", x -> x.withConnectTimeout(Duration.ZERO),
                        "connect timeout PT0S is out of range (expected more than 0 s and at most 24 h, e.g. 10s)"),
                new Invalid("negative command timeout", x -> x.withCommandTimeout(Duration.ofSeconds(-1)),
                        "command timeout PT-1S is out of range (expected more than 0 s and at most 24 h, e.g. 10s)"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesInvalidValuesSayingWhatIsExpected(Invalid c) {
        RouterTarget t = RouterTarget.of("router.lan", "root");
        assertEquals(c.message(), assertThrows(IllegalArgumentException.class, () -> c.change().apply(t)).getMessage());
    }

    @Test
    void summarizesScriptsByTheirFirstLine() {
        assertEquals("echo hi", RouterSession.summary("echo hi\n"));
        assertEquals("set -e …", RouterSession.summary("set -e\necho hi"));
        assertEquals("x".repeat(60) + " …", RouterSession.summary("x".repeat(70)));
    }

    @Test
    void legacySshRsaIsAddedPerSessionOnly() {
        assertEquals(false, RouterSession.hostKeyAlgorithms(false).contains("ssh-rsa,"));
        assertEquals(false, RouterSession.hostKeyAlgorithms(false).endsWith("ssh-rsa"));
        assertEquals(false, RouterSession.hostKeyAlgorithms(false).contains("cert-v01"));
        assertEquals(true, RouterSession.hostKeyAlgorithms(true).endsWith(",ssh-rsa"));
        assertEquals(true, RouterSession.userKeyAlgorithms(true).endsWith(",ssh-rsa"));
        assertEquals(false, com.jcraft.jsch.JSch.getConfig("server_host_key").contains("ssh-rsa,"), "the global default is untouched");
    }
}
