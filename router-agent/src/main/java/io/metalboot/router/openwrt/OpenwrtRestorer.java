package io.metalboot.router.openwrt;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.plan.Change;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.PlanBuilder;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.Snapshot;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Plans a rollback on an OpenWrt router: {@code /etc/config/dhcp} back to exactly the snapshot's
 * bytes (written whole, as the router-side revert does, then dnsmasq reloaded), metalboot's snippet
 * files back to the snapshot's content or gone, and the ownership back to the snapshot's. Sections
 * changed by hand since are returned too, and the plan shows them. Uncommitted uci changes stop it.
 */
public final class OpenwrtRestorer {
    private OpenwrtRestorer() {
    }

    /** The files a rollback reads and restores besides the dhcp package: files owned now or then. */
    public static List<String> files(Snapshot target, Ownership now) {
        TreeSet<String> paths = new TreeSet<>(target.ownership().owned(EntryKind.FILE));
        paths.addAll(now.owned(EntryKind.FILE));
        return List.copyOf(paths);
    }

    public static Plan plan(OpenwrtLive live, Snapshot target) {
        if (target.kind() != RouterKind.OPENWRT) {
            throw new IllegalArgumentException("an OpenWrt rollback needs an openwrt snapshot, not " + target.kind().label());
        }
        String want = target.file(OpenwrtLive.DHCP).orElseThrow(() -> new RouterAgentException(
                "revision " + target.revision() + " holds no snapshot of " + OpenwrtLive.DHCP + "; it cannot be restored"));
        PlanBuilder plan = new PlanBuilder(RouterKind.OPENWRT, live.ownership());
        if (!live.stagedChanges().isEmpty()) {
            plan.conflict("the router has uncommitted uci changes in dhcp: " + String.join(", ", live.stagedChanges().stream()
                    .map(String::strip).toList()) + "; a rollback rewrites " + OpenwrtLive.DHCP + " and would lose them: commit"
                    + " them ('uci commit dhcp') or revert them ('uci revert dhcp') on the router, then roll back again");
        }
        plan.stopOnConflicts();
        if (!live.dhcpFile().equals(Optional.of(want))) {
            UciConfig then = UciConfig.parse("dhcp", want);
            sections(plan, live.committed(), then);
            plan.restoreFile(OpenwrtLive.DHCP, live.dhcpFile(), Optional.of(want));
        }
        for (String path : files(target, live.ownership())) {
            Optional<String> have = live.files().getOrDefault(path, Optional.empty());
            Optional<String> then = target.file(path);
            if (!then.equals(have)) {
                plan.restoreFile(path, have, then);
            }
        }
        if (!live.dnsmasqRunning()) {
            plan.note("dnsmasq is not running on the router now");
        }
        return plan.build(target.ownership());
    }

    /** The readable changes, one per section (named, or {@code @type[i]} when anonymous). */
    private static void sections(PlanBuilder plan, UciConfig now, UciConfig then) {
        Map<String, UciSection> was = byKey(now);
        Map<String, UciSection> will = byKey(then);
        was.forEach((key, section) -> {
            UciSection next = will.get(key);
            if (next == null) {
                plan.change(Change.delete(EntryKind.SECTION, key, OpenwrtPlanner.text(section), ""), List.of());
            } else if (!next.type().equals(section.type()) || !next.options().equals(section.options())) {
                plan.change(Change.change(EntryKind.SECTION, key, OpenwrtPlanner.text(section), OpenwrtPlanner.text(next), ""),
                        List.of());
            }
        });
        will.forEach((key, section) -> {
            if (!was.containsKey(key)) {
                plan.change(Change.add(EntryKind.SECTION, key, OpenwrtPlanner.text(section), ""), List.of());
            }
        });
    }

    private static Map<String, UciSection> byKey(UciConfig config) {
        Map<String, UciSection> out = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (UciSection section : config.sections()) {
            int i = index.merge(section.type(), 1, Integer::sum) - 1;
            out.put(section.anonymous() ? "@" + section.type() + "[" + i + "]" : section.name(), section);
        }
        return out;
    }
}
