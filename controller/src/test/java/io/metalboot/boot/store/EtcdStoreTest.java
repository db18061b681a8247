package io.metalboot.boot.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import io.metalboot.boot.BootException;
import io.metalboot.boot.DataFiles;
import io.metalboot.cli.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The etcd store against a real 3-member ring on loopback: push, pull, two replicas, refusals, secrets. */
class EtcdStoreTest {
    static final Path SEED = Path.of("src/test/resources/seed-data");
    static final String MAC = "b8:ae:ed:7a:b6:92";
    @TempDir
    static Path tmp;
    static EtcdRing ring;

    @BeforeAll
    static void ring() throws Exception {
        ring = new EtcdRing(Files.createDirectories(tmp.resolve("ring")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (ring != null) {
            ring.close();
        }
    }

    static Cli push(Path dir, String cluster, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("store", "push", dir.toString(), "--etcd", ring.url(cluster)));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theSeedPushedAndServedByTwoReplicasAnswersByteForByteAsServeData() throws Exception {
        Cli pushed = push(SEED, "seed");
        assertEquals(0, pushed.exitCode(), pushed.err());
        assertTrue(pushed.out().contains("pushed 6 change(s) to " + ring.url("seed") + ": revision "), pushed.out());
        List<String> paths = List.of("/boot.ipxe", "/boot.ipxe.0", "/ipxe?uuid=u&mac=b8-ae-ed-7a-b6-92", "/grub?mac=" + MAC,
                "/ignition?uuid=abc&mac=" + MAC, "/ignition?mac=" + MAC + "&os=installed", "/generic?mac=" + MAC,
                "/metadata?mac=" + MAC + "&os=installed", "/ipxe?mac=zz", "/assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz",
                "/assets/missing", "/healthz", "/nothing");
        try (Replica file = new Replica(new FileStore(SEED), "");
                Replica a = Replica.etcd(ring.target("seed"), SEED, "a");
                Replica b = Replica.etcd(ring.target("seed"), SEED, "b")) {
            for (String p : paths) {
                var expected = file.raw(p);
                for (Replica r : List.of(a, b)) {
                    var got = r.raw(p);
                    assertEquals(expected.statusCode(), got.statusCode(), p);
                    if (expected.statusCode() == 200) {
                        assertArrayEquals(expected.body(), got.body(), p + ": " + new String(got.body(), StandardCharsets.UTF_8));
                    } else { // a refusal names the file: in the data dir, or under the store's prefix
                        assertEquals(new String(expected.body(), StandardCharsets.UTF_8).replace(SEED + "/", "/metalboot/seed/"),
                                new String(got.body(), StandardCharsets.UTF_8).replace(SEED + "/", "/metalboot/seed/"), p);
                    }
                    assertEquals(expected.headers().firstValue("content-type"), got.headers().firstValue("content-type"), p);
                }
            }
        }
        Path pulled = tmp.resolve("pulled");
        Cli pull = Cli.run("store", "pull", pulled.toString(), "--etcd", ring.url("seed"));
        assertEquals(0, pull.exitCode(), pull.err());
        assertTrue(DataFiles.read(SEED).sameAs(DataFiles.read(pulled)), "pull gives back the data dir byte for byte");
        Cli diff = Cli.run("store", "diff", SEED.toString(), "--etcd", ring.url("seed"));
        assertEquals(0, diff.exitCode(), diff.out() + diff.err());
        Cli again = push(SEED, "seed");
        assertTrue(again.out().startsWith("nothing to push: "), again.out());
    }

    @Test
    void aChangeIsServedOnBothReplicasAndHistoryListsThePushes() throws Exception {
        Path dir = dataDir(tmp.resolve("change"), "one");
        assertEquals(0, push(dir, "change").exitCode());
        try (Replica a = Replica.etcd(ring.target("change"), dir, "a"); Replica b = Replica.etcd(ring.target("change"), dir, "b")) {
            assertEquals("200 #!ipxe\nkernel /assets/k one\nboot\n", a.get("/ipxe?mac=52:54:00:00:00:01"));
            dataDir(dir, "two");
            Cli diff = Cli.run("store", "diff", dir.toString(), "--etcd", ring.url("change"));
            assertEquals(3, diff.exitCode());
            assertEquals("~ generic/t\n~ profiles/p.json\n", diff.out());
            assertEquals(0, push(dir, "change").exitCode());
            for (Replica r : List.of(a, b)) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> r.get("/ipxe?mac=52:54:00:00:00:01").contains("two"));
            }
            Cli history = Cli.run("store", "history", "--etcd", ring.url("change"));
            assertEquals(2, history.out().lines().filter(l -> l.startsWith("revision ")).count(), history.out());
        }
    }

    @Test
    void brokenDataIsRefusedAtPushWithFileAndLine() throws Exception {
        Path dir = dataDir(tmp.resolve("broken"), "one");
        Files.writeString(dir.resolve("groups/g.json"), "{\"id\":\"g\",\n\"profile\":");
        Cli pushed = push(dir, "broken");
        assertEquals(1, pushed.exitCode());
        assertTrue(pushed.err().contains(dir.resolve("groups/g.json") + ":2: not valid JSON"), pushed.err());
        Files.writeString(dir.resolve("groups/g.json"), "{\"id\":\"g\",\"profile\":\"nope\"}");
        assertTrue(push(dir, "broken").err().contains("groups/g.json: profile 'nope' is not in"));
        Files.writeString(dir.resolve("groups/g.json"), "{\"id\":\"g\",\"profile\":\"p\"}");
        Files.writeString(dir.resolve("generic/t"), "{{ .x ");
        assertEquals(1, push(dir, "broken").exitCode());
    }

