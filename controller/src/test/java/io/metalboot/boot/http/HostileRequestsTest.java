package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.Progress;
import io.metalboot.router.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an attacker on the LAN sent, sent again with the real curl ({@code --path-as-is}): links out of
 * assets/, the {@code .part} filter, broken percent-encoding, NUL, ranges and validators (RFC 9110).
 */
class HostileRequestsTest {
    static final String KERNEL = "/assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz";
    @TempDir
    static Path dir;
    static FileStore data;
    static BootServer server;
    static String etag;
    static String lastModified;

    @BeforeAll
    static void start() throws Exception {
        Path seed = SeedDataTest.SEED;
        try (Stream<Path> all = Files.walk(seed)) {
            for (Path p : all.toList()) {
                Path to = dir.resolve(seed.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path assets = dir.resolve("assets");
        Files.createDirectories(dir.resolve("pki"));
        Files.writeString(dir.resolve("pki/ca-key.pem"), "-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----\n");
        Files.createSymbolicLink(assets.resolve("passwd-link"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(assets.resolve("k"), Path.of("../pki/ca-key.pem"));
        Files.createSymbolicLink(assets.resolve("etc-link"), Path.of("/etc"));
        Files.createSymbolicLink(assets.resolve("kernel-link"), Path.of("coreos/1053.2.0/coreos_production_pxe.vmlinuz"));
        Files.writeString(assets.resolve("big.img.part"), "unverified-bytes");
        Files.createSymbolicLink(assets.resolve("part-link"), Path.of("big.img.part"));
        data = new FileStore(dir);
        server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()));
        RequiredTool.Run head = curl("-sSI", url(KERNEL));
        etag = header(head.output(), "etag");
        lastModified = header(head.output(), "last-modified");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        data.close();
    }

    record Attack(String name, List<String> headers, String path, int status, String body) {
        static Attack get(String path, int status, String body) {
            return new Attack(path, List.of(), path, status, body);
        }

        static Attack with(String header, int status, String body) {
            return new Attack(header, List.of(header), KERNEL, status, body);
        }
    }

    static Stream<Attack> attacks() {
        String leads = ": a link that leads out of ";
        String hidden = ": hidden files and downloads in progress (.part) are not served\n";
        return Stream.of(
                Attack.get("/assets/passwd-link", 403, "/assets/passwd-link" + leads),
                Attack.get("/assets/k", 403, "/assets/k" + leads),
                Attack.get("/assets/etc-link/passwd", 403, "/assets/etc-link/passwd" + leads),
                Attack.get("/assets/kernel-link", 200, "kernel-bytes\n"), // a link inside assets/ to a file inside it
                Attack.get("/assets/part-link", 404, "/assets/part-link" + hidden),
                Attack.get("/assets/big.img.part", 404, "/assets/big.img.part" + hidden),
                Attack.get("/assets/big.img.part/", 404, "/assets/big.img.part/" + hidden),
                Attack.get("/assets/big.img.part//", 404, "/assets/big.img.part/" + hidden),
                Attack.get("/assets/big.img.part%2f", 404, "/assets/big.img.part/" + hidden),
                Attack.get("/assets/big.img.part/.", 404, "/assets/big.img.part/" + hidden),
                Attack.get("/assets/./big.img.part", 404, "/assets/big.img.part" + hidden),
                Attack.get("/ipxe?x=%", 400, "the query 'x=%' has a '%' at character 3 that is not followed by two hex digits;"
                        + " encode a percent sign as %25 (e.g. x=50%25)\n"),
                Attack.get("/ipxe?mac=%4", 400, "the query 'mac=%4' has a '%' at character 5 that is not followed by two hex"
                        + " digits; encode a percent sign as %25 (e.g. x=50%25)\n"),
                Attack.get("/a%00b", 400, "the path holds a control character (%00 to %1F or %7F), which no name served here has;"
                        + " remove it from the URL\n"),
                Attack.get("/assets/coreos%00/x", 400, "the path holds a control character"),
                Attack.with("Range: bytes=-100001", 200, "kernel-bytes\n"),
                Attack.with("Range: bytes=0-99999999999999999999999", 200, "kernel-bytes\n"),
                Attack.with("Range: bytes=99999999999999999999999-", 416, "the range bytes=99999999999999999999999- is outside"
                        + " the file's 13 bytes; ask for bytes=0-12 or less\n"),
                Attack.with("Range: bytes=-0", 416, "the range bytes=-0 is outside"),
                Attack.with("Range: items=0-1", 200, "kernel-bytes\n"),
                Attack.with("Range: bytes=5-2", 200, "kernel-bytes\n"),
                Attack.with("Range: bytes=0-1,3-4", 200, "kernel-bytes\n"),
                Attack.with("Range: bytes=7-", 206, "bytes\n"),
                Attack.with("Range: bytes=-6", 206, "bytes\n"),
                Attack.with("If-Modified-Since: garbage", 200, "kernel-bytes\n"),
                Attack.with("If-Unmodified-Since: garbage", 200, "kernel-bytes\n"),
                Attack.with("If-Match: \"x\"", 412, ""),
                new Attack("If-Range with another ETag", List.of("Range: bytes=0-1", "If-Range: \"nope\""), KERNEL, 200, "kernel-bytes\n"),
                new Attack("If-Range with a weak ETag", List.of("Range: bytes=0-1", "If-Range: W/" + etag), KERNEL, 200, "kernel-bytes\n"),
                new Attack("If-Range with an old date", List.of("Range: bytes=0-1", "If-Range: Thu, 01 Jan 1970 00:00:00 GMT"), KERNEL,
                        200, "kernel-bytes\n"),
                new Attack("If-Range with garbage", List.of("Range: bytes=0-1", "If-Range: garbage"), KERNEL, 200, "kernel-bytes\n"),
                new Attack("If-Range with its ETag", List.of("Range: bytes=0-1", "If-Range: " + etag), KERNEL, 206, "ke"),
                new Attack("If-Range with its date", List.of("Range: bytes=0-1", "If-Range: " + lastModified), KERNEL, 206, "ke"),
                new Attack("If-None-Match: a list holding the ETag", List.of("If-None-Match: \"x\", " + etag), KERNEL, 304, ""),
                new Attack("If-None-Match: its weak form", List.of("If-None-Match: W/" + etag), KERNEL, 304, ""),
                new Attack("If-None-Match: *", List.of("If-None-Match: *"), KERNEL, 304, ""),
                new Attack("If-Modified-Since: its date", List.of("If-Modified-Since: " + lastModified), KERNEL, 304, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isAnsweredAsRfc9110SaysAndNothingLeaks(Attack a) throws Exception {
        List<String> args = new ArrayList<>(List.of("-s", "--path-as-is", "-w", "\n%{http_code}"));
        a.headers().forEach(h -> args.addAll(List.of("-H", h)));
        args.add(url(a.path()));
        String out = curl(args.toArray(String[]::new)).output();
        int status = Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).strip());
        String body = out.substring(0, out.lastIndexOf('\n'));
        assertEquals(a.status(), status, a + ": " + out);
        assertTrue(body.startsWith(a.body()), a + ": " + body);
        assertFalse(body.contains("root:x:") || body.contains("secret") || body.contains("unverified"), "nothing leaked: " + body);
    }

    /** HEAD answers every endpoint with the status and headers GET has, and no body. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void headIsGetWithoutTheBody(String path) throws Exception {
        String get = curl("-s", "-o", "/dev/null", "-D", "-", url(path)).output();
        String head = curl("-s", "-I", url(path)).output();
        assertEquals(get.lines().findFirst().orElseThrow(), head.lines().findFirst().orElseThrow(), path);
        for (String name : List.of("content-length", "content-type", "etag", "last-modified")) {
            if (!name.equals("content-length") || !path.equals("/metrics")) { // /metrics counts the GET just made
                assertEquals(header(get, name), header(head, name), path + " " + name);
            }
        }
    }

    static Stream<String> endpoints() {
        String q = "?mac=b8:ae:ed:7a:b6:92&os=installed";
        return Stream.of("/boot.ipxe", "/boot.ipxe.0", "/ipxe" + q, "/grub" + q, "/ignition" + q, "/metadata" + q, "/healthz",
                "/metrics", "/status", KERNEL, "/ipxe?mac=not-a-mac", "/nothing-here", "/assets/passwd-link");
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    static RequiredTool.Run curl(String... args) {
        return RequiredTool.find("curl", "curl").run(args);
    }

    static String header(String response, String name) {
        return response.lines().filter(l -> l.toLowerCase().startsWith(name + ":")).findFirst()
                .map(l -> l.substring(name.length() + 1).strip()).orElse("");
    }
}
