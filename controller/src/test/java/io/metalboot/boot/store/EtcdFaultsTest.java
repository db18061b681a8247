package io.metalboot.boot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.BootException;
import io.metalboot.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replicas and pushes while etcd members die: a real 3-member ring on loopback, killed with SIGKILL. */
class EtcdFaultsTest {
    @TempDir
    static Path tmp;
    static EtcdRing ring;

    @BeforeAll
    static void ring() throws Exception {
        ring = new EtcdRing(Files.createDirectories(tmp.resolve("ring")));
    }

    @AfterEach
    void restore() throws Exception {
        ring.startAll();
    }

    @AfterAll
    static void stop() throws Exception {
        if (ring != null) {
            ring.close();
        }
    }

    /** Group metadata and the template both carry {@code version}: an answer mixing two pushes shows two versions. */
    static Path data(Path dir, String version) throws Exception {
        Path d = EtcdStoreTest.dataDir(dir, version);
        Files.writeString(d.resolve("groups/g.json"), "{\"id\":\"g\",\"profile\":\"p\",\"metadata\":{\"v\":\"" + version + "\"}}");
        Files.writeString(d.resolve("generic/t"), "generic " + version + " {{.v}}\n");
        return d;
    }

    static int push(Path dir, String cluster) {
        Cli c = Cli.run("store", "push", dir.toString(), "--etcd", ring.url(cluster));
        return c.exitCode();
    }

    @Test
    void oneMemberKilledReplicasServeAndPushesAreAccepted() throws Exception {
        Path dir = data(tmp.resolve("one"), "v1");
        assertEquals(0, push(dir, "one"));
        try (Replica a = Replica.etcd(ring.target("one"), dir, "a"); Replica b = Replica.etcd(ring.target("one"), dir, "b")) {
            ring.kill(0);
            assertEquals("200 generic v1 v1\n", a.get("/generic?mac=52:54:00:00:00:01"));
            data(dir, "v2");
            assertEquals(0, push(dir, "one"));
            for (Replica r : List.of(a, b)) {
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> r.get("/generic").equals("200 generic v2 v2\n"));
                assertEquals("200 ok\n", r.get("/healthz"));
            }
        }
    }

    @Test
    void wholeRingDownReplicasServeTheLastSnapshotReportDegradedAndFlushProgressLater() throws Exception {
        Path dir = data(tmp.resolve("down"), "v1");
        assertEquals(0, push(dir, "down"));
        try (Replica a = Replica.etcd(ring.target("down"), dir, "a")) {
            ring.killAll();
            for (int i = 0; i < 20; i++) {
                assertEquals("200 #!ipxe\nkernel /assets/k v1\nboot\n", a.get("/ipxe?mac=52:54:00:00:01:" + String.format("%02x", i)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> a.get("/healthz").startsWith("200 degraded (serving the last"
                    + " good data; " + ring.url("down") + " unreachable since "));
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> a.progress.pending() == 20);
            ring.startAll();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                Cli status = Cli.run("status", "--store", ring.url("down"));
                return status.out().lines().filter(l -> l.startsWith("52:54:00:00:01:")).count() == 20;
            });
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> a.get("/healthz").equals("200 ok\n"));
            Cli status = Cli.run("status", "--store", ring.url("down"));
            assertTrue(status.out().lines().filter(l -> l.startsWith("52:54:00:00:01:07")).allMatch(l -> l.contains(" ipxe ")
                    && l.contains(" a ")), status.out());
        }
    }

    @Test
    void aReplicaStartedWhileEtcdIsDownRefusesToServeAndSaysWhy() throws Exception {
        Path dir = data(tmp.resolve("cold"), "v1");
        assertEquals(0, push(dir, "cold"));
        ring.killAll();
        BootException e = assertThrows(BootException.class, () -> EtcdStore.open(ring.target("cold"), dir, Duration.ofMillis(500)));
        assertTrue(e.getMessage().startsWith("not serving: cannot read " + ring.url("cold") + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith(". Without its data this server would answer every machine 404; start it again once etcd"
                + " answers"), e.getMessage());
        Cli serve = Cli.run("serve", "--store", ring.url("cold"), "--data", dir.toString(), "--http", "127.0.0.1:0", "--tftp", "off");
        assertEquals(1, serve.exitCode());
        assertTrue(serve.err().startsWith("metalboot: not serving: cannot read "), serve.err());
    }

    /** Push processes killed at different moments: every answer, on both replicas, comes whole from one push. */
    @Test
    void anInterruptedPushIsNeverServedHalfApplied() throws Exception {
        Path dir = data(tmp.resolve("kill"), "v0");
        assertEquals(0, push(dir, "kill"));
        Pattern whole = Pattern.compile("200 generic (v[0-9]+) \\1\n");
        ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (Replica a = Replica.etcd(ring.target("kill"), dir, "a"); Replica b = Replica.etcd(ring.target("kill"), dir, "b")) {
            Thread watcher = Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    for (Replica r : List.of(a, b)) {
                        String got = r.get("/generic");
                        if (!whole.matcher(got).matches()) {
                            mixed.add(got);
                        }
                    }
                }
            });
            String java = ProcessHandle.current().info().command().orElse("java");
            for (int i = 1; i <= 8; i++) {
                data(dir, "v" + i);
                Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.metalboot.cli.Main", "store", "push",
                        dir.toString(), "--etcd", ring.url("kill")).redirectErrorStream(true)
                        .redirectOutput(tmp.resolve("push-" + i + ".log").toFile()).start();
                if (!p.waitFor(200L * i + 300, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
                p.waitFor(10, TimeUnit.SECONDS);
            }
            data(dir, "v9");
            assertEquals(0, push(dir, "kill"));
            for (Replica r : List.of(a, b)) {
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> r.get("/generic").equals("200 generic v9 v9\n"));
            }
            stop.set(true);
            watcher.join(Duration.ofSeconds(20));
        }
        assertEquals(List.of(), List.copyOf(mixed));
    }
}
