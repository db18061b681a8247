package io.metalboot.adopt;

import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.Machine;
import io.metalboot.inventory.Machine.Role;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The address an adopted machine gets when none is given: the next one after the highest address of the machines
 * with its role (after the pool when there are none), skipping the pool and every address in use (machines, gateway,
 * DNS servers, boot server), wrapping around the subnet once.
 */
final class FreeAddress {
    private FreeAddress() {
    }

    static Optional<Ipv4Address> next(Inventory inv, Role role) {
        Inventory.Network net = inv.network();
        Ipv4Subnet subnet = net.subnet();
        Set<Ipv4Address> used = used(inv);
        long first = subnet.network().unsigned() + 1;
        long last = subnet.broadcast().unsigned() - 1;
        if (last < first) {
            return Optional.empty();
        }
        Ipv4Address from = inv.machines().stream().filter(m -> m.role() == role).map(Machine::ip).filter(subnet::contains)
                .max(Ipv4Address::compareTo).orElse(subnet.contains(net.pool().end()) ? net.pool().end() : subnet.network());
        long hosts = last - first + 1;
        for (long i = 1; i <= hosts; i++) {
            long at = first + Math.floorMod(from.unsigned() + i - first, hosts);
            Ipv4Address a = new Ipv4Address((int) at);
            if (!used.contains(a) && !net.pool().contains(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static Set<Ipv4Address> used(Inventory inv) {
        Set<Ipv4Address> used = new HashSet<>();
        inv.machines().forEach(m -> used.add(m.ip()));
        used.add(inv.network().gateway());
        used.addAll(inv.network().dns());
        used.add(inv.bootServer().address());
        return used;
    }
}
