package io.metalboot.inventory;

import io.metalboot.inventory.Inventory.Network;
import io.metalboot.inventory.MachinesReader.Entry;
import java.util.List;

/**
 * {@code router.kind: none}: the router's DHCP server is not metalboot's, so no fixed lease exists.
 * Installed machines get their {@code ip} as a static network configuration in their Ignition, which
 * is safe only outside the router's dynamic pool (else the router may lease it to someone else).
 */
record NoRouterRules(Problems problems) {
    void check(Network net, boolean poolUsable, List<Entry> machines) {
        problems.warn(problems.lineOf("router.kind"), "router.kind 'none': metalboot does not configure the router, so DHCP cannot"
                + " guarantee the machines' fixed addresses; they PXE-boot with an address from the router's pool and, once"
                + " installed, use machines[].ip as a static address (systemd-networkd, from their Ignition)");
        if (!poolUsable) {
            return;
        }
        for (Entry e : machines) {
            Machine m = e.machine();
            String ip = e.path("ip");
            if (net.pool().contains(m.ip())) {
                problems.add(problems.lineOf(ip), ip + " '" + m.ip() + "' is inside the router's dynamic pool " + net.pool().start()
                        + "-" + net.pool().end() + "; with router.kind none nothing reserves it, so the router may lease it to another"
                        + " device; pick an address outside the pool in the subnet " + net.subnet());
            }
        }
    }
}
