package io.metalboot.router.edgeos;

import io.metalboot.router.Ipv4Subnet;
import io.metalboot.router.RouterAgentException;
import io.metalboot.router.dialect.Desired;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What metalboot wants on an EdgeRouter: a tree holding the desired {@code service dhcp-server}
 * subtree (one shared network with one subnet, as the controller renders it) and the include files
 * by router path.
 */
public record EdgeosDesired(ConfigTree tree, Map<String, String> files) implements Desired {
    public EdgeosDesired {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        files.keySet().stream().filter(path -> !path.startsWith("/")).findFirst().ifPresent(path -> {
            throw new RouterAgentException("desired file '" + path + "' is not an absolute router path (expected e.g. /config/scripts/x.conf)");
        });
        List<String> shared = tree.children("service", "dhcp-server", "shared-network-name");
        if (shared.size() != 1) {
            throw new RouterAgentException("the desired dhcp-server has " + shared.size()
                    + " shared networks (expected exactly one, the inventory's LAN: " + shared + ")");
        }
        List<String> subnets = tree.children("service", "dhcp-server", "shared-network-name", shared.get(0), "subnet");
        if (subnets.size() != 1 || Ipv4Subnet.tryParse(subnets.get(0)).isEmpty()) {
            throw new RouterAgentException("the desired shared network " + shared.get(0) + " has subnets " + subnets
                    + " (expected exactly one, such as 192.168.1.0/24)");
        }
    }

    /** The inventory's shared-network-name (used only when the router has no subnet of the same CIDR). */
    public String sharedNetwork() {
        return tree.children("service", "dhcp-server", "shared-network-name").get(0);
    }

    public String subnet() {
        return tree.children("service", "dhcp-server", "shared-network-name", sharedNetwork(), "subnet").get(0);
    }
}
