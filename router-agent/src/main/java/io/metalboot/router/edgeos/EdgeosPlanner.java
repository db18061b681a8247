package io.metalboot.router.edgeos;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import io.metalboot.router.edgeos.Leaves.Leaf;
import io.metalboot.router.plan.Change;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.PlanBuilder;
import io.metalboot.router.plan.RouterKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plans an EdgeRouter: the live ACTIVE {@code service dhcp-server} against the desired one.
 * The desired subnet is planned inside the live subnet of the same CIDR under whatever
 * shared-network-name the router uses (the factory's {@code LAN}); only when the router has no such
 * subnet is the inventory's name used. Settings the inventory declares (lease, pool, dns-server,
 * default-router, authoritative …) are enforced; static mappings, raw parameters and include files
 * are added, changed and deleted only when metalboot owns them. An unowned entry exactly as desired
 * is adopted: from then on metalboot owns it (and deletes it when the inventory drops it).
 */
public final class EdgeosPlanner {
    private static final List<String> ROOT = List.of("service", "dhcp-server");
    private static final String GLOBAL = "global-parameters";
    private static final String SUBNET_PARAMS = "subnet-parameters";

    private EdgeosPlanner() {
    }

    /** Plans with the ownership read from the router's state file. */
    public static Plan plan(EdgeosLive live, EdgeosDesired desired) {
        return plan(live, desired, live.ownership());
    }

    public static Plan plan(EdgeosLive live, EdgeosDesired desired, Ownership owned) {
        PlanBuilder plan = new PlanBuilder(RouterKind.EDGEOS, owned);
        ConfigTree now = live.active();
        Node want = desired.tree().root();
        List<String> wantShared = Leaves.concat(ROOT, List.of("shared-network-name", desired.sharedNetwork()));
        List<String> wantSubnet = Leaves.concat(wantShared, List.of("subnet", desired.subnet()));
        List<String> subnet = liveSubnet(now, desired);
        List<String> shared = subnet.subList(0, subnet.size() - 2);
        String scope = "shared-network-name " + shared.get(shared.size() - 1) + " subnet " + subnet.get(subnet.size() - 1);
        if (!shared.equals(wantShared)) {
            plan.note("the router serves " + desired.subnet() + " in shared-network-name " + shared.get(shared.size() - 1)
                    + "; metalboot plans there (the inventory's name " + desired.sharedNetwork()
                    + " is not used: one subnet never goes under two shared networks)");
        }
        List<EdgeosMappings.Located> mappings = want.find(Leaves.concat(wantSubnet, List.of("static-mapping")))
                .map(tag -> tag.children().entrySet().stream()
                        .map(e -> new EdgeosMappings.Located(e.getKey(), subnet, e.getValue())).toList())
                .orElse(List.of());
        EdgeosMappings.conflicts(plan, now, mappings, subnet, owned);
        plan.files(desired.files(), live.files());
        plan.stopOnConflicts();

        Set<String> globalEntries = Set.of("shared-network-name", GLOBAL);
        settings(plan, now, want, ROOT, ROOT, p -> !globalEntries.contains(p.get(0)), "dhcp-server");
        List<String> globals = want.find(Leaves.concat(ROOT, List.of(GLOBAL))).map(Node::values).orElse(List.of());
        parameters(plan, now, EntryKind.GLOBAL_PARAMETER, Leaves.concat(ROOT, List.of(GLOBAL)), globals, owned, "dhcp-server");
        settings(plan, now, want, wantShared, shared, p -> !p.get(0).equals("subnet"), "shared-network-name " + shared.get(shared.size() - 1));
        Set<String> subnetEntries = Set.of("static-mapping", SUBNET_PARAMS, "start");
        settings(plan, now, want, wantSubnet, subnet, p -> !subnetEntries.contains(p.get(0)), scope);
        boolean poolChanged = pool(plan, now, want, wantSubnet, subnet, scope);
        List<String> subnetParams = want.find(Leaves.concat(wantSubnet, List.of(SUBNET_PARAMS))).map(Node::values).orElse(List.of());
        parameters(plan, now, EntryKind.SUBNET_PARAMETER, Leaves.concat(subnet, List.of(SUBNET_PARAMS)), subnetParams, owned, scope);
        EdgeosMappings.changes(plan, now, mappings, subnet, scope, owned);

        ConfigTree after = now.applyAll(plan.commands());
        if (poolChanged) {
            poolSwallows(plan, after, subnet);
        }
        if (!plan.hasConflicts()) {
            commitCheck(plan, now, after);
        }
        if (live.unsavedDhcpChanges()) {
            plan.note("the router's active dhcp-server differs from the saved " + EdgeosLive.CONFIG_BOOT
                    + " (committed, not saved): applying saves those changes too");
        }
        if (!live.dhcpdRunning()) {
            plan.note("dhcpd is not running on the router now");
        }
        Ownership next = owned.withOwned(EntryKind.STATIC_MAPPING, mappings.stream().map(EdgeosMappings.Located::name).toList())
                .withOwned(EntryKind.GLOBAL_PARAMETER, globals)
                .withOwned(EntryKind.SUBNET_PARAMETER, subnetParams)
                .withOwned(EntryKind.FILE, desired.files().keySet());
        return plan.build(next);
    }

