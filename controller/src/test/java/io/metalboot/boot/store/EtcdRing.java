package io.metalboot.boot.store;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Three real etcd members (Debian's {@code etcd}) on loopback ports picked here, data in {@code dir}:
 * started, killed and restarted one by one. Missing etcd: the test fails under CI=true and is skipped
 * elsewhere with the reason printed.
 */
public final class EtcdRing implements AutoCloseable {
    private final RequiredTool etcd;
    private final Path dir;
    private final int[] client = new int[3];
    private final int[] peer = new int[3];
    private final Process[] members = new Process[3];

    public EtcdRing(Path dir) throws IOException {
        this.etcd = RequiredTool.find("etcd", "etcd-server");
        this.dir = dir;
        for (int i = 0; i < 3; i++) {
            client[i] = freePort();
            peer[i] = freePort();
        }
        for (int i = 0; i < 3; i++) {
            start(i);
        }
        awaitUp();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public void start(int i) throws IOException {
        List<String> cluster = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            cluster.add("m" + j + "=http://127.0.0.1:" + peer[j]);
        }
        Path log = dir.resolve("m" + i + ".log");
        members[i] = new ProcessBuilder(etcd.path().toString(), "--name", "m" + i, "--data-dir", dir.resolve("m" + i).toString(),
                "--listen-client-urls", "http://127.0.0.1:" + client[i], "--advertise-client-urls", "http://127.0.0.1:" + client[i],
                "--listen-peer-urls", "http://127.0.0.1:" + peer[i], "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer[i],
                "--initial-cluster", String.join(",", cluster), "--initial-cluster-state", "new",
                "--initial-cluster-token", "metalboot-test", "--heartbeat-interval", "50", "--election-timeout", "500",
                "--max-txn-ops", "1024")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Kills member {@code i} (SIGKILL), as a crash would. */
    public void kill(int i) throws InterruptedException {
        members[i].destroyForcibly();
        members[i].waitFor(10, TimeUnit.SECONDS);
    }

    public void killAll() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            kill(i);
        }
    }

    public void startAll() throws IOException {
        for (int i = 0; i < 3; i++) {
            if (!members[i].isAlive()) {
                start(i);
            }
        }
        awaitUp();
    }

    /** Waits (30 s at most) until every member accepts connections and a quorum answers. */
    void awaitUp() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < 3; i++) {
            while (members[i].isAlive() && !accepts(client[i])) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("etcd member m" + i + " did not start within 30 s; its log: " + log(i));
                }
                sleep();
            }
        }
        RequiredTool ctl = RequiredTool.find("etcdctl", "etcd-client");
        while (true) {
            RequiredTool.Run r = ctl.run("--endpoints", String.join(",", endpoints()), "--command-timeout=2s", "put", "/ring-check", "x");
            if (r.exitCode() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the etcd ring has no quorum after 30 s: " + r.output() + "\n" + log(0));
            }
            sleep();
        }
    }

    private String log(int i) {
        try {
            return Files.readString(dir.resolve("m" + i + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public List<String> endpoints() {
        List<String> out = new ArrayList<>();
        for (int p : client) {
            out.add("http://127.0.0.1:" + p);
        }
        return out;
    }

    /** {@code etcd://127.0.0.1:P1,…/CLUSTER}. */
    public String url(String cluster) {
        StringBuilder s = new StringBuilder("etcd://");
        for (int i = 0; i < 3; i++) {
            s.append(i == 0 ? "" : ",").append("127.0.0.1:").append(client[i]);
        }
        return s.append('/').append(cluster).toString();
    }

    public EtcdTarget target(String cluster) {
        return EtcdTarget.parse("--etcd", url(cluster), Optional.empty());
    }

    @Override
    public void close() throws InterruptedException {
        killAll();
    }
}
