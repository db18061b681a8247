package io.metalboot.router.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.history.Revision.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionStoreTest {
    @TempDir
    Path dir;

    static Revision draft(String router, Outcome outcome) {
        return Revision.draft(Instant.parse("2026-11-24T06:00:00Z"), "alice", router, "edgeos",
                List.of("+ static-mapping kube-master 192.168.1.201 00:00:00:00:00:01"),
                List.of("set service dhcp-server shared-network-name LAN subnet 192.168.1.0/24 static-mapping kube-master ip-address 192.168.1.201"),
                Map.of("/config/config.boot", "before\n"), Map.of("/config/config.boot", "after\n"), outcome,
                Optional.empty(), Optional.empty());
    }

    @Test
    void revisionsAreNumberedInOrderAndReadBack() {
        RevisionStore store = RevisionStore.beside(dir.resolve("cluster.yaml"));
        Revision first = store.record(draft("ubnt@192.168.1.1:22", Outcome.APPLIED));
        Revision second = store.record(draft("ubnt@192.168.1.1:22", Outcome.REVERTED));
        assertEquals("0001", first.id());
        assertEquals("0002", second.id());
        assertEquals(List.of(first, second), store.list());
        assertEquals(Optional.of(second), store.find("2"));
        assertEquals(Optional.of(first), store.lastApplied("ubnt@192.168.1.1:22"));
        assertEquals(Optional.empty(), store.lastApplied("root@10.0.0.1:22"));
        assertTrue(Files.isRegularFile(dir.resolve(".metalboot/revisions/0001.json")));
    }

    @Test
    void aReservedRevisionSaysInterruptedUntilItsRunFinishes() {
        RevisionStore store = RevisionStore.beside(dir.resolve("cluster.yaml"));
        Revision reserved = store.reserve(draft("ubnt@192.168.1.1:22", Outcome.APPLIED));
        assertEquals(Outcome.UNKNOWN, store.find("1").orElseThrow().outcome());
        assertEquals(Optional.of(RevisionStore.INTERRUPTED), store.find("1").orElseThrow().message());
        assertEquals("0002", store.record(draft("ubnt@192.168.1.1:22", Outcome.FAILED)).id(), "the number is taken");
        Revision done = store.finish(reserved.withRun(List.of("echo done"), Map.of("/config/config.boot", "later\n"))
                .with(Outcome.APPLIED, Optional.empty()));
        assertEquals(done, store.find("1").orElseThrow());
        assertEquals(Optional.of(done), store.lastApplied("ubnt@192.168.1.1:22"));
        assertEquals(2, store.list().size(), "no temporary file left behind");
        assertThrows(RouterAgentException.class, () -> store.finish(draft("x", Outcome.APPLIED)));
    }

    @Test
    void theJsonIsReadableByPeople() throws Exception {
        RevisionStore store = new RevisionStore(dir);
        store.record(draft("r", Outcome.APPLIED));
        String json = Files.readString(dir.resolve("0001.json"));
        assertTrue(json.contains("\"time\" : \"2026-11-24T06:00:00Z\""), json);
        assertTrue(json.contains("\"outcome\" : \"APPLIED\""), json);
        assertTrue(json.contains("\"/config/config.boot\" : \"before\\n\""), json);
    }

    @Test
    void aDamagedFileIsNamedWithWhatToDo() throws Exception {
        RevisionStore store = new RevisionStore(dir);
        store.record(draft("r", Outcome.APPLIED));
        Files.writeString(dir.resolve("0002.json"), "{\n  \"id\" : \"0002\",\n  \"bogus\" : 1\n}\n");
        RouterAgentException e = assertThrows(RouterAgentException.class, store::list);
        assertTrue(e.getMessage().startsWith(dir.resolve("0002.json") + ":4: not a metalboot revision: "), e.getMessage());
        assertTrue(e.getMessage().contains("missing field 'time'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(restore it from version control or move it out of " + dir + ")"), e.getMessage());
    }
}
