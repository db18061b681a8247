package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.metalboot.boot.DataDir;
import io.metalboot.boot.DataFiles;
import io.metalboot.boot.Progress;
import io.metalboot.boot.store.FixedStore;
import io.metalboot.boot.store.Health;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The boot routes through Helidon's in-memory routing test client, on the same routing {@code serve} uses. The store
 * hands out data set A and data set B in turn, one per snapshot read: an answer rendered from two reads would mix them.
 */
@RoutingTest
class BootRoutingTest {
    static final FixedStore STORE = new FixedStore(data("A"), data("B"));
    private final DirectClient client;

    BootRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder r) {
        BootServer.routing(r, STORE, new Progress(Map.of(), Map.of(), Clock.systemUTC()), new Metrics());
    }

    static DataDir data(String set) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put("groups/g.json", ("{\"id\":\"g\",\"profile\":\"p\",\"selector\":{\"mac\":\"52:54:00:00:00:01\"},"
                + "\"metadata\":{\"set\":\"" + set + "\"}}").getBytes(StandardCharsets.UTF_8));
        files.put("profiles/p.json", ("{\"id\":\"p\",\"boot\":{\"kernel\":\"/assets/" + set + "/k\"},\"generic_id\":\"t\"}")
                .getBytes(StandardCharsets.UTF_8));
        files.put("generic/t", ("group {{.set}} template " + set + "\n").getBytes(StandardCharsets.UTF_8));
        return DataDir.parse(Path.of("/data-" + set), Path.of("/nonexistent-" + set), new DataFiles(files));
    }

    String get(String path) {
        int q = path.indexOf('?');
        var request = client.get(q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                request.queryParam(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        try (var res = request.request()) {
            return res.status().code() + " " + res.as(String.class);
        }
    }

    @Test
    void eachAnswerComesFromOneSnapshotReadOnce() {
        for (int i = 0; i < 6; i++) {
            int before = STORE.reads();
            String generic = get("/generic?mac=52:54:00:00:00:01");
            assertEquals(1, STORE.reads() - before, "one snapshot read per request");
            String set = generic.contains("group A") ? "A" : "B";
            assertEquals("200 group " + set + " template " + set + "\n", generic);
            String ipxe = get("/ipxe?mac=52-54-00-00-00-01");
            String kernel = ipxe.contains("/assets/A/k") ? "A" : "B";
            assertEquals("200 #!ipxe\nkernel /assets/" + kernel + "/k\nboot\n", ipxe);
        }
    }

    @Test
    void noGroupIsA404NamingTheLabels() {
        assertEquals("404 no group matches labels {mac=52:54:00:00:00:02} (groups: g{mac=52:54:00:00:00:01})\n",
                get("/ipxe?mac=52:54:00:00:00:02"));
    }

    @Test
    void healthzSaysWhatTheStoreSays() {
        assertEquals("200 ok\n", get("/healthz"));
        STORE.health(new Health(true, List.of("etcd://127.0.0.1:1 unreachable since 2025-01-01T00:00:00Z")));
        try {
            assertEquals("200 degraded (serving the last good data; etcd://127.0.0.1:1 unreachable since 2025-01-01T00:00:00Z)\n",
                    get("/healthz"));
        } finally {
            STORE.health(Health.OK);
        }
    }

    @Test
    void chainScriptNeedsNoData() {
        assertEquals("200 #!ipxe\nchain ipxe?uuid=${uuid}&mac=${mac:hexhyp}&domain=${domain}&hostname=${hostname}"
                + "&serial=${serial}&arch=${buildarch:uristring}\n", get("/boot.ipxe"));
    }
}
