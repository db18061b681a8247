package io.metalboot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metalboot.inventory.Inventory;
import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.EdgeosLive;
import io.metalboot.router.history.DriftRecord;
import io.metalboot.router.history.Revision;
import io.metalboot.router.change.RouterChangeRun;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.routercfg.RouterTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show drift: what changed on the router since metalboot last applied to it.", "",
                "Reads the router's DHCP files and configuration in one round trip and compares them with what"
                        + " the last applied revision left there (metalboot history).", ""},
        footer = {"", "Exit status: 0 no drift, 3 drift found, 1 failure (no applied revision, router unreachable)."})
final class DiffCommand implements Callable<Integer> {
    /**
     * Whole-router files: EdgeOS's config.boot also holds everything outside DHCP, so DHCP drift shows
     * through the active dhcp-server and the include files instead.
     */
    private static final Set<String> WHOLE_ROUTER = Set.of(EdgeosLive.CONFIG_BOOT);

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    RouterOptions router;

    @Mixin
    JsonOption json;

    /** One file that differs: gone from the router, new on it, or changed ({@code removed}/{@code added} lines). */
    record FileDrift(String path, String state, List<String> removed, List<String> added) {
        List<String> lines() {
            if (!state.equals("changed")) {
                return List.of((state.equals("gone") ? "- " : "+ ") + path + (state.equals("gone") ? " (gone from the router)" : " (new on the router)"));
            }
            List<String> out = new ArrayList<>(List.of("~ " + path));
            removed.forEach(l -> out.add("    - " + l.strip()));
            added.forEach(l -> out.add("    + " + l.strip()));
            return out;
        }
    }

    @Override
    public Integer call() {
        Inventory inv = RouterOptions.reachable(inventory.load(), "diff");
        RevisionStore store = RevisionStore.beside(inventory.file);
        String id = RouterOptions.id(inv);
        if (store.list().stream().noneMatch(r -> r.router().equals(id))) {
            throw new RouterAgentException("no applied revision for " + id + " in " + store.dir() + "; run 'metalboot apply' first");
        }
        SortedMap<String, String> live;
        try (RouterSession session = router.open(inv)) {
            live = SettledRead.read(new RouterChangeRun(session, SettledRead.forInventory(inv, new RouterTemplates(Optional.empty())),
                    store, id), spec.commandLine().getErr()).files();
        }
        Revision last = store.lastApplied(id).orElseThrow(() -> new RouterAgentException(
                "no applied revision for " + id + " in " + store.dir() + "; run 'metalboot apply' first"));
        TreeSet<String> paths = new TreeSet<>(last.after().keySet());
        paths.addAll(live.keySet());
        paths.removeAll(WHOLE_ROUTER);
        List<FileDrift> drift = new ArrayList<>();
        for (String path : paths) {
            fileDrift(path, Optional.ofNullable(last.after().get(path)), Optional.ofNullable(live.get(path))).ifPresent(drift::add);
        }
        new DriftRecord(java.time.Instant.now(), id, last.id(), drift.stream().map(FileDrift::path).toList()).write(inventory.file);
        var out = spec.commandLine().getOut();
        if (json.json) {
            ObjectNode doc = JsonOption.JSON.createObjectNode();
            doc.put("router", id);
            doc.put("revision", last.id());
            doc.put("revisionTime", last.time().toString());
            ArrayNode files = doc.putArray("drift");
            for (FileDrift d : drift) {
                ObjectNode n = files.addObject();
                n.put("path", d.path());
                n.put("state", d.state());
                n.set("removed", PlanJson.strings(d.removed()));
                n.set("added", PlanJson.strings(d.added()));
            }
            out.println(JsonOption.write(doc));
        } else if (drift.isEmpty()) {
            out.println("no drift: the router matches revision " + last.id() + " (" + last.time() + ").");
        } else {
            Style style = Style.detect();
            out.println("drift on " + id + " since revision " + last.id() + " (" + last.time() + "):");
            drift.forEach(d -> d.lines().forEach(line -> out.println(style.line(line))));
        }
        out.flush();
        return drift.isEmpty() ? 0 : PlanCommand.CHANGES_PENDING;
    }

    /** How {@code path} differs between the applied revision and the router now; empty when it does not. */
    static Optional<FileDrift> fileDrift(String path, Optional<String> applied, Optional<String> now) {
        if (applied.equals(now)) {
            return Optional.empty();
        }
        if (applied.isEmpty() || now.isEmpty()) {
            return Optional.of(new FileDrift(path, now.isEmpty() ? "gone" : "new", List.of(), List.of()));
        }
        List<String> before = applied.get().lines().toList();
        List<String> after = now.get().lines().toList();
        List<String> removed = new ArrayList<>(before);
        after.forEach(removed::remove);
        List<String> added = new ArrayList<>(after);
        before.forEach(added::remove);
        return Optional.of(new FileDrift(path, "changed", removed, added));
    }
}
