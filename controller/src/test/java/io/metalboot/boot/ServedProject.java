package io.metalboot.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalboot.boot.http.BootServer;
import io.metalboot.boot.store.FileStore;
import io.metalboot.cli.Cli;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metalboot project served by the real boot server on loopback, as a user would have it after
 * {@code metalboot init} (or {@code render-data} and {@code pki cluster}): Ignition is fetched over
 * HTTP exactly as a machine fetches it.
 */
public final class ServedProject implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FileStore data;
    private final BootServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServedProject(Path dir) throws IOException {
        this.data = new FileStore(dir);
        this.server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()));
    }

    /** Runs the metalboot command line in-process; fails the test on a non-zero exit, returns what it printed. */
    public static String metalboot(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), "metalboot " + String.join(" ", args) + " failed:\n" + r.out() + r.err());
        return r.out();
    }

    /** {@code metalboot init DIR}, then serve DIR. */
    public static ServedProject init(Path dir) throws IOException {
        metalboot("init", dir.toString());
        return new ServedProject(dir);
    }

    /** A data dir with pki/ for {@code inventory}, as render-data and pki cluster make it, then served. */
    public static ServedProject render(Path inventory, Path dir) throws IOException {
        metalboot("render-data", "-c", inventory.toString(), "--out", dir.toString());
        metalboot("pki", "cluster", "-c", inventory.toString(), "--out", dir.resolve("pki").toString());
        return new ServedProject(dir);
    }

    /** The Ignition JSON a machine gets: the install phase, or with {@code os=installed} the installed one. */
    public String ignition(String mac, boolean installed) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/ignition?uuid=test&mac=" + mac.replace(':', '-')
                + (installed ? "&os=installed" : ""));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), uri + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    @Override
    public void close() throws IOException {
        server.close();
        data.close();
    }

    /** An Ignition config read back: its files (inline contents decoded) and systemd units. */
    public record Config(Map<String, File> files, List<Unit> units) {
        public record File(String path, int mode, Optional<String> inline, Optional<String> source) {
        }

        public record Unit(String name, Optional<String> contents, Map<String, String> dropins, boolean enabled) {
        }

        public static Config parse(String json) throws IOException {
            JsonNode root = JSON.readTree(json);
            Map<String, File> files = new LinkedHashMap<>();
            for (JsonNode f : root.path("storage").path("files")) {
                String source = f.path("contents").path("source").asText("");
                Optional<String> inline = source.startsWith("data:,")
                        ? Optional.of(URLDecoder.decode(source.substring("data:,".length()).replace("+", "%2B"), StandardCharsets.UTF_8))
                        : Optional.empty();
                files.put(f.path("path").asText(), new File(f.path("path").asText(), f.path("mode").asInt(0644), inline,
                        inline.isPresent() || source.isEmpty() ? Optional.empty() : Optional.of(source)));
            }
            List<Unit> units = new ArrayList<>();
            for (JsonNode u : root.path("systemd").path("units")) {
                Map<String, String> dropins = new LinkedHashMap<>();
                u.path("dropins").forEach(d -> dropins.put(d.path("name").asText(), d.path("contents").asText()));
                units.add(new Unit(u.path("name").asText(), u.has("contents") ? Optional.of(u.path("contents").asText()) : Optional.empty(),
                        dropins, u.path("enabled").asBoolean(false)));
            }
            return new Config(files, units);
        }

        public Unit unit(String name) {
            return units.stream().filter(u -> u.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no unit " + name + " in " + units.stream().map(Unit::name).toList()));
        }

        /** The unit's {@code ExecStart=} command lines, backslash continuations joined, split into words. */
        public static List<List<String>> execStarts(String contents) {
            List<List<String>> out = new ArrayList<>();
            String joined = contents.replace("\\\n", " ");
            for (String line : joined.split("\n")) {
                if (line.startsWith("ExecStart=")) {
                    out.add(List.of(line.substring("ExecStart=".length()).trim().split("\\s+")));
                }
            }
            return out;
        }
    }
}
