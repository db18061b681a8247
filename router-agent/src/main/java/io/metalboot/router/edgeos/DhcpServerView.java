package io.metalboot.router.edgeos;

import io.metalboot.router.Ipv4Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code service dhcp-server} subtree read the way dhcpd-config.pl reads it with
 * {@code returnValue}/{@code listNodes}: shared networks and subnets in display order, disabled
 * shared networks and static mappings left out (the generator skips them).
 */
record DhcpServerView(ConfigTree tree) {
    static final String[] ROOT = {"service", "dhcp-server"};

    /** A {@code start … stop} range; the stop may be missing (a commit error). */
    record Range(String start, Optional<String> stop) {
    }

    /** A static mapping with what dhcpd needs for its host declaration. */
    record Mapping(String name, Optional<String> ip, Optional<String> mac, List<String> parameters) {
    }

    /** One node below {@code service dhcp-server}, addressed relative to it. */
    record Scope(ConfigTree tree, List<String> path) {
        Optional<String> value(String... relative) {
            return tree.value(at(relative));
        }

        List<String> values(String... relative) {
            return tree.values(at(relative));
        }

        List<String> children(String... relative) {
            return tree.children(at(relative));
        }

        boolean exists(String... relative) {
            return tree.exists(at(relative));
        }

        String[] at(String... relative) {
            List<String> full = new ArrayList<>(path);
            full.addAll(List.of(relative));
            return full.toArray(String[]::new);
        }
    }

    /** A subnet of a shared network. */
    record Subnet(String sharedNetwork, String cidr, Scope scope) {
        List<Range> ranges() {
            return scope.children("start").stream()
                    .map(start -> new Range(start, scope.value("start", start, "stop"))).toList();
        }

        List<Mapping> activeMappings() {
            return scope.children("static-mapping").stream()
                    .filter(name -> !scope.exists("static-mapping", name, "disable"))
                    .map(name -> new Mapping(name, scope.value("static-mapping", name, "ip-address"),
                            scope.value("static-mapping", name, "mac-address"),
                            scope.values("static-mapping", name, "static-mapping-parameters")))
                    .toList();
        }
    }

    boolean configured() {
        return tree.exists(ROOT);
    }

    Scope server() {
        return new Scope(tree, List.of(ROOT));
    }

    /** Shared networks in display order, the disabled ones left out. */
    List<String> activeSharedNetworks() {
        return server().children("shared-network-name").stream()
                .filter(name -> !server().exists("shared-network-name", name, "disable")).toList();
    }

    Scope sharedNetwork(String name) {
        return new Scope(tree, List.of(server().at("shared-network-name", name)));
    }

    List<Subnet> subnets(String sharedNetwork) {
        Scope network = sharedNetwork(sharedNetwork);
        return network.children("subnet").stream()
                .map(cidr -> new Subnet(sharedNetwork, cidr, new Scope(tree, List.of(network.at("subnet", cidr)))))
                .toList();
    }

    /** Addresses configured on the router's interfaces (any type, vifs included), for the subnet check. */
    List<Ipv4Subnet> interfaceAddresses() {
        List<Ipv4Subnet> addresses = new ArrayList<>();
        for (String type : tree.children("interfaces")) {
            for (String name : tree.children("interfaces", type)) {
                addAddresses(addresses, tree.values("interfaces", type, name, "address"));
                for (String vif : tree.children("interfaces", type, name, "vif")) {
                    addAddresses(addresses, tree.values("interfaces", type, name, "vif", vif, "address"));
                }
            }
        }
        return addresses;
    }

    private static void addAddresses(List<Ipv4Subnet> into, List<String> values) {
        values.forEach(value -> Ipv4Subnet.tryParse(value).ifPresent(into::add));
    }
}
