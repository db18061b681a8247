package io.metalboot.adopt;

import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryException;
import io.metalboot.inventory.InventoryLoader;
import io.metalboot.inventory.Machine;
import io.metalboot.inventory.Problem;
import io.metalboot.router.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Adds a machine to an inventory's text: refuses a MAC, name or address already in it (naming the line of the entry
 * that has it), picks the next free address when none is given, appends the item in the list's own style, and reads
 * the result back with the real loader; text that would not load is never returned.
 */
public final class InventoryEdit {
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d{1,9})");

    private InventoryEdit() {
    }

    /** {@code file} is how messages name the inventory; {@code text} is its content. */
    public static Adopted add(String file, String text, Adoption a) {
        Inventory inv = InventoryLoader.parse(file, text);
        Composed tree = Composed.of(text);
        List<Node> items = tree.machines().getValue();
        Optional<Ipv4Address> free = FreeAddress.next(inv, a.role());
        String orFree = free.map(f -> ", or leave --ip out to take the next free one, " + f).orElse("");
        List<Problem> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Machine m = inv.machines().get(i);
            Map<String, Composed.Entry> f = Composed.fields(items.get(i));
            String at = "machines[" + i + "].";
            if (m.mac().equals(a.mac())) {
                refused.add(problem(file, f.get("mac"), at + "mac", "is already " + m.name() + "'s MAC (a machine is adopted once;"
                        + " to rename it or change its role, edit that entry)"));
            }
            if (m.name().equals(a.name())) {
                refused.add(problem(file, f.get("name"), at + "name", "is already taken by " + m.mac() + " (pick another --name, e.g. "
                        + freeName(a.name(), inv) + ")"));
            }
            if (a.ip().isPresent() && m.ip().equals(a.ip().get())) {
                refused.add(problem(file, f.get("ip"), at + "ip", "is already " + m.name() + "'s address (pick another --ip" + orFree + ")"));
            }
        }
        a.ip().ifPresent(ip -> address(file, tree, inv, ip, orFree).ifPresent(refused::add));
        if (!refused.isEmpty()) {
            throw new InventoryException(refused);
        }
        Ipv4Address ip = a.ip().or(() -> free).orElseThrow(() -> new InventoryException(List.of(new Problem(file,
                tree.line("network", "subnet"), "network.subnet '" + inv.network().subnet() + "' has no free address outside the pool "
                        + pool(inv) + " (pass --ip ADDR, or make the pool smaller)"))));
        Map<String, String> values = Map.of("name", a.name(), "mac", a.mac().toString(), "ip", ip.toString(), "role", a.role().label());
        ItemLayout.Edit edit = ItemLayout.append(file, text, tree.machines(), values);
        Inventory after;
        try {
            after = InventoryLoader.parse(file, edit.text());
        } catch (InventoryException e) {
            List<Problem> problems = new ArrayList<>();
            problems.add(new Problem(file, 0, "adding " + a.name() + " (" + a.mac() + ", " + ip + ", " + a.role().label()
                    + ") at line " + edit.line() + " would make the inventory invalid, so it was left as it was:"));
            problems.addAll(e.problems());
            throw new InventoryException(problems);
        }
        Machine added = after.machines().get(after.machines().size() - 1);
        return new Adopted(edit.text(), added, edit.line(), after);
    }

    /** Why {@code ip} cannot be the new machine's, beyond the machines' own addresses. */
    private static Optional<Problem> address(String file, Composed tree, Inventory inv, Ipv4Address ip, String orFree) {
        Inventory.Network net = inv.network();
        if (!net.subnet().contains(ip)) {
            return Optional.of(new Problem(file, tree.line("network", "subnet"), "network.subnet '" + net.subnet() + "' does not hold --ip '"
                    + ip + "' (pick an address from " + net.subnet().network().plus(1) + " to " + net.subnet().broadcast().plus(-1)
                    + " outside the pool " + pool(inv) + orFree + ")"));
        }
        String fix = " (pick another --ip" + orFree + ")";
        if (inv.machines().stream().anyMatch(m -> m.ip().equals(ip))) {
            return Optional.empty(); // reported with the machine's line
        }
        if (ip.equals(net.gateway())) {
            return Optional.of(new Problem(file, tree.line("network", "gateway"), "network.gateway '" + ip + "' is the router's address" + fix));
        }
        if (net.dns().contains(ip)) {
            return Optional.of(new Problem(file, tree.dnsLine(ip.toString()), "network.dns '" + ip + "' is a DNS server's address" + fix));
        }
        if (ip.equals(inv.bootServer().address())) {
            return Optional.of(new Problem(file, tree.line("bootServer", "address"), "bootServer.address '" + ip
                    + "' is the boot server's address" + fix));
        }
        return Optional.empty();
    }

    private static Problem problem(String file, Composed.Entry e, String path, String why) {
        return new Problem(file, e.line(), path + " '" + e.value().getValue() + "' " + why);
    }

    private static String pool(Inventory inv) {
        return inv.network().pool().start() + "-" + inv.network().pool().end();
    }

    /** {@code name} with its trailing number counted up (or {@code -2} added) until no machine has it. */
    static String freeName(String name, Inventory inv) {
        Matcher m = NUMBERED.matcher(name);
        String stem = m.matches() ? m.group(1) : name + "-";
        long n = m.matches() ? Long.parseLong(m.group(2)) : 1;
        String candidate;
        do {
            candidate = stem + ++n;
        } while (taken(candidate, inv));
        return candidate;
    }

    private static boolean taken(String name, Inventory inv) {
        return inv.machines().stream().anyMatch(x -> x.name().equals(name));
    }
}