    /** The path of the live subnet with the desired CIDR under any shared network, else the desired path. */
    static List<String> liveSubnet(ConfigTree now, EdgeosDesired desired) {
        Ipv4Subnet want = Ipv4Subnet.parse(desired.subnet());
        for (String shared : now.children("service", "dhcp-server", "shared-network-name")) {
            for (String cidr : now.children("service", "dhcp-server", "shared-network-name", shared, "subnet")) {
                Optional<Ipv4Subnet> have = Ipv4Subnet.tryParse(cidr);
                if (have.isPresent() && have.get().network().equals(want.network()) && have.get().prefixLength() == want.prefixLength()) {
                    return Leaves.concat(ROOT, List.of("shared-network-name", shared, "subnet", cidr));
                }
            }
        }
        return Leaves.concat(ROOT, List.of("shared-network-name", desired.sharedNetwork(), "subnet", desired.subnet()));
    }

    private static void settings(PlanBuilder plan, ConfigTree now, Node want, List<String> wantPath, List<String> livePath,
            Predicate<List<String>> isSetting, String scope) {
        Map<List<String>, Leaf> have = Leaves.of(now.root().find(livePath));
        for (Leaf leaf : Leaves.of(want.find(wantPath)).values()) {
            if (!isSetting.test(leaf.path())) {
                continue;
            }
            Optional<Leaf> current = Optional.ofNullable(have.get(leaf.path()));
            String key = String.join(" ", leaf.path());
            if (current.isEmpty()) {
                plan.change(Change.add(EntryKind.SETTING, key, Leaves.text(leaf), scope), Leaves.set(livePath, leaf, current));
            } else if (!current.get().values().equals(leaf.values())) {
                plan.change(Change.change(EntryKind.SETTING, key, Leaves.text(current.get()), Leaves.text(leaf), scope),
                        Leaves.set(livePath, leaf, current));
            }
        }
    }

    /** The pool ({@code start A stop B}); true when it changes. */
    private static boolean pool(PlanBuilder plan, ConfigTree now, Node want, List<String> wantSubnet, List<String> subnet, String scope) {
        Map<String, String> have = ranges(now.root().find(Leaves.concat(subnet, List.of("start"))));
        Map<String, String> next = ranges(want.find(Leaves.concat(wantSubnet, List.of("start"))));
        if (have.equals(next) || next.isEmpty()) {
            return false;
        }
        List<String> lines = new ArrayList<>();
        have.forEach((start, stop) -> {
            if (!stop.equals(next.get(start))) {
                lines.add(Leaves.delete(Leaves.concat(subnet, List.of("start", start))));
            }
        });
        next.forEach((start, stop) -> {
            if (!stop.equals(have.get(start))) {
                lines.add("set " + VyattaWords.join(Leaves.concat(subnet, List.of("start", start, "stop", stop))));
            }
        });
        String after = rangesText(next);
        plan.change(have.isEmpty() ? Change.add(EntryKind.SETTING, "pool", after, scope)
                : Change.change(EntryKind.SETTING, "pool", rangesText(have), after, scope), lines);
        return true;
    }

