package io.metalboot.inventory;

import io.metalboot.router.plan.RouterKind;
import io.metalboot.inventory.Inventory.BootServer;
import io.metalboot.inventory.Inventory.Kubernetes;
import io.metalboot.inventory.Inventory.Network;
import io.metalboot.inventory.Inventory.Router;
import io.metalboot.inventory.MachinesReader.Entry;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import java.util.List;
import java.util.Optional;

/**
 * Rules that span fields: addresses inside the subnet, the boot server among the machines, cluster
 * ranges apart from the LAN. A fixed lease inside the dynamic pool is valid on both router kinds
 * (EdgeOS's dhcpd-config.pl cuts the address out of the range, Vyatta bug 3800; dnsmasq keeps a
 * reserved address for its MAC): on EdgeOS it is a warning, because the pool shrinks.
 */
record InventoryRules(Problems problems) {
    void check(Optional<Network> network, Optional<RouterKind> kind, Optional<BootServer> boot, MachinesReader.Result read,
               Kubernetes k8s) {
        List<Entry> machines = read.entries();
        network.ifPresent(net -> {
            boolean poolUsable = checkNetwork(net);
            boot.ifPresent(b -> host("bootServer.address", b.address(), net.subnet()));
            machines.forEach(e -> checkMachine(net, poolUsable && kind.equals(Optional.of(RouterKind.EDGEOS)), e));
            if (kind.equals(Optional.of(RouterKind.NONE))) {
                new NoRouterRules(problems).check(net, poolUsable, machines);
            }
            apart("kubernetes.serviceCidr", k8s.serviceCidr(), "network.subnet", net.subnet());
            apart("kubernetes.podCidr", k8s.podCidr(), "network.subnet", net.subnet());
        });
        apart("kubernetes.podCidr", k8s.podCidr(), "kubernetes.serviceCidr", k8s.serviceCidr());
        if (!read.complete()) {
            return; // rules over the whole list would mislead while one of its machines is unreadable
        }
        boot.ifPresent(b -> bootMachine(b, machines.stream().map(Entry::machine).toList()));
        long nodes = machines.stream().filter(e -> e.machine().role() != Machine.Role.NONE).count();
        if (nodes > k8s.podSubnets()) {
            problems.add(problems.lineOf("kubernetes"), "kubernetes.podCidr " + k8s.podCidr() + " has room for " + k8s.podSubnets()
                    + " node pod ranges (/24 each) but there are " + nodes + " masters and workers; use a larger range (a /16 has room for 256 nodes)");
        }
        List<Machine> workers = machines.stream().map(Entry::machine).filter(m -> m.role() == Machine.Role.WORKER).toList();
        if (!workers.isEmpty() && machines.stream().noneMatch(e -> e.machine().role() == Machine.Role.MASTER)) {
            problems.add(problems.lineOf("machines"), "machines: no machine has role master, so the workers ("
                    + workers.get(0).name() + ", ...) have no control plane; give one machine role: master");
        }
    }

    /** Checks gateway and pool; true when the pool is usable for the machines' checks. */
    private boolean checkNetwork(Network net) {
        Ipv4Subnet subnet = net.subnet();
        String lan = "the subnet " + subnet;
        host("network.gateway", net.gateway(), subnet);
        boolean usable = host("network.pool.start", net.pool().start(), subnet);
        usable &= host("network.pool.end", net.pool().end(), subnet);
        if (!usable) {
            return false;
        }
        if (net.pool().start().compareTo(net.pool().end()) > 0) {
            problems.add(problems.lineOf("network.pool.start"), "network.pool.start '" + net.pool().start()
                    + "' is after network.pool.end '" + net.pool().end() + "'; swap them");
            return false;
        }
        if (net.pool().contains(net.gateway())) {
            problems.add(problems.lineOf("network.pool"), "network.pool " + net.pool().start() + "-" + net.pool().end()
                    + " contains the gateway " + net.gateway() + "; move the pool so the router's own address is never leased");
        }
        return true;
    }

    /** {@code warnPool}: the pool is usable and the router is an EdgeOS one, where a fixed lease shrinks the pool. */
    private void checkMachine(Network net, boolean warnPool, Entry e) {
        Machine m = e.machine();
        String ip = e.path("ip");
        String lan = "the subnet " + net.subnet();
        if (host(ip, m.ip(), net.subnet())) {
            if (warnPool && net.pool().contains(m.ip())) {
                problems.warn(problems.lineOf(ip), ip + " '" + m.ip() + "' is inside the dynamic pool "
                        + net.pool().start() + "-" + net.pool().end() + "; EdgeOS cuts it out of the range (the pool"
                        + " loses that address), which is fine; to keep the whole pool, pick an address outside it in " + lan);
            }
            if (m.ip().equals(net.gateway())) {
                problems.add(problems.lineOf(ip), ip + " '" + m.ip() + "' is the gateway's address; pick another address in " + lan);
            }
        }
    }

    /** Reports {@code ip} when it is not a usable host address of {@code subnet}. */
    private boolean host(String path, Ipv4Address ip, Ipv4Subnet subnet) {
        if (!subnet.contains(ip)) {
            problems.add(problems.lineOf(path), path + " '" + ip + "' is outside the subnet " + subnet
                    + " (expected an address from " + subnet.network().plus(1) + " to " + subnet.broadcast().plus(-1) + ")");
            return false;
        }
        if (subnet.prefixLength() < 31 && (ip.equals(subnet.network()) || ip.equals(subnet.broadcast()))) {
            problems.add(problems.lineOf(path), path + " '" + ip + "' is the " + (ip.equals(subnet.network()) ? "network" : "broadcast")
                    + " address of " + subnet + "; use a host address from " + subnet.network().plus(1) + " to " + subnet.broadcast().plus(-1));
            return false;
        }
        return true;
    }

    private void bootMachine(BootServer boot, List<Machine> machines) {
        boot.machine().ifPresent(name -> {
            String path = "bootServer.machine";
            machines.stream().filter(m -> m.name().equals(name)).findFirst().ifPresentOrElse(m -> {
                if (!m.ip().equals(boot.address())) {
                    problems.add(problems.lineOf(path), path + " '" + name + "' has ip " + m.ip() + " but bootServer.address is "
                            + boot.address() + "; make them the same");
                }
            }, () -> problems.add(problems.lineOf(path), path + " '" + name + "' is not one of the machines ("
                    + String.join(", ", machines.stream().map(Machine::name).toList()) + ")"
                    + Suggestions.closest(name, machines.stream().map(Machine::name).toList())
                            .map(s -> "; did you mean '" + s + "'?").orElse("")));
        });
    }

    private void apart(String path, Ipv4Subnet a, String otherPath, Ipv4Subnet b) {
        if (a.contains(b.network()) || b.contains(a.network())) {
            problems.add(problems.lineOf(path), path + " '" + a + "' overlaps " + otherPath + " '" + b
                    + "'; pick a range that is not used on the LAN (e.g. 10.3.0.0/24 for services, 10.2.0.0/16 for pods)");
        }
    }
}
