package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.Progress;
import io.metalboot.router.RequiredTool;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics and /status under a flood of made-up paths and MACs: no injected line, no series or entry per request. */
class GrowthTest {
    FileStore data;
    BootServer server;

    @BeforeEach
    void start() throws Exception {
        data = new FileStore(SeedDataTest.SEED);
        server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of("192.168.1.201", SeedDataTest.MAC),
                Map.of(SeedDataTest.MAC, "kube-master"), Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        data.close();
    }

    String get(String path) {
        return RequiredTool.find("curl", "curl").run("-s", "--path-as-is", "http://127.0.0.1:" + server.port() + path).output();
    }

    @Test
    void aPathCannotAddALineOrASeriesToMetrics() throws Exception {
        get("/a%22%7D%20666%0Afake_metric%7Bx=%22y");
        get("/a%22%7D%20666");
        List<String> heads = IntStream.range(0, 20_000).mapToObj(i -> "GET /made-up-" + i + " HTTP/1.1\r\nHost: x").toList();
        assertEquals(Map.of(404, 20_000), Pipelined.send(server.port(), heads));
        String metrics = get("/metrics");
        assertFalse(metrics.contains("fake_metric") || metrics.contains("made-up") || metrics.contains("666"), metrics);
        assertTrue(metrics.contains("metalboot_http_requests_total{endpoint=\"other\",status=\"404\"} 20001\n"), metrics);
        assertTrue(metrics.contains("metalboot_http_requests_total{endpoint=\"other\",status=\"400\"} 1\n"), metrics);
        assertTrue(metrics.length() < 2_000, metrics.length() + " bytes: " + metrics);
    }

    @Test
    void madeUpMacsNeitherGrowStatusNorPushOutTheInventory() throws Exception {
        get("/ipxe?mac=" + SeedDataTest.MAC);
        List<String> heads = IntStream.range(0, 20_000).mapToObj(i -> String.format("GET /ipxe?mac=02:00:00:%02x:%02x:%02x HTTP/1.1\r\nHost: x",
                i >> 16, (i >> 8) & 0xff, i & 0xff)).toList();
        assertEquals(Map.of(200, 20_000), Pipelined.send(server.port(), heads));
        JsonNode status = new ObjectMapper().readTree(get("/status"));
        assertEquals(Progress.MAX_UNKNOWN + 1, status.size());
        assertTrue(status.toString().contains("\"name\":\"kube-master\""), "the inventory's machine stays");
        assertTrue(status.toString().contains("02:00:00:00:4e:1f"), "the newest unknown MAC is kept");
        assertFalse(status.toString().contains("02:00:00:00:00:00"), "the oldest unknown MAC made room");
    }
}
