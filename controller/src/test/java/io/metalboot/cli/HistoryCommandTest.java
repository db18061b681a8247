package io.metalboot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsRevisionsBesideTheInventory() {
        Path inventory = dir.resolve("cluster.yaml");
        Cli empty = Cli.run("history", "-c", inventory.toString());
        assertEquals("no revisions yet in " + dir.resolve(".metalboot/revisions")
                + " (metalboot apply records one per change)\n", empty.out());
        RevisionStore.beside(inventory).record(Revision.draft(Instant.parse("2026-11-24T06:00:00Z"), "alice",
                "ubnt@192.168.1.1:22", "edgeos", List.of("+ static-mapping kube-master 192.168.1.201 00:00:00:00:00:01"),
                List.of(), Map.of(), Map.of(), Revision.Outcome.APPLIED, Optional.empty(), Optional.empty()));
        Cli r = Cli.run("history", "-c", inventory.toString(), "--changes");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("0001  2026-11-24T06:00:00Z  applied  edgeos  ubnt@192.168.1.1:22          1 change\n"
                + "      + static-mapping kube-master 192.168.1.201 00:00:00:00:00:01\n", r.out());
    }
}
