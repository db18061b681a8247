package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.routercfg.RouterTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        Inventory inv = inventory.load();
        RevisionStore store = RevisionStore.beside(inventory.file);
        Revision last = store.lastApplied(RouterOptions.id(inv)).orElseThrow(() -> new io.metalboot.router.RouterAgentException(
                "no applied revision for " + RouterOptions.id(inv) + " in " + store.dir() + "; run 'metalboot apply' first"));
        SortedMap<String, String> live;
        try (RouterSession session = router.open(inv)) {
            live = LiveReader.forInventory(inv, new RouterTemplates(Optional.empty())).read(session).files();
        }
        List<String> drift = new ArrayList<>();
        for (String path : union(last.after().keySet(), live.keySet())) {
            if (WHOLE_ROUTER.contains(path)) {
                continue;
            }
            drift.addAll(fileDrift(path, Optional.ofNullable(last.after().get(path)), Optional.ofNullable(live.get(path))));
        }
        var out = spec.commandLine().getOut();
        if (drift.isEmpty()) {
            out.println("no drift: the router matches revision " + last.id() + " (" + last.time() + ").");
            out.flush();
            return 0;
        }
        out.println("drift on " + RouterOptions.id(inv) + " since revision " + last.id() + " (" + last.time() + "):");
        drift.forEach(out::println);
        out.flush();
        return PlanCommand.CHANGES_PENDING;
    }

    /**
     * Whole-router files: EdgeOS's config.boot also holds everything outside DHCP, so DHCP drift shows
     * through the active dhcp-server and the include files instead.
     */
    private static final java.util.Set<String> WHOLE_ROUTER = java.util.Set.of(io.metalboot.router.edgeos.EdgeosLive.CONFIG_BOOT);

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Lines of {@code path} only in the applied revision ({@code -}) or only on the router now ({@code +}). */
    static List<String> fileDrift(String path, Optional<String> applied, Optional<String> now) {
        if (applied.equals(now)) {
            return List.of();
        }
        if (applied.isEmpty() || now.isEmpty()) {
            return List.of((now.isEmpty() ? "- " : "+ ") + path + (now.isEmpty() ? " (gone from the router)" : " (new on the router)"));
        }
        List<String> out = new ArrayList<>(List.of("~ " + path));
        List<String> before = new ArrayList<>(applied.get().lines().toList());
        List<String> after = new ArrayList<>(now.get().lines().toList());
        List<String> removed = new ArrayList<>(before);
        after.forEach(removed::remove);
        List<String> added = new ArrayList<>(after);
        before.forEach(added::remove);
        removed.forEach(l -> out.add("    - " + l.strip()));
        added.forEach(l -> out.add("    + " + l.strip()));
        return out;
    }
}
