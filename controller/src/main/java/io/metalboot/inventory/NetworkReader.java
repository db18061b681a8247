package io.metalboot.inventory;

import io.metalboot.inventory.Inventory.Network;
import io.metalboot.inventory.Inventory.Pool;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import java.util.List;
import java.util.Optional;

/** The {@code network} section: subnet, gateway, DNS, dynamic pool, lease time, shared network name. */
record NetworkReader(Values values, Fields f) {
    static final List<String> FIELDS = List.of("subnet", "gateway", "dns", "pool", "leaseSeconds", "sharedNetwork", "domain");

    Optional<Network> read() {
        Optional<Ipv4Subnet> subnet = f.required("subnet", "e.g. 192.168.1.0/24").flatMap(values::subnet);
        Optional<Ipv4Address> gateway = f.required("gateway", "the router's LAN address, e.g. 192.168.1.1").flatMap(values::ipv4);
        List<Optional<Ipv4Address>> dns = f.scalars("dns").stream().map(values::ipv4).toList();
        Optional<Pool> pool = f.requiredNode("pool", "the dynamic range, e.g. {start: 192.168.1.100, end: 192.168.1.199}")
                .flatMap(n -> Fields.of(values.problems(), f.child("pool"), n, List.of("start", "end")))
                .flatMap(p -> {
                    Optional<Ipv4Address> start = p.required("start", "e.g. 192.168.1.100").flatMap(values::ipv4);
                    Optional<Ipv4Address> end = p.required("end", "e.g. 192.168.1.199").flatMap(values::ipv4);
                    return start.flatMap(s -> end.map(e -> new Pool(s, e)));
                });
        int lease = f.scalar("leaseSeconds").flatMap(s -> values.integer(s, 60, 31_536_000)).orElse(86400);
        String shared = f.scalar("sharedNetwork").flatMap(this::sharedNetwork).orElse("LAN");
        Optional<String> domain = f.scalar("domain").flatMap(values::text);
        if (subnet.isEmpty() || gateway.isEmpty() || pool.isEmpty() || dns.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<Ipv4Address> servers = dns.isEmpty() ? List.of(gateway.get()) : dns.stream().map(Optional::get).toList();
        return Optional.of(new Network(subnet.get(), gateway.get(), servers, pool.get(), lease, shared, domain));
    }

    private Optional<String> sharedNetwork(Scalar s) {
        if (s.value().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            return Optional.of(s.value());
        }
        values.problems().add(s.line(), s.shown() + " is not a valid shared-network-name (letters, digits, '-' and '_',"
                + " no spaces, e.g. LAN or dhcp1)");
        return Optional.empty();
    }
}
