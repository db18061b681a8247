package io.metalboot.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad inventory is the valid base.yaml with one edit; the messages are what users read, word for word. */
class InventoryValidationTest {
    record Case(String what, String from, String to, List<String> expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Case> badInventories() {
        return Stream.of(
                new Case("malformed MAC", "mac: 00:00:00:00:00:11", "mac: 00:00:00:00:00:1", List.of(
                        "t.yaml:26: machines[1].mac '00:00:00:00:00:1' is not a MAC address (expected six hex pairs, e.g. 00:00:00:00:00:11)")),
                new Case("multicast MAC", "mac: 00:00:00:00:00:11", "mac: 01:00:5e:00:00:11", List.of(
                        "t.yaml:26: machines[1].mac '01:00:5e:00:00:11' is a multicast address, which no network card has (the first octet must be even, e.g. 00:00:00:00:00:11)")),
                new Case("malformed IP", "ip: 192.168.1.211", "ip: 192.168.1.311", List.of(
                        "t.yaml:27: machines[1].ip '192.168.1.311' is not an IPv4 address (expected four decimal octets 0-255, e.g. 192.168.1.201)")),
                new Case("malformed CIDR", "subnet: 192.168.1.0/24", "subnet: 192.168.1.0/33", List.of(
                        "t.yaml:5: network.subnet '192.168.1.0/33' is not a CIDR subnet (expected network address/prefix length, e.g. 192.168.1.0/24)")),
                new Case("CIDR with host bits", "subnet: 192.168.1.0/24", "subnet: 192.168.1.1/24", List.of(
                        "t.yaml:5: network.subnet '192.168.1.1/24' has host bits set (did you mean 192.168.1.0/24?)")),
                new Case("duplicate name", "name: kube-worker-1", "name: kube-master", List.of(
                        "t.yaml:25: machines[1].name 'kube-master' is already used by machines[0] at line 21; each machine needs its own name")),
                new Case("duplicate MAC", "mac: 00:00:00:00:00:11", "mac: 00:00:00:00:00:01", List.of(
                        "t.yaml:26: machines[1].mac '00:00:00:00:00:01' is already used by machines[0] at line 22; each machine needs its own MAC")),
                new Case("duplicate MAC in another spelling", "mac: 00:00:00:00:00:11", "mac: 00-00-00-00-00-01", List.of(
                        "t.yaml:26: machines[1].mac '00-00-00-00-00-01' is already used by machines[0] at line 22; each machine needs its own MAC")),
                new Case("duplicate IP", "ip: 192.168.1.211", "ip: 192.168.1.201", List.of(
                        "t.yaml:27: machines[1].ip '192.168.1.201' is already used by machines[0] at line 23; each machine needs its own IP address")),
                new Case("IP outside the subnet", "ip: 192.168.1.211", "ip: 192.168.2.211", List.of(
                        "t.yaml:27: machines[1].ip '192.168.2.211' is outside the subnet 192.168.1.0/24 (expected an address from 192.168.1.1 to 192.168.1.254)")),
                new Case("static IP on the gateway", "ip: 192.168.1.211", "ip: 192.168.1.1", List.of(
                        "t.yaml:27: machines[1].ip '192.168.1.1' is the gateway's address; pick another address in the subnet 192.168.1.0/24")),
                new Case("broadcast address", "ip: 192.168.1.211", "ip: 192.168.1.255", List.of(
                        "t.yaml:27: machines[1].ip '192.168.1.255' is the broadcast address of 192.168.1.0/24; use a host address from 192.168.1.1 to 192.168.1.254")),
                new Case("pool outside the subnet", "end: 192.168.1.199", "end: 192.168.2.10", List.of(
                        "t.yaml:10: network.pool.end '192.168.2.10' is outside the subnet 192.168.1.0/24 (expected an address from 192.168.1.1 to 192.168.1.254)")),
                new Case("pool reversed", "start: 192.168.1.100", "start: 192.168.1.200", List.of(
                        "t.yaml:9: network.pool.start '192.168.1.200' is after network.pool.end '192.168.1.199'; swap them")),
                new Case("boot server outside the subnet", "address: 192.168.1.250", "address: 10.0.0.250", List.of(
                        "t.yaml:18: bootServer.address '10.0.0.250' is outside the subnet 192.168.1.0/24 (expected an address from 192.168.1.1 to 192.168.1.254)",
                        "t.yaml:19: bootServer.machine 'node00' has ip 192.168.1.250 but bootServer.address is 10.0.0.250; make them the same")),
                new Case("name not valid for EdgeOS or uci", "name: kube-worker-1", "name: kube worker_1", List.of(
                        "t.yaml:25: machines[1].name 'kube worker_1' is not a valid host name: use 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. kube-worker-1); did you mean 'kube-worker-1'?")),
                new Case("unknown key with a suggestion", "gateway: 192.168.1.1", "gatway: 192.168.1.1", List.of(
                        "t.yaml:4: network: missing required field 'gateway' (the router's LAN address, e.g. 192.168.1.1)",
                        "t.yaml:6: network.gatway: unknown field 'gatway' (did you mean 'gateway'?); valid fields here: subnet, gateway, dns, pool, leaseSeconds, sharedNetwork, domain")),
                new Case("unknown top-level section", "bootServer:", "bootserver:", List.of(
                        "t.yaml:1: missing required field 'bootServer' (the address serving boot files, e.g. address: 192.168.1.250)",
                        "t.yaml:17: bootserver: unknown field 'bootserver' (did you mean 'bootServer'?); valid fields here: version, cluster, network, router, bootServer, machines, os, kubernetes, ssh")),
                new Case("missing required field", "    mac: 00:00:00:00:00:11\n", "", List.of(
                        "t.yaml:25: machines[1]: missing required field 'mac' (the boot NIC's MAC address, e.g. 00:00:00:00:00:11)")),
                new Case("empty machines list", "machines:\n", "machines: []\nunused:\n", List.of(
                        "t.yaml:20: machines is empty; list at least one machine (name, mac, ip, role)",
                        "t.yaml:21: unused: unknown field 'unused'; valid fields here: version, cluster, network, router, bootServer, machines, os, kubernetes, ssh")),
                new Case("router kind typo", "kind: edgeos", "kind: edgos", List.of(
                        "t.yaml:14: router.kind 'edgos' is not one of edgeos, openwrt, none (did you mean 'edgeos'?)")),
                new Case("role typo", "role: worker", "role: wroker", List.of(
                        "t.yaml:28: machines[1].role 'wroker' is not one of master, worker, none (did you mean 'worker'?)")),
                new Case("key given twice", "  user: ubnt\n", "  user: ubnt\n  user: admin\n", List.of(
                        "t.yaml:17: router.user is given twice (first at line 16); keep one")),
                new Case("boot machine unknown", "machine: node00", "machine: node0", List.of(
                        "t.yaml:19: bootServer.machine 'node0' is not one of the machines (kube-master, kube-worker-1, node00); did you mean 'node00'?")),
                new Case("gateway in the pool", "gateway: 192.168.1.1", "gateway: 192.168.1.150", List.of(
                        "t.yaml:8: network.pool 192.168.1.100-192.168.1.199 contains the gateway 192.168.1.150; move the pool so the router's own address is never leased")),
                new Case("raw parameter with &quot;", "  user: ubnt\n", "  user: ubnt\n  dhcp:\n    globalParameters: ['include &quot;/x&quot;;']\n", List.of(
                        "t.yaml:18: router.dhcp.globalParameters[0] 'include &quot;/x&quot;;' contains &quot;; write plain double quotes, metalboot encodes them for EdgeOS")),
                new Case("raw parameter without semicolon", "  user: ubnt\n", "  user: ubnt\n  dhcp:\n    subnetParameters: ['deny bootp']\n", List.of(
                        "t.yaml:18: router.dhcp.subnetParameters[0] 'deny bootp' does not end with ';' or '}' (each entry must be a complete dhcpd statement, e.g. \"deny bootp;\")")),
                new Case("section of the wrong kind", "network:\n", "network: 192.168.1.0/24\nnetwork_:\n", List.of(
                        "t.yaml:4: network must be a mapping of fields (key: value), found '192.168.1.0/24'; valid fields: subnet, gateway, dns, pool, leaseSeconds, sharedNetwork, domain",
                        "t.yaml:5: network_: unknown field 'network_' (did you mean 'network'?); valid fields here: version, cluster, network, router, bootServer, machines, os, kubernetes, ssh")),
                new Case("insecure registry that is not a host", "    role: none", "    role: none\nkubernetes:\n  insecureRegistries: [\"http://r:5000\"]", List.of(
                        "t.yaml:34: kubernetes.insecureRegistries[0] 'http://r:5000' is not a registry (expected HOST[:PORT] or a CIDR, e.g. 192.168.1.250:5000 or 10.0.0.0/8)")),
                new Case("pod range too small for the nodes", "    role: none", "    role: none\nkubernetes:\n  podCidr: 10.2.0.0/25", List.of(
                        "t.yaml:33: kubernetes.podCidr 10.2.0.0/25 has room for 0 node pod ranges (/24 each) but there are 2 masters and workers; use a larger range (a /16 has room for 256 nodes)")),
                new Case("YAML syntax error", "  name: home-lab", "  name: [home-lab", List.of(
                        "t.yaml:4: not valid YAML: expected ',' or ']', but got : (check indentation and quoting near this line)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInventories")
    void reportsExactly(Case c) throws IOException {
        String base = base();
        if (!base.contains(c.from())) {
            throw new AssertionError("test case edits text that base.yaml does not have: " + c.from());
        }
        String edited = base.replaceFirst(java.util.regex.Pattern.quote(c.from()), java.util.regex.Matcher.quoteReplacement(c.to()));
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryLoader.parse("t.yaml", edited));
        assertEquals(c.expected(), e.problems().stream().map(Problem::toString).toList());
    }

    /**
     * A fixed lease inside the pool is valid: vyatta-cfg-dhcp-server's dhcpd-config.pl cuts a static
     * mapping's address out of the start-stop range (Vyatta bug 3800, 2008), and dnsmasq keeps a
     * reserved address for its MAC. On EdgeOS it is a warning (the pool loses the address).
     */
    @org.junit.jupiter.api.Test
    void aFixedLeaseInsideThePoolIsAWarningOnEdgeosAndNothingOnOpenwrt() throws IOException {
        String inPool = base().replaceFirst("ip: 192\\.168\\.1\\.211", "ip: 192.168.1.150");
        Inventory edgeos = InventoryLoader.parse("t.yaml", inPool);
        assertEquals(List.of("t.yaml:27: machines[1].ip '192.168.1.150' is inside the dynamic pool 192.168.1.100-192.168.1.199;"
                + " EdgeOS cuts it out of the range (the pool loses that address), which is fine; to keep the whole pool,"
                + " pick an address outside it in the subnet 192.168.1.0/24"), edgeos.warnings());
        Inventory openwrt = InventoryLoader.parse("t.yaml", inPool.replaceFirst("kind: edgeos", "kind: openwrt"));
        assertEquals(List.of(), openwrt.warnings());
        assertEquals(List.of(), InventoryLoader.parse("t.yaml", base()).warnings());
    }

    static String base() throws IOException {
        try (InputStream in = InventoryValidationTest.class.getResourceAsStream("/inventory/base.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
