package io.metalboot.router.edgeos;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.Leaves.Leaf;
import io.metalboot.router.plan.Change;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.PlanBuilder;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a rollback on an EdgeRouter: the whole ACTIVE {@code service dhcp-server} back to exactly
 * the snapshot's (entries changed by hand since are returned too, and the plan shows them), the
 * include files back to the snapshot's content or gone, and the ownership back to the snapshot's.
 * Only the DHCP subtree is touched: the rest of the router's configuration stays as it is now.
 */
public final class EdgeosRestorer {
    private static final List<String> ROOT = List.of("service", "dhcp-server");

    private EdgeosRestorer() {
    }

    /** The include files a rollback restores: metalboot's standard ones and any file owned now or then. */
    public static List<String> files(Snapshot target, Ownership now) {
        java.util.TreeSet<String> paths = new java.util.TreeSet<>(EdgeosLive.INCLUDES);
        paths.addAll(target.ownership().owned(EntryKind.FILE));
        paths.addAll(now.owned(EntryKind.FILE));
        return List.copyOf(paths);
    }

    public static Plan plan(EdgeosLive live, Snapshot target) {
        if (target.kind() != RouterKind.EDGEOS) {
            throw new IllegalArgumentException("an EdgeOS rollback needs an edgeos snapshot, not " + target.kind().label());
        }
        String text = target.file(Snapshot.ACTIVE_DHCP).orElseThrow(() -> new RouterAgentException(
                "revision " + target.revision() + " holds no snapshot of the active dhcp-server; it cannot be restored"));
        ConfigTree want = ConfigTree.parseBoot(text, "revision " + target.revision() + " " + Snapshot.ACTIVE_DHCP);
        ConfigTree now = live.active().subtree(ROOT.toArray(String[]::new));
        PlanBuilder plan = new PlanBuilder(RouterKind.EDGEOS, live.ownership());
        List<String> lines = TreeDiff.lines(now, want, ROOT);
        changes(plan, now, want);
        plan.commands(lines);
        ConfigTree after = live.active().applyAll(lines);
        if (!after.subtree(ROOT.toArray(String[]::new)).equals(want.subtree(ROOT.toArray(String[]::new)))) {
            throw new RouterAgentException("metalboot planned a rollback that does not reach revision " + target.revision()
                    + "'s dhcp-server (this is a bug in metalboot; nothing was sent)");
        }
        restoreFiles(plan, target, live.files(), files(target, live.ownership()));
        if (!live.dhcpdRunning()) {
            plan.note("dhcpd is not running on the router now");
        }
        return plan.build(target.ownership());
    }

    /** Uploads the snapshot's files that differ, deletes those it did not have. */
    static void restoreFiles(PlanBuilder plan, Snapshot target, Map<String, Optional<String>> live, List<String> paths) {
        for (String path : paths) {
            Optional<String> want = target.file(path);
            Optional<String> have = live.getOrDefault(path, Optional.empty());
            if (!want.equals(have)) {
                plan.restoreFile(path, have, want);
            }
        }
    }

    /** The readable changes: per static mapping, per raw parameter, per other leaf. */
    private static void changes(PlanBuilder plan, ConfigTree now, ConfigTree want) {
        Map<List<String>, Entry> was = entries(now);
        Map<List<String>, Entry> will = entries(want);
        was.forEach((id, entry) -> {
            Entry next = will.get(id);
            if (next == null) {
                plan.change(Change.delete(entry.kind, entry.key, entry.text, entry.scope), List.of());
            } else if (!next.text.equals(entry.text)) {
                plan.change(Change.change(entry.kind, entry.key, entry.text, next.text, entry.scope), List.of());
            }
        });
        will.forEach((id, entry) -> {
            if (!was.containsKey(id)) {
                plan.change(Change.add(entry.kind, entry.key, entry.text, entry.scope), List.of());
            }
        });
    }

    private record Entry(EntryKind kind, String key, String text, String scope) {
    }

    private static Map<List<String>, Entry> entries(ConfigTree tree) {
        Map<List<String>, Entry> out = new LinkedHashMap<>();
        Map<List<String>, List<String>> mappings = new LinkedHashMap<>();
        for (Leaf leaf : Leaves.of(tree.root().find(ROOT)).values()) {
            List<String> path = leaf.path();
            int scopeEnd = path.size() >= 4 && path.get(0).equals("shared-network-name") && path.get(2).equals("subnet") ? 4
                    : path.size() >= 2 && path.get(0).equals("shared-network-name") ? 2 : 0;
            String scope = scopeEnd == 0 ? "dhcp-server" : String.join(" ", path.subList(0, scopeEnd));
            List<String> rest = path.subList(scopeEnd, path.size());
            String last = rest.get(rest.size() - 1);
            if (rest.size() > 2 && rest.get(0).equals("static-mapping")) {
                List<String> id = path.subList(0, scopeEnd + 2);
                mappings.computeIfAbsent(id, k -> new ArrayList<>()).add(String.join(" ", rest.subList(2, rest.size()))
                        + (leaf.values().isEmpty() ? "" : " " + String.join(", ", leaf.values())));
                out.put(id, new Entry(EntryKind.STATIC_MAPPING, rest.get(1), "", scope));
            } else if (rest.size() == 1 && (last.equals("global-parameters") || last.equals("subnet-parameters"))) {
                EntryKind kind = last.equals("global-parameters") ? EntryKind.GLOBAL_PARAMETER : EntryKind.SUBNET_PARAMETER;
                for (String value : leaf.values()) {
                    out.put(Leaves.concat(path, List.of(value)), new Entry(kind, value.replace("&quot;", "\""), "", scope));
                }
            } else {
                out.put(path, new Entry(EntryKind.SETTING, String.join(" ", rest), Leaves.text(leaf), scope));
            }
        }
        mappings.forEach((id, leaves) -> out.compute(id, (k, e) -> new Entry(e.kind, e.key, String.join(", ", leaves), e.scope)));
        return out;
    }
}
