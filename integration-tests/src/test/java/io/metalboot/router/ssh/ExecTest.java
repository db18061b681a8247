package io.metalboot.router.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.sim.faults.CommandLog;
import io.metalboot.router.plan.RouterKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Running scripts on both routers: results, stdin, one connection, round trips, timeouts and dropped connections. */
class ExecTest {
    @TempDir
    Path dir;

    record Script(RouterKind kind, String script, String stdin, ExecResult expected) {
    }

    static Stream<Script> scripts() {
        return RouterKind.managedKinds().stream().flatMap(k -> Stream.of(
                new Script(k, "echo out; echo err >&2; exit 3", "", new ExecResult(3, "out\n", "err\n")),
                new Script(k, "cat", "line one\nline two\n", new ExecResult(0, "line one\nline two\n", "")),
                new Script(k, "wc -l", "a\nb\nc\n", new ExecResult(0, k == RouterKind.EDGEOS ? "3\n" : "3\n", "")),
                new Script(k, "x='h\u00e9'; printf '%s\\n' \"$x\"", "", new ExecResult(0, "h\u00e9\n", "")),
                new Script(k, "nosuchtool", "", new ExecResult(127, "",
                        k == RouterKind.EDGEOS ? "-vbash: nosuchtool: command not found\n" : "sh: nosuchtool: not found\n"))));
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void runsAScriptWithItsStandardInput(Script c) throws Exception {
        try (SimFixture sim = SimFixture.start(c.kind(), dir); RouterSession s = sim.open(sim.authorizedKey("ed25519"))) {
            assertEquals(c.expected(), s.exec(c.script(), c.stdin().getBytes(StandardCharsets.UTF_8)));
            assertEquals(c.script(), sim.router().log().execs().getLast().line(), "one exec request, the script verbatim");
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aScriptTooLongForOneExecRequestTravelsOnStandardInputInTheSameRoundTrip(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(kind, dir); RouterSession s = sim.open(sim.authorizedKey("ed25519"))) {
            StringBuilder script = new StringBuilder("n=0\n");
            for (int i = 0; i < 20_000; i++) {
                script.append("n=$((n + 1)) # line ").append(i).append(" of a long script\n");
            }
            script.append("echo \"$n lines\"; ls /tmp | grep -c metalboot; exit 7\n");
            assertTrue(script.length() > 4 * 128 * 1024, "longer than Linux's 128 KiB argument and sshd's 256 KiB packet limits");
            assertEquals(new ExecResult(7, "20000 lines\n1\n", ""), s.exec(script.toString()));
            assertEquals(1, s.roundTrips());
            assertEquals("0", s.exec("ls /tmp | grep -c metalboot").stdout().strip(), "the temporary file is gone");
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyExecIsOneRoundTripOnOneConnection(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(kind, dir); CountingProxy proxy = new CountingProxy(sim.router().port())) {
            Path key = sim.authorizedKey("ed25519");
            RouterTarget viaProxy = sim.target().withPort(proxy.port()).withIdentity(key);
            try (RouterSession s = RouterSession.open(viaProxy, SimFixture.env(Map.of()), HostKeyPolicy.TRUST_NEW)) {
                IntStream.range(0, 12).forEach(i -> assertEquals(i + "\n", s.exec("echo " + i).stdout()));
                assertEquals(12, s.roundTrips());
                assertTrue(s.bytesSent() > 0 && s.bytesReceived() > 0, s.bytesSent() + " / " + s.bytesReceived());
            }
            assertEquals(1, proxy.connections(), "one TCP connection for the whole session");
            assertEquals(IntStream.range(0, 12).mapToObj(i -> "echo " + i).toList(),
                    sim.router().log().execs().stream().map(CommandLog.Entry::line).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aCommandThatOutlivesItsTimeoutFailsAndTheSessionGoesOn(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(kind, dir)) {
            RouterTarget target = sim.target().withIdentity(sim.authorizedKey("ed25519")).withCommandTimeout(Duration.ofSeconds(1));
            try (RouterSession s = RouterSession.open(target, SimFixture.env(Map.of()), HostKeyPolicy.TRUST_NEW)) {
                sim.router().connectionFaults().delayCommands("^date", Duration.ofSeconds(4));
                var e = assertThrows(CommandTimeoutException.class, () -> s.exec("echo start; date +%s"));
                assertEquals("command 'echo start; date +%s' on router 127.0.0.1:" + sim.router().port() + " did not"
                        + " finish within 1 s; it may still be running there. Check the router's load, or allow more"
                        + " time with a longer command timeout.", e.getMessage());
                sim.router().connectionFaults().clear();
                assertEquals(new ExecResult(0, "after\n", ""), s.exec("echo after"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aConnectionDroppedMidCommandSaysTheCommandMayHaveRun(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(kind, dir); RouterSession s = sim.open(sim.authorizedKey("ed25519"))) {
            sim.router().connectionFaults().dropWhenCommandMatches("^touch /tmp/b");
            String script = "touch /tmp/a\ntouch /tmp/b\ntouch /tmp/c";
            var e = assertThrows(ConnectionLostException.class, () -> s.exec(script));
            assertEquals("lost the connection to router 127.0.0.1:" + sim.router().port() + " while running 'touch"
                    + " /tmp/a …': the command may or may not have run, in whole or in part. Read the router's state"
                    + " before trying again.", e.getMessage());
            assertTrue(sim.router().fs().exists("/tmp/a"));
            assertFalse(sim.router().fs().exists("/tmp/c"));
            assertEquals(Optional.empty(), sim.router().log().execs().getLast().status());
            var again = assertThrows(ConnectionLostException.class, () -> s.exec("true"));
            assertTrue(again.getMessage().startsWith("lost the connection to router"), again.getMessage());
            assertFalse(s.isConnected());
        }
    }

    @Test
    void aClosedPortIsUnreachableWithWhatToCheck() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RouterTarget target = new RouterTarget("127.0.0.1", port, "root", Optional.empty(), dir.resolve("known_hosts"),
                false, Duration.ofSeconds(2), Duration.ofSeconds(2));
        var e = assertThrows(RouterUnreachableException.class,
                () -> RouterSession.open(target, SimFixture.env(Map.of(Credentials.PASSWORD_VARIABLE, "x")), HostKeyPolicy.STRICT));
        assertEquals("cannot reach router 127.0.0.1:" + port + ": connection refused. Check that the router is on and"
                + " connected, that the address and SSH port in the inventory are right, and that its SSH service is"
                + " enabled.", e.getMessage());
    }

    @Test
    void aServerThatNeverSpeaksSshTimesOutWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RouterTarget target = new RouterTarget("127.0.0.1", silent.getLocalPort(), "root", Optional.empty(),
                    dir.resolve("known_hosts"), false, Duration.ofSeconds(1), Duration.ofSeconds(2));
            var e = assertThrows(RouterUnreachableException.class, () -> RouterSession.open(target,
                    SimFixture.env(Map.of(Credentials.PASSWORD_VARIABLE, "x")), HostKeyPolicy.STRICT));
            assertEquals("cannot reach router 127.0.0.1:" + silent.getLocalPort() + ": no answer within 1 s. Check that"
                    + " the router is on and connected, that the address and SSH port in the inventory are right, and"
                    + " that its SSH service is enabled.", e.getMessage());
        }
    }
}
