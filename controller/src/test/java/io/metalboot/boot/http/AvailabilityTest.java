package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.Progress;
import io.metalboot.router.RequiredTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold connections: idle ones and half-sent requests are closed, a descriptor limit
 * never stops the listener for good, and when the listener does stop, {@code serve} exits 1.
 */
class AvailabilityTest {
    @TempDir
    Path dir;

    @Test
    void idleConnectionsAndHalfSentHeadersAreClosed() throws Exception {
        try (FileStore data = new FileStore(SeedDataTest.SEED);
                BootServer server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()),
                        Duration.ofSeconds(2), Duration.ofSeconds(2));
                Socket idle = connect(server.port());
                Socket halfSent = connect(server.port())) {
            halfSent.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            halfSent.getOutputStream().flush();
            for (Socket s : List.of(idle, halfSent)) {
                s.setSoTimeout(60_000); // bounded: the server closes it long before
                assertEquals(-1, readOrEnd(s), "the server closed the connection");
            }
        }
    }

    /** 700 connections held against a limit of 600 descriptors: the listener takes what it can, and serves again after. */
    @Test
    void aDescriptorLimitDoesNotStopTheListener() throws Exception {
        RequiredTool prlimit = RequiredTool.find("prlimit", "util-linux");
        Served served = serve(prlimit.path().toString(), "--nofile=600");
        try {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 700; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", served.port()), 10_000); // the kernel's backlog takes the rest
                    held.add(s);
                }
                Thread.sleep(5_000); // what the attacker did: hold them
                assertTrue(served.process().isAlive(), served.output());
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> healthz(served.port()).equals("ok\n"));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no answer after the connections closed: " + served.output(), e);
            }
            assertTrue(served.process().isAlive(), served.output());
        } finally {
            served.process().destroy();
            served.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The limit lowered under a running server (so its connection cap no longer fits): the listener fails, serve exits 1. */
    @Test
    void whenTheListenerStopsServeExitsOne() throws Exception {
        RequiredTool prlimit = RequiredTool.find("prlimit", "util-linux");
        Served served = serve();
        List<Socket> held = new ArrayList<>();
        try {
            long open;
            try (var fds = Files.list(Path.of("/proc/" + served.process().pid() + "/fd"))) {
                open = fds.count();
            }
            RequiredTool.Run lowered = prlimit.run("--pid", Long.toString(served.process().pid()), "--nofile=" + (open + 20));
            assertEquals(0, lowered.exitCode(), lowered.output());
            for (int i = 0; i < 100 && served.process().isAlive(); i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress("127.0.0.1", served.port()), 2_000);
                    held.add(s);
                } catch (IOException e) {
                    s.close(); // refused once nothing listens any more
                }
            }
            assertTrue(served.process().waitFor(60, TimeUnit.SECONDS), "serve did not exit: " + served.output());
            assertEquals(1, served.process().exitValue(), served.output());
            assertTrue(served.output().contains("metalboot serve: the HTTP listener on 127.0.0.1:" + served.port() + " stopped by itself"),
                    served.output());
        } finally {
            for (Socket s : held) {
                s.close();
            }
            served.process().destroyForcibly();
        }
    }

    record Served(Process process, int port, StringBuffer log) {
        String output() {
            return log.toString();
        }
    }

    /** {@code metalboot serve} in its own JVM (optionally under a command such as prlimit), on a free port. */
    Served serve(String... prefix) throws Exception {
        List<String> command = new ArrayList<>(List.of(prefix));
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "io.metalboot.cli.Main", "serve", "--data", SeedDataTest.SEED.toString(), "--http", "127.0.0.1:0", "--tftp", "off"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer log = new StringBuffer();
        Pattern serving = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/ \\(Ctrl-C stops\\)");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        for (String line = out.readLine(); line != null; line = out.readLine()) { // ends when the process does
            log.append(line).append('\n');
            Matcher m = serving.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                break;
            }
        }
        assertTrue(port > 0, "serve did not start: " + log);
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> log.append(l).append('\n')));
        return new Served(p, port, log);
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return s;
    }

    static int readOrEnd(Socket s) throws IOException {
        try {
            int c;
            do {
                c = s.getInputStream().read();
            } while (c >= 0); // a 400 or 408 may come first; then the end
            return -1;
        } catch (SocketException e) {
            return -1; // reset by the server: closed as well
        }
    }

    static String healthz(int port) {
        return RequiredTool.find("curl", "curl").run("-s", "-m", "10", "http://127.0.0.1:" + port + "/healthz").output();
    }
}
