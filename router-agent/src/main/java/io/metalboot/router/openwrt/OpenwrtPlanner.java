package io.metalboot.router.openwrt;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.plan.Change;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.PlanBuilder;
import io.metalboot.router.plan.RouterKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans an OpenWrt router: the committed dhcp package against the desired sections, as one
 * {@code uci batch}. metalboot's {@code mb_*} sections are added, changed and deleted only when it
 * owns them; an unowned section exactly as desired is adopted. The listed options of the settings
 * sections ({@code lan}: start, limit, leasetime, dhcp_option) are enforced. Staged uci changes of
 * someone else stop the plan (uci would commit them with ours); staged leftovers on metalboot's own
 * sections are reverted first. The batch ends with {@code reorder}s that keep metalboot's sections
 * last, in the desired order, so the iPXE boot section is the last {@code dhcp-boot} dnsmasq sees.
 */
public final class OpenwrtPlanner {
    private OpenwrtPlanner() {
    }

    public static Plan plan(OpenwrtLive live, OpenwrtDesired desired) {
        return plan(live, desired, live.ownership());
    }

    public static Plan plan(OpenwrtLive live, OpenwrtDesired desired, Ownership owned) {
        PlanBuilder plan = new PlanBuilder(RouterKind.OPENWRT, owned);
        UciConfig base = live.committed();
        List<UciSection> entries = desired.entries();
        Set<String> ours = new LinkedHashSet<>(owned.owned(EntryKind.SECTION));
        entries.forEach(section -> ours.add(section.name()));
        List<String> reverts = staged(plan, live, ours);
        for (UciSection want : entries) {
            Optional<UciSection> have = base.section(want.name());
            if (have.isPresent() && !owned.owns(EntryKind.SECTION, want.name()) && !same(have.get(), want)) {
                plan.conflict("router section '" + want.name() + "' (" + text(have.get()) + ") has the name of metalboot's section "
                        + want.name() + " (" + text(want) + "); metalboot does not own it: remove or rename it on the router,"
                        + " or change the inventory");
            }
            if (want.type().equals("host")) {
                OpenwrtHosts.collisions(base, want, owned).forEach(plan::conflict);
            }
        }
        for (UciSection setting : desired.settings()) {
            Optional<UciSection> have = base.section(setting.name());
            if (have.isEmpty() || !have.get().type().equals(setting.type())) {
                plan.conflict("the router's dhcp package has no " + setting.type() + " section '" + setting.name()
                        + "' for the inventory's settings; metalboot does not create it: add it on the router"
                        + " (LuCI: Network > Interfaces > " + setting.name() + " > DHCP Server) or fix the inventory");
            }
        }
        plan.files(desired.files(), live.files());
        plan.stopOnConflicts();
        if (!reverts.isEmpty()) {
            plan.commands(reverts);
            plan.note("uncommitted uci changes on metalboot's own sections are reverted first");
        }
        List<String> batch = new ArrayList<>();
        for (UciSection setting : desired.settings()) {
            UciSection have = base.section(setting.name()).orElseThrow();
            for (UciSection.Entry option : setting.options()) {
                Optional<UciValue> now = have.option(option.name());
                if (now.isPresent() && now.get().equals(option.value())) {
                    continue;
                }
                List<String> lines = option(setting.name(), option, now.isPresent());
                String scope = "dhcp." + setting.name();
                plan.change(now.isEmpty() ? Change.add(EntryKind.SETTING, option.name(), shown(option.value()), scope)
                        : Change.change(EntryKind.SETTING, option.name(), shown(now.get()), shown(option.value()), scope), lines);
                batch.addAll(lines);
            }
        }
        for (String name : owned.owned(EntryKind.SECTION)) {
            Optional<UciSection> have = base.section(name);
            if (have.isPresent() && entries.stream().noneMatch(want -> want.name().equals(name))) {
                List<String> lines = List.of("delete dhcp." + name);
                plan.change(Change.delete(EntryKind.SECTION, name, text(have.get()), ""), lines);
                batch.addAll(lines);
            }
        }
        for (UciSection want : entries) {
            Optional<UciSection> have = base.section(want.name());
            List<String> lines = new ArrayList<>();
            if (have.isEmpty() || !have.get().type().equals(want.type())) {
                have.ifPresent(old -> lines.add("delete dhcp." + old.name()));
                lines.add("set dhcp." + want.name() + "=" + want.type());
                want.options().forEach(option -> lines.addAll(option(want.name(), option, false)));
                plan.change(have.isEmpty() ? Change.add(EntryKind.SECTION, want.name(), text(want), "")
                        : Change.change(EntryKind.SECTION, want.name(), text(have.get()), text(want), ""), lines);
            } else if (!owned.owns(EntryKind.SECTION, want.name())) {
                plan.adopt(Change.adopt(EntryKind.SECTION, want.name(), text(want), ""));
            } else if (!same(have.get(), want)) {
                for (UciSection.Entry old : have.get().options()) {
                    if (want.option(old.name()).isEmpty()) {
                        lines.add("delete dhcp." + want.name() + "." + old.name());
                    }
                }
                for (UciSection.Entry option : want.options()) {
                    Optional<UciValue> now = have.get().option(option.name());
                    if (now.isEmpty() || !now.get().equals(option.value())) {
                        lines.addAll(option(want.name(), option, now.isPresent()));
                    }
                }
                plan.change(Change.change(EntryKind.SECTION, want.name(), text(have.get()), text(want), ""), lines);
            }
            batch.addAll(lines);
        }
        plan.commands(SectionOrder.reorders(base, batch, entries));
        return plan.build(owned.withOwned(EntryKind.SECTION, entries.stream().map(UciSection::name).toList()));
    }

