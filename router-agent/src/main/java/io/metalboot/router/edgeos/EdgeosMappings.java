package io.metalboot.router.edgeos;

import io.metalboot.router.MacAddress;
import io.metalboot.router.edgeos.Leaves.Leaf;
import io.metalboot.router.plan.Change;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.PlanBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans EdgeOS static mappings: collisions of unowned mappings with the inventory's (by name, MAC or
 * IP, under any shared network, since dhcpd's host names are global), adoption of identical unowned
 * ones, then deletions of owned mappings no longer wanted, changes (only the leaves that differ) and
 * additions in the target subnet.
 */
final class EdgeosMappings {
    private static final String MAPPING = "static-mapping";

    /** A mapping where it lives: its subnet's path below the root, and its node. */
    record Located(String name, List<String> subnetPath, Node node) {
        Optional<String> ip() {
            return node.find(List.of("ip-address")).flatMap(n -> n.values().stream().findFirst());
        }

        Optional<MacAddress> mac() {
            return node.find(List.of("mac-address")).flatMap(n -> n.values().stream().findFirst()).flatMap(MacAddress::parse);
        }

        String text() {
            return ip().orElse("(no ip-address)") + " " + node.find(List.of("mac-address"))
                    .flatMap(n -> n.values().stream().findFirst()).orElse("(no mac-address)")
                    + (node.children().containsKey("disable") ? " (disabled)" : "");
        }

        List<String> path() {
            return Leaves.concat(subnetPath, List.of(MAPPING, name));
        }
    }

    private EdgeosMappings() {
    }

    /** Every mapping of every subnet of {@code tree}, in display order. */
    static List<Located> all(ConfigTree tree) {
        List<Located> found = new ArrayList<>();
        DhcpServerView view = new DhcpServerView(tree);
        for (String shared : view.server().children("shared-network-name")) {
            for (DhcpServerView.Subnet subnet : view.subnets(shared)) {
                List<String> subnetPath = subnet.scope().path();
                for (String name : tree.children(subnet.scope().at(MAPPING))) {
                    found.add(new Located(name, subnetPath, tree.root().find(Leaves.concat(subnetPath, List.of(MAPPING, name))).orElseThrow()));
                }
            }
        }
        return found;
    }

    /** Records a conflict for every unowned mapping that collides with a wanted one. */
    static void conflicts(PlanBuilder plan, ConfigTree live, List<Located> wanted, List<String> target, Ownership owned) {
        List<Located> present = all(live);
        for (Located want : wanted) {
            for (Located have : present) {
                if (!owned.owns(EntryKind.STATIC_MAPPING, have.name())) {
                    collision(have, want, target).ifPresent(plan::conflict);
                }
            }
        }
    }

    /** Deletions, changes and additions (call after {@link #conflicts} found none). */
    static void changes(PlanBuilder plan, ConfigTree live, List<Located> wanted, List<String> target, String scope, Ownership owned) {
        List<Located> present = all(live);
        Map<String, Located> byName = new LinkedHashMap<>();
        present.forEach(mapping -> byName.putIfAbsent(mapping.name(), mapping));
        for (Located have : present) {
            boolean desired = wanted.stream().anyMatch(want -> want.name().equals(have.name()));
            if (owned.owns(EntryKind.STATIC_MAPPING, have.name()) && !desired) {
                plan.change(Change.delete(EntryKind.STATIC_MAPPING, have.name(), have.text(), scope(have, target, scope)),
                        List.of(Leaves.delete(have.path())));
            }
        }
        for (Located want : wanted) {
            Located at = new Located(want.name(), target, want.node());
            Optional<Located> have = Optional.ofNullable(byName.get(want.name()));
            if (have.isEmpty()) {
                plan.change(Change.add(EntryKind.STATIC_MAPPING, want.name(), want.text(), scope),
                        Leaves.diff(at.path(), Map.of(), Leaves.of(Optional.of(want.node())), true));
            } else if (!owned.owns(EntryKind.STATIC_MAPPING, want.name())) {
                plan.adopt(Change.adopt(EntryKind.STATIC_MAPPING, want.name(), want.text(), scope));
            } else if (!have.get().subnetPath().equals(target)) {
                List<String> lines = new ArrayList<>(List.of(Leaves.delete(have.get().path())));
                lines.addAll(Leaves.diff(at.path(), Map.of(), Leaves.of(Optional.of(want.node())), true));
                plan.change(Change.change(EntryKind.STATIC_MAPPING, want.name(), have.get().text() + " in "
                        + scope(have.get(), target, scope), want.text(), scope), lines);
            } else {
                Map<List<String>, Leaf> now = Leaves.of(Optional.of(have.get().node()));
                Map<List<String>, Leaf> next = Leaves.of(Optional.of(want.node()));
                List<String> lines = Leaves.diff(at.path(), now, next, true);
                if (!lines.isEmpty()) {
                    plan.change(Change.change(EntryKind.STATIC_MAPPING, want.name(), have.get().text() + Leaves.differing(now, next),
                            want.text() + Leaves.differing(next, now), scope), lines);
                }
            }
        }
    }

    /**
     * The conflict message when unowned {@code have} collides with wanted {@code want}; empty when
     * it does not, or when it is the same mapping exactly as wanted in the target subnet (adopted).
     */
    private static Optional<String> collision(Located have, Located want, List<String> target) {
        boolean sameName = have.name().equals(want.name());
        if (sameName && have.subnetPath().equals(target) && Leaves.of(Optional.of(have.node())).equals(Leaves.of(Optional.of(want.node())))) {
            return Optional.empty();
        }
        List<String> attributes = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (sameName) {
            attributes.add("name");
        }
        if (have.mac().isPresent() && have.mac().equals(want.mac())) {
            attributes.add("MAC");
            values.add(want.mac().orElseThrow().toString());
        }
        if (have.ip().isPresent() && have.ip().equals(want.ip())) {
            attributes.add("IP");
            values.add(want.ip().orElseThrow());
        }
        if (attributes.isEmpty()) {
            return Optional.empty();
        }
        if (values.isEmpty()) {
            values.add(want.mac().map(Objects::toString).orElse("?"));
            values.add(want.ip().orElse("?"));
        }
        String where = have.subnetPath().equals(target) ? "" : " in " + scope(have, target, "");
        String haveMac = have.node().find(List.of("mac-address")).flatMap(n -> n.values().stream().findFirst()).orElse("no MAC");
        return Optional.of("router static-mapping '" + have.name() + "'" + where + " (" + haveMac + ", "
                + have.ip().orElse("no IP") + ") has the " + String.join(" and ", attributes) + " of machine "
                + want.name() + " (" + String.join(", ", values) + "); metalboot does not own it:"
                + " remove or rename it on the router, or change the inventory");
    }

    /** {@code shared-network-name LAN subnet 192.168.1.0/24} for a mapping's subnet. */
    private static String scope(Located mapping, List<String> target, String targetScope) {
        if (mapping.subnetPath().equals(target) && !targetScope.isEmpty()) {
            return targetScope;
        }
        List<String> p = mapping.subnetPath();
        return "shared-network-name " + p.get(p.size() - 3) + " subnet " + p.get(p.size() - 1);
    }
}