    private static Map<String, String> ranges(Optional<Node> startTag) {
        Map<String, String> ranges = new LinkedHashMap<>();
        startTag.ifPresent(tag -> tag.children().forEach((start, node) -> ranges.put(start,
                node.find(List.of("stop")).flatMap(stop -> stop.values().stream().findFirst()).orElse(""))));
        return ranges;
    }

    private static String rangesText(Map<String, String> ranges) {
        return String.join(", ", ranges.entrySet().stream().map(e -> e.getKey() + "-" + e.getValue()).toList());
    }

    private static void parameters(PlanBuilder plan, ConfigTree now, EntryKind kind, List<String> path, List<String> wanted,
            Ownership owned, String scope) {
        List<String> have = now.root().find(path).map(Node::values).orElse(List.of());
        for (String value : have) {
            if (owned.owns(kind, value) && !wanted.contains(value)) {
                plan.change(Change.delete(kind, shown(value), "", scope), List.of(Leaves.delete(Leaves.concat(path, List.of(value)))));
            }
        }
        for (String value : wanted) {
            if (!have.contains(value)) {
                plan.change(Change.add(kind, shown(value), "", scope), List.of("set " + VyattaWords.join(Leaves.concat(path, List.of(value)))));
            } else if (!owned.owns(kind, value)) {
                plan.adopt(Change.adopt(kind, shown(value), "", scope));
            }
        }
    }

    /** A raw parameter as the diff shows it: {@code &quot;} back to {@code "}. */
    private static String shown(String value) {
        return value.replace("&quot;", "\"");
    }

    /** Refuses a pool that would contain a static mapping: EdgeOS's commit rejects it. */
    private static void poolSwallows(PlanBuilder plan, ConfigTree after, List<String> subnet) {
        Map<String, String> ranges = ranges(after.root().find(Leaves.concat(subnet, List.of("start"))));
        for (EdgeosMappings.Located mapping : EdgeosMappings.all(after)) {
            if (!mapping.subnetPath().equals(subnet) || mapping.ip().flatMap(Ipv4Address::tryParse).isEmpty()) {
                continue;
            }
            Ipv4Address ip = Ipv4Address.parse(mapping.ip().get());
            ranges.forEach((start, stop) -> {
                Optional<Ipv4Address> from = Ipv4Address.tryParse(start);
                Optional<Ipv4Address> to = Ipv4Address.tryParse(stop);
                if (from.isPresent() && to.isPresent() && from.get().compareTo(ip) <= 0 && ip.compareTo(to.get()) <= 0) {
                    plan.conflict("the inventory's pool " + start + "-" + stop + " would contain static-mapping '" + mapping.name()
                            + "' (" + ip + "), which EdgeOS refuses at commit: shrink the pool in the inventory"
                            + " or move the mapping out of it");
                }
            });
        }
    }

    /** Refuses a result EdgeOS's commit (or dhcpd) would reject, unless the router already had the same problem. */
    private static void commitCheck(PlanBuilder plan, ConfigTree before, ConfigTree after) {
        DhcpServerValidator.Result was = DhcpServerValidator.validate(before);
        DhcpServerValidator.Result will = DhcpServerValidator.validate(after);
        List<String> fresh = new ArrayList<>(will.errors());
        fresh.addAll(will.dhcpdFailures());
        fresh.removeAll(was.errors());
        fresh.removeAll(was.dhcpdFailures());
        fresh.remove(DhcpServerValidator.ABORTED);
        if (!fresh.isEmpty()) {
            plan.conflict("the planned dhcp-server configuration would fail on the router: " + String.join(" ", fresh)
                    + " (nothing was sent; fix the inventory or the router's configuration)");
        }
    }
}