    /** Staged changes: foreign ones are conflicts; metalboot's own leftovers become {@code revert} lines. */
    private static List<String> staged(PlanBuilder plan, OpenwrtLive live, Set<String> ours) {
        List<String> foreign = new ArrayList<>();
        Set<String> leftovers = new LinkedHashSet<>();
        for (String line : live.stagedChanges()) {
            Optional<String> section = OpenwrtLive.changedSection(line);
            if (section.isPresent() && ours.contains(section.get())) {
                leftovers.add("revert dhcp." + section.get());
            } else {
                foreign.add(line.strip());
            }
        }
        if (!foreign.isEmpty()) {
            plan.conflict("the router has uncommitted uci changes in dhcp that are not metalboot's: " + String.join(", ", foreign)
                    + "; uci would commit them together with metalboot's: commit them ('uci commit dhcp') or revert them"
                    + " ('uci revert dhcp') on the router, then plan again");
        }
        return List.copyOf(leftovers);
    }

    /** The batch lines setting one option of a section ({@code replace}: a list is deleted first). */
    static List<String> option(String section, UciSection.Entry option, boolean replace) {
        String path = "dhcp." + section + "." + option.name();
        return switch (option.value()) {
            case UciValue.StringValue string -> List.of("set " + path + "=" + UciNames.quote(string.value()));
            case UciValue.ListValue list -> {
                List<String> lines = new ArrayList<>();
                if (replace) {
                    lines.add("delete " + path);
                }
                list.items().forEach(item -> lines.add("add_list " + path + "=" + UciNames.quote(item)));
                yield lines;
            }
        };
    }

    /** Same type and the same options, in any order. */
    static boolean same(UciSection a, UciSection b) {
        return a.type().equals(b.type()) && new HashSet<>(a.options()).equals(new HashSet<>(b.options()));
    }

    /** {@code host name=kube-master mac=00:00:00:00:00:01 ip=192.168.1.201} */
    static String text(UciSection section) {
        StringBuilder out = new StringBuilder(section.type());
        section.options().forEach(entry -> out.append(' ').append(entry.name()).append('=').append(shown(entry.value())));
        return out.toString();
    }

    private static String shown(UciValue value) {
        return String.join(",", value.items());
    }

    static RouterAgentException bug(String what) {
        return new RouterAgentException("metalboot planned a uci batch that uci rejects: " + what + " (this is a bug in metalboot)");
    }
}
