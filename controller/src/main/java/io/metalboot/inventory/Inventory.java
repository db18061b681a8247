package io.metalboot.inventory;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import io.metalboot.router.plan.RouterKind;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code cluster.yaml}: everything metalboot derives router, boot server and PKI
 * configuration from. Built only by {@link InventoryLoader}, which checks every rule first.
 */
public record Inventory(String source, Cluster cluster, Network network, Router router, BootServer bootServer,
        List<Machine> machines, Os os, Kubernetes kubernetes, Ssh ssh, List<String> warnings) {
    public Inventory {
        machines = List.copyOf(machines);
        warnings = List.copyOf(warnings);
    }

    /** The API server's URL: the first master's address, port 6443; empty without a master. */
    public Optional<String> apiServer() {
        return machines.stream().filter(m -> m.role() == Machine.Role.MASTER).findFirst().map(m -> "https://" + m.ip() + ":6443");
    }

    public record Cluster(String name) {
    }

    /** The LAN the router serves: the seed's 192.168.1.0/24 with a dynamic pool for everyone else. */
    public record Network(Ipv4Subnet subnet, Ipv4Address gateway, List<Ipv4Address> dns, Pool pool,
            int leaseSeconds, String sharedNetwork, Optional<String> domain) {
        public Network {
            dns = List.copyOf(dns);
        }
    }

    public record Pool(Ipv4Address start, Ipv4Address end) {
        public boolean contains(Ipv4Address a) {
            return a.compareTo(start) >= 0 && a.compareTo(end) <= 0;
        }

        public long size() {
            return end.unsigned() - start.unsigned() + 1;
        }
    }

    /** How to reach the router over SSH and what to add to its DHCP server besides metalboot's own entries. */
    public record Router(RouterKind kind, String address, int port, String user, Optional<String> identity,
            Optional<String> knownHosts, boolean legacySshRsa, List<String> extraGlobalParameters,
            List<String> extraSubnetParameters, String lanInterface) {
        public Router {
            extraGlobalParameters = List.copyOf(extraGlobalParameters);
            extraSubnetParameters = List.copyOf(extraSubnetParameters);
        }
    }

    /** The machine serving iPXE scripts over HTTP and iPXE binaries over TFTP (the seed's laptop). */
    public record BootServer(Ipv4Address address, int httpPort, Optional<String> machine, Optional<UnknownMachines> unknownMachinesStated) {
        public BootServer(Ipv4Address address, int httpPort, Optional<String> machine) {
            this(address, httpPort, machine, Optional.empty());
        }

        /** {@code bootServer.unknownMachines}, or the default ({@code discover}) when the inventory does not say. */
        public UnknownMachines unknownMachines() {
            return unknownMachinesStated.orElse(UnknownMachines.DEFAULT);
        }

        /** Base URL machines use, e.g. {@code http://192.168.1.250} (port omitted when 80). */
        public String baseUrl() {
            return "http://" + address + (httpPort == 80 ? "" : ":" + httpPort);
        }
    }

    public record Os(String kind, String channel, String version, String installDisk, Optional<String> baseUrl) {
    }

    /**
     * The cluster's versions and ranges. {@code insecureRegistries} are registries Docker may reach
     * without TLS (the seed's drop-in, for an in-cluster registry); empty by default.
     */
    public record Kubernetes(String version, Ipv4Subnet serviceCidr, Ipv4Subnet podCidr, String clusterDomain,
            List<String> insecureRegistries) {
        public Kubernetes {
            insecureRegistries = List.copyOf(insecureRegistries);
        }

        /** The cluster DNS service address: the tenth of the service range, as kubeadm and the seed's era chose. */
        public Ipv4Address dnsServiceIp() {
            return serviceCidr.network().plus(10);
        }

        /** The API server's service address (kubernetes.default): the first of the service range. */
        public Ipv4Address apiServiceIp() {
            return serviceCidr.network().plus(1);
        }

        /** Node {@code index}'s pod range: the podCidr cut into /24s, one per node in inventory order. */
        public Ipv4Subnet podSubnet(int index) {
            return new Ipv4Subnet(podCidr.network().plus(256L * index), 24);
        }

        /** How many nodes the pod range has room for. */
        public long podSubnets() {
            return podCidr.prefixLength() > 24 ? 0 : 1L << (24 - podCidr.prefixLength());
        }
    }

    public record Ssh(List<String> authorizedKeys) {
        public Ssh {
            authorizedKeys = List.copyOf(authorizedKeys);
        }
    }
}