    @Test
    void brokenDataThatReachesTheStoreAnywayKeepsTheLastGoodSnapshot() throws Exception {
        Path dir = dataDir(tmp.resolve("bypass"), "one");
        assertEquals(0, push(dir, "bypass").exitCode());
        EtcdTarget t = ring.target("bypass");
        try (Replica a = Replica.etcd(t, dir, "a"); Client c = t.client()) {
            c.getKVClient().put(t.key("groups/g.json"), ByteSequence.from("{\"id\":", StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> a.get("/healthz").contains("does not load"));
            assertTrue(a.get("/healthz").startsWith("200 ok (serving the last good data; the store's data at revision "), a.get("/healthz"));
            assertTrue(a.get("/healthz").contains("/metalboot/bypass/groups/g.json:1: not valid JSON"), a.get("/healthz"));
            assertEquals("200 #!ipxe\nkernel /assets/k one\nboot\n", a.get("/ipxe?mac=52:54:00:00:00:01"));
        }
    }

    @Test
    void twoPushesAtOnceOneWinsTheOtherIsRefusedNamingTheRevision() throws Exception {
        Path dir = dataDir(tmp.resolve("race"), "one");
        assertEquals(0, push(dir, "race").exitCode());
        EtcdTarget t = ring.target("race");
        try (Client c1 = t.client(); Client c2 = t.client()) {
            dataDir(dir, "first");
            Push.Plan first = Push.plan(c1, t, dir);
            dataDir(dir, "second");
            Push.Plan second = Push.plan(c2, t, dir);
            long won = Push.commit(c1, t, first, "shell-1", false);
            BootException refused = assertThrows(BootException.class, () -> Push.commit(c2, t, second, "shell-2", false));
            assertTrue(refused.getMessage().startsWith("push refused: the store changed since this push read it at revision "
                    + second.revision() + " (revision " + won + " was pushed by shell-1 at "), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("; run 'metalboot store diff' against the new data and push again, or --force"
                    + " to overwrite it"), refused.getMessage());
            assertTrue(new String(Pull.files(c1, t).files().get("profiles/p.json"), StandardCharsets.UTF_8).contains("first"));
            Push.commit(c2, t, second, "shell-2", true);
            assertTrue(new String(Pull.files(c1, t).files().get("profiles/p.json"), StandardCharsets.UTF_8).contains("second"));
        }
    }

    /** Node keys stay on each server's disk: never in etcd; a server without the file answers 500 naming it. */
    @Test
    void contentsLocalFilesNeverReachEtcd() throws Exception {
        Path dir = dataDir(tmp.resolve("secret"), "one");
        String key = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIC0nodekeysecretvalue0123456789abcdefABCDEF\n-----END EC PRIVATE KEY-----\n";
        Files.createDirectories(dir.resolve("pki"));
        Files.writeString(dir.resolve("pki/node-key.pem"), key);
        Files.setPosixFilePermissions(dir.resolve("pki/node-key.pem"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("ignition/node.yaml"), "storage:\n  files:\n    - path: /etc/kubernetes/node-key.pem\n"
                + "      filesystem: root\n      mode: 0600\n      contents:\n        local: pki/node-key.pem\n");
        Files.writeString(dir.resolve("profiles/p.json"), "{\"id\":\"p\",\"boot\":{\"kernel\":\"/assets/k\"},\"ignition_id\":\"node.yaml\"}");
        assertEquals(0, push(dir, "secret").exitCode());
        EtcdTarget t = ring.target("secret");
        try (Client c = t.client()) {
            var all = c.getKVClient().get(ByteSequence.from("\0", StandardCharsets.UTF_8),
                    GetOption.builder().withRange(ByteSequence.from("\u00ff", StandardCharsets.UTF_8)).build()).get(10, TimeUnit.SECONDS);
            assertFalse(all.getKvs().isEmpty());
            for (var kv : all.getKvs()) {
                String value = kv.getValue().toString(StandardCharsets.UTF_8);
                assertFalse(value.contains("nodekeysecretvalue"), kv.getKey() + " holds the node key");
            }
        }
        Path bare = dataDir(tmp.resolve("bare"), "one");
        try (Replica withKey = Replica.etcd(t, dir, "a"); Replica without = Replica.etcd(t, bare, "b")) {
            String ign = withKey.get("/ignition?mac=52:54:00:00:00:01");
            assertTrue(ign.startsWith("200 ") && ign.contains("nodekeysecretvalue") || ign.contains("base64"), ign);
            String missing = without.get("/ignition?mac=52:54:00:00:00:01");
            assertTrue(missing.startsWith("500 ") && missing.contains("pki/node-key.pem"), missing);
        }
    }

    /** A data dir with one group and profile whose kernel argument is {@code arg}. */
    static Path dataDir(Path dir, String arg) throws Exception {
        Files.createDirectories(dir.resolve("groups"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.createDirectories(dir.resolve("generic"));
        Files.createDirectories(dir.resolve("ignition"));
        Files.writeString(dir.resolve("groups/g.json"), "{\"id\":\"g\",\"profile\":\"p\"}");
        Files.writeString(dir.resolve("profiles/p.json"), "{\"id\":\"p\",\"boot\":{\"kernel\":\"/assets/k\",\"args\":[\"" + arg
                + "\"]},\"generic_id\":\"t\"}");
        Files.writeString(dir.resolve("generic/t"), "generic " + arg + "\n");
        return dir;
    }
}
