package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.Progress;
import io.metalboot.router.RequiredTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assets with the real curl (ranges, ETag), and a data dir changed under a running server. */
class AssetsAndReloadTest {
    @TempDir
    Path dir;

    @Test
    void curlRangesReassembleAMultiMegabyteAssetByteForByte() throws Exception {
        RequiredTool curl = RequiredTool.find("curl", "curl");
        Files.createDirectories(dir.resolve("assets/flatcar"));
        Files.createDirectories(dir.resolve("profiles"));
        byte[] kernel = new byte[6 * 1024 * 1024 + 123];
        new Random(7).nextBytes(kernel);
        Path file = Files.write(dir.resolve("assets/flatcar/vmlinuz"), kernel);
        try (FileStore data = new FileStore(dir);
                BootServer server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()))) {
            String url = "http://127.0.0.1:" + server.port() + "/assets/flatcar/vmlinuz";
            Path a = dir.resolve("part-a");
            Path b = dir.resolve("part-b");
            assertEquals(0, curl.run("-sSf", "--range", "0-3145727", "-o", a.toString(), url).exitCode());
            assertEquals(0, curl.run("-sSf", "--range", "3145728-", "-o", b.toString(), url).exitCode());
            byte[] joined = new byte[kernel.length];
            byte[] first = Files.readAllBytes(a);
            byte[] second = Files.readAllBytes(b);
            assertEquals(3145728, first.length);
            System.arraycopy(first, 0, joined, 0, first.length);
            System.arraycopy(second, 0, joined, first.length, second.length);
            assertEquals(sha256(Files.readAllBytes(file)), sha256(joined));
            RequiredTool.Run head = curl.run("-sSfI", url);
            assertTrue(head.output().contains("Content-Length: " + kernel.length), head.output());
            String etag = head.output().lines().filter(l -> l.toLowerCase().startsWith("etag:")).findFirst().orElseThrow()
                    .substring(5).strip();
            RequiredTool.Run cached = curl.run("-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "If-None-Match: " + etag, url);
            assertEquals("304", cached.output().strip());
            // what assets fetch leaves while it works: an unverified download and its lock
            Files.write(dir.resolve("assets/flatcar/vmlinuz.part"), kernel);
            Files.writeString(dir.resolve("assets/flatcar/.metalboot-fetch.lock"), "1");
            RequiredTool.Run metrics = curl.run("-sSf", "http://127.0.0.1:" + server.port() + "/metrics");
            assertTrue(metrics.output().contains("endpoint=\"assets\",status=\"206\""), metrics.output());
            assertTrue(!metrics.output().contains("endpoint=\"flatcar\""), metrics.output());
            for (String hidden : new String[] {"vmlinuz.part", ".metalboot-fetch.lock"}) {
                RequiredTool.Run r = curl.run("-s", "-w", " %{http_code}", url.replace("vmlinuz", hidden));
                assertEquals("/assets/flatcar/" + hidden + ": hidden files and downloads in progress (.part) are not served\n 404",
                        r.output());
            }
        }
    }

    @Test
    void aChangedGroupIsServedAndABrokenOneKeepsTheLastGoodData() throws Exception {
        Files.createDirectories(dir.resolve("groups"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/p.json"), "{\"id\":\"p\",\"boot\":{\"kernel\":\"/assets/k\",\"args\":[\"one\"]}}");
        Files.writeString(dir.resolve("groups/g.json"), "{\"id\":\"g\",\"profile\":\"p\"}");
        HttpClient client = HttpClient.newHttpClient();
        try (FileStore data = new FileStore(dir);
                BootServer server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()))) {
            URI ipxe = URI.create("http://127.0.0.1:" + server.port() + "/ipxe");
            URI health = URI.create("http://127.0.0.1:" + server.port() + "/healthz");
            assertTrue(client.send(HttpRequest.newBuilder(ipxe).build(), HttpResponse.BodyHandlers.ofString()).body().contains("kernel /assets/k one"));
            Files.writeString(dir.resolve("profiles/p.json"), "{\"id\":\"p\",\"boot\":{\"kernel\":\"/assets/k\",\"args\":[\"two\"]}}");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.send(HttpRequest.newBuilder(ipxe).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("kernel /assets/k two"));
            Files.writeString(dir.resolve("profiles/p.json"), "{\"id\":\"p\",\"boot\":{\"kernel\":");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString()).body().startsWith("ok (serving the last good data;"));
            assertTrue(client.send(HttpRequest.newBuilder(ipxe).build(), HttpResponse.BodyHandlers.ofString()).body().contains("kernel /assets/k two"));
        }
    }

    /** As rsync, git checkout or a script swap a directory: the new one is watched, edits in it are loaded. */
    @Test
    void aSwappedGroupsDirectoryIsWatchedAndAssetsMadeAfterStartAreServed() throws Exception {
        Files.createDirectories(dir.resolve("groups"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/p.json"), "{\"id\":\"p\",\"boot\":{\"kernel\":\"/assets/k\",\"args\":[\"one\"]}}");
        Files.writeString(dir.resolve("profiles/q.json"), "{\"id\":\"q\",\"boot\":{\"kernel\":\"/assets/k\",\"args\":[\"swapped\"]}}");
        Files.writeString(dir.resolve("groups/g.json"), "{\"id\":\"g\",\"profile\":\"p\"}");
        HttpClient client = HttpClient.newHttpClient();
        try (FileStore data = new FileStore(dir);
                BootServer server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()))) {
            URI ipxe = URI.create("http://127.0.0.1:" + server.port() + "/ipxe");
            URI health = URI.create("http://127.0.0.1:" + server.port() + "/healthz");
            URI asset = URI.create("http://127.0.0.1:" + server.port() + "/assets/late/k");
            assertEquals(404, client.send(HttpRequest.newBuilder(asset).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            Files.createDirectories(dir.resolve("groups.new"));
            Files.writeString(dir.resolve("groups.new/g.json"), "{\"id\":\"g\",\"profile\":\"q\"}");
            Files.move(dir.resolve("groups"), dir.resolve("groups.old"));
            Files.move(dir.resolve("groups.new"), dir.resolve("groups"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.send(HttpRequest.newBuilder(ipxe).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("kernel /assets/k swapped"));
            Files.writeString(dir.resolve("groups/g.json"), "{\"id\":\"g\",\"profile\":\"p\"}"); // an edit in the new directory
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.send(HttpRequest.newBuilder(ipxe).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("kernel /assets/k one"));
            Files.writeString(dir.resolve("groups/g.json"), "{\"id\":\"g\",\"profile\":"); // broken
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString()).body().startsWith("ok (serving the last good data;"));
            Files.createDirectories(dir.resolve("assets/late"));
            Files.writeString(dir.resolve("assets/late/k"), "late kernel");
            HttpResponse<String> late = client.send(HttpRequest.newBuilder(asset).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, late.statusCode());
            assertEquals("late kernel", late.body());
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
