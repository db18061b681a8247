package io.metalboot.boot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.Progress;
import io.metalboot.boot.http.BootServer;
import io.metalboot.boot.store.FileStore;
import io.metalboot.inventory.UnknownMachines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boot history: kept across a restart, a cut-short line skipped, bounded under a flood of random MACs. */
class BootHistoryTest {
    static final Path SEED = Path.of("src/test/resources/seed-data");
    static final String MAC = "b8:ae:ed:7a:b6:92";

    @TempDir
    Path state;

    final HttpClient client = HttpClient.newHttpClient();

    BootEvents events(Path dir, long maxBytes) {
        return new BootEvents(new FileEventLog(dir, maxBytes), new Progress(Map.of(), Map.of(MAC, "kube-master"), Clock.systemUTC()),
                new Board(List.of(new Board.Known(MAC, "kube-master", "192.168.1.201", "master"))), new Oui(Oui.DEBIAN), Clock.systemUTC());
    }

    String get(BootServer server, String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void aRestartedServerKeepsStatusAndTimeline() throws Exception {
        try (FileStore data = new FileStore(SEED); BootEvents events = events(state, FileEventLog.DEFAULT_MAX_BYTES);
                BootServer server = BootServer.start("127.0.0.1", 0, data, new BootServer.Options(events, UnknownMachines.DISCOVER,
                        io.metalboot.boot.http.Overview.NONE))) {
            get(server, "/ipxe?mac=" + MAC);
            get(server, "/ignition?mac=" + MAC + "&os=installed");
            get(server, "/ipxe?mac=52:54:00:00:00:99");
        }
        try (FileStore data = new FileStore(SEED); BootEvents events = events(state, FileEventLog.DEFAULT_MAX_BYTES);
                BootServer server = BootServer.start("127.0.0.1", 0, data, new BootServer.Options(events, UnknownMachines.DISCOVER,
                        io.metalboot.boot.http.Overview.NONE))) {
            String status = get(server, "/status");
            assertTrue(status.contains("\"mac\" : \"" + MAC + "\"") && status.contains("\"stage\" : \"installed\""), status);
            assertTrue(status.contains("\"stages\" : \"ipxe, installed\""), status);
            String machines = get(server, "/ui/machines");
            assertTrue(machines.contains("\"mac\":\"52:54:00:00:00:99\",\"client\":\"127.0.0.1\",\"stage\":\"discovered\",\"discovered\":true"),
                    machines);
            assertTrue(machines.contains("\"adopt\":\"metalboot adopt 52:54:00:00:00:99 --name node-000099 --role worker\""), machines);
        }
    }

    @Test
    void aLineCutShortByAPowerCutIsSkippedAndTheNextEventStillReads() throws Exception {
        try (BootEvents events = events(state, FileEventLog.DEFAULT_MAX_BYTES)) {
            events.seen(MAC, "192.168.1.201", "ipxe", "ipxe", "install", 200, Map.of());
        }
        Files.writeString(state.resolve(FileEventLog.FILE), "{\"time\":\"2025-01-0", StandardOpenOption.APPEND);
        try (BootEvents events = events(state, FileEventLog.DEFAULT_MAX_BYTES)) {
            assertEquals("ipxe", events.progress().all().get(0).stage());
            events.seen(MAC, "192.168.1.201", "kernel", "/assets/k", "", 200, Map.of());
        }
        FileEventLog log = new FileEventLog(state, FileEventLog.DEFAULT_MAX_BYTES);
        assertEquals(List.of("ipxe", "kernel"), log.replay().stream().map(BootEvent::stage).toList());
        log.close();
        assertEquals(3, Files.readAllLines(state.resolve(FileEventLog.FILE)).size());
    }

    @Test
    void markupInAReportIsKeptAsTextInJson() {
        BootEvent e = new BootEvent(Instant.parse("2025-01-01T00:00:00Z"), MAC, "discovered", "10.0.0.9", "discover", "", 200,
                Map.of("hostname", "<script>alert(1)</script>\"\n"));
        assertFalse(e.json().contains("\n"));
        assertEquals(e, BootEvent.parse(e.json()));
    }

    @Test
    void aFloodOfRandomMacsStaysWithinTheLogsBoundAndTheBoards() throws Exception {
        long max = 256 * 1024;
        Random random = new Random(20);
        try (BootEvents events = events(state, max)) {
            for (int i = 0; i < 100_000; i++) {
                String mac = String.format("02:%02x:%02x:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256),
                        random.nextInt(256), random.nextInt(256));
                events.seen(mac, "10.0.0.9", "discovered", "ipxe", "", 200, Map.of("hostname", "h" + i));
            }
            for (int i = 0; i < 1000; i++) {
                events.seen(MAC, "192.168.1.201", "ipxe", "ipxe", "install", 200, Map.of()); // one MAC, over and over
            }
            assertTrue(events.board().all().size() <= Board.MAX_OTHERS + 1, "board: " + events.board().all().size());
            assertTrue(events.progress().all().size() <= Progress.MAX_UNKNOWN + 1, "progress: " + events.progress().all().size());
        }
        long size = Files.size(state.resolve(FileEventLog.FILE)) + Files.size(state.resolve(FileEventLog.OLD));
        assertTrue(size <= 2 * max, "the log holds " + size + " bytes, more than " + 2 * max);
        long sameMac = Files.readAllLines(state.resolve(FileEventLog.FILE), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(MAC)).count();
        assertTrue(sameMac <= FileEventLog.PER_MAC_PER_MINUTE * 2L, sameMac + " events of one MAC kept");
    }
}
