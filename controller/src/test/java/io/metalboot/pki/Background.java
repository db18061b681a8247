package io.metalboot.pki;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real daemon a test runs (openssl s_server, etcd): output collected, waits bounded, always stopped. */
final class Background implements AutoCloseable {
    private final String name;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private Background(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0; ) {
                    output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                output.append("\n[reader: ").append(e.getMessage()).append("]");
            }
        });
    }

    static Background start(String name, Path workDir, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        return new Background(name, p);
    }

    /** Waits (at most {@code max}) for {@code text} in the output; fails with the output so far. */
    void awaitOutput(String text, Duration max) {
        await(name + " printing '" + text + "'").atMost(max).pollInterval(Duration.ofMillis(100))
                .failFast(name + " exited early:\n" + output, () -> !process.isAlive() && !output.toString().contains(text))
                .until(() -> output.toString().contains(text));
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(Duration.ofSeconds(5));
    }

    /** A TCP port free on 127.0.0.1 a moment ago. */
    static int freePort() throws IOException {
        return freePort(InetAddress.getLoopbackAddress());
    }

    /** A TCP port free on {@code address} a moment ago. */
    static int freePort(InetAddress address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return s.getLocalPort();
        }
    }
}
