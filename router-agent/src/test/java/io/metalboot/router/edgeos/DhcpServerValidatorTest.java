package io.metalboot.router.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Commit-time checks of service dhcp-server, with EdgeOS's lines word for word. */
class DhcpServerValidatorTest {
    private static final ConfigTree SEED = ConfigTree.parseBoot(Resources.seed());
    private static final String SUBNET = "service dhcp-server shared-network-name dhcp1 subnet 192.168.1.0/24";
    private static final String ABORTED = "DHCP server configuration commit aborted due to error(s).";

    record Case(String name, List<String> commands, List<String> errors, List<String> warnings, List<String> dhcpdFailures) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("seed commits", List.of(), List.of(), List.of(), List.of()),
                new Case("mapping without mac", List.of("set " + SUBNET + " static-mapping nas ip-address 192.168.1.20"),
                        List.of("No static DHCP lease mac address specified for static mapping 'nas'",
                                "under shared network name 'dhcp1'.", ABORTED), List.of(), List.of()),
                new Case("mapping without address", List.of("set " + SUBNET + " static-mapping nas mac-address 00:00:00:00:00:20"),
                        List.of("No static DHCP lease IP address specified for static mapping 'nas'",
                                "under shared network name 'dhcp1'.", ABORTED), List.of(), List.of()),
                // dhcpd-config.pl since vyatta-cfg-dhcp-server 8bc678d (Bug 3800): allowed, the range is split around it
                new Case("mapping inside the range", List.of("set " + SUBNET + " static-mapping kube-master ip-address 192.168.1.150"),
                        List.of(), List.of(), List.of()),
                new Case("excluded address may be mapped", List.of(
                        "set " + SUBNET + " static-mapping kube-master ip-address 192.168.1.150",
                        "set " + SUBNET + " exclude 192.168.1.150"), List.of(), List.of(), List.of()),
                new Case("mapping outside the subnet", List.of("set " + SUBNET + " static-mapping node00 ip-address 10.0.0.5"),
                        List.of("Static DHCP lease IP '10.0.0.5' under static mapping 'node00'",
                                "under shared network name 'dhcp1' is outside of the DHCP lease network '192.168.1.0/24'.",
                                ABORTED), List.of(), List.of()),
                new Case("overlapping ranges", List.of("set " + SUBNET + " start 192.168.1.150 stop 192.168.1.160"),
                        List.of("Conflicting DHCP lease ranges: Start IP '192.168.1.150'",
                                "lies in DHCP lease range '192.168.1.100'-'192.168.1.199'.", ABORTED), List.of(), List.of()),
                new Case("stop before start", List.of("set " + SUBNET + " start 192.168.1.100 stop 192.168.1.50"),
                        List.of("Stop DHCP lease IP '192.168.1.50' should be an address equal to or later ",
                                "than the Start DHCP lease IP '192.168.1.100'", ABORTED), List.of(), List.of()),
                new Case("range leaves the subnet", List.of("set " + SUBNET + " start 192.168.1.100 stop 192.168.2.10"),
                        List.of("Stop DHCP lease IP '192.168.2.10' is outside of the DHCP lease network '192.168.1.0/24'",
                                "under shared network 'dhcp1'.", ABORTED), List.of(), List.of()),
                new Case("start without stop", List.of("set " + SUBNET + " start 192.168.1.240"),
                        List.of("Stop DHCP lease IP not defined for Start DHCP lease IP '192.168.1.240'", ABORTED),
                        List.of(), List.of()),
                new Case("overlapping subnets", List.of(
                        "set service dhcp-server shared-network-name lab subnet 192.168.1.128/25 start 192.168.1.130 stop 192.168.1.140"),
                        List.of("Conflicting subnet ranges: 192.168.1.128/25 overlaps 192.168.1.0/24", ABORTED), List.of(), List.of()),
                new Case("exclude outside every range", List.of("set " + SUBNET + " exclude 192.168.1.20"), List.of(),
                        List.of("DHCP server warning:",
                                "exclude IP address '192.168.1.20' does not lie in any of the start-stop ranges    "), List.of()),
                new Case("subnet without ranges or mappings", List.of(
                        "set service dhcp-server shared-network-name lab subnet 10.9.0.0/24 default-router 10.9.0.1"),
                        List.of("No DHCP start-stop range or active static-mapping set for subnet 10.9.0.0/24", ABORTED),
                        List.of(), List.of()),
                new Case("same host name in two shared networks", List.of(
                        "set service dhcp-server shared-network-name lab subnet 10.9.0.0/24 static-mapping node00 ip-address 10.9.0.5",
                        "set service dhcp-server shared-network-name lab subnet 10.9.0.0/24 static-mapping node00 mac-address 00:00:00:00:01:00"),
                        List.of(), List.of(), List.of("static-mapping 'node00' appears under shared network name 'dhcp1' and 'lab':"
                        + " dhcpd refuses a second 'host node00' declaration and will not start (give each static-mapping its own name)")),
                new Case("disabled mapping is not checked", List.of(
                        "set " + SUBNET + " static-mapping old ip-address 192.168.1.150",
                        "set " + SUBNET + " static-mapping old disable"), List.of(), List.of(), List.of()),
                new Case("no interface in the subnet", List.of("set interfaces ethernet eth0 address 10.1.1.1/24"),
                        List.of("DHCP server error: None of the DHCP lease subnets are inside any of the subnets",
                                "configured on broadcast interfaces. At least one DHCP lease subnet must be set",
                                "such that DHCP server listens on a minimum of one broadcast interface", ABORTED),
                        List.of(), List.of()),
                new Case("subnet on switch0", List.of("set interfaces switch switch0 address 192.168.1.1/24"),
                        List.of(), List.of(), List.of()),
                new Case("partial failover", List.of("set " + SUBNET + " failover name peer1"),
                        List.of("Please set one or more of the missing DHCP failover parameters:",
                                "local-address | peer-address | name | status", ABORTED), List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void checksLikeTheCommit(Case c) {
        DhcpServerValidator.Result result = DhcpServerValidator.validate(SEED.applyAll(c.commands()));
        assertEquals(c.errors(), result.errors(), "errors");
        assertEquals(c.warnings(), result.warnings(), "warnings");
        assertEquals(c.dhcpdFailures(), result.dhcpdFailures(), "dhcpd failures");
        assertEquals(c.errors().isEmpty(), result.commits());
    }
}
