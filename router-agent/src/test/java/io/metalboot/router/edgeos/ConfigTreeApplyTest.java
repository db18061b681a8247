package io.metalboot.router.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.metalboot.router.edgeos.ConfigChange.Status;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** set/delete/comment on the seed tree, with the router's status and messages word for word. */
class ConfigTreeApplyTest {
    private static final ConfigTree SEED = ConfigTree.parseBoot(Resources.seed());
    private static final String NET = "service dhcp-server shared-network-name dhcp1";
    private static final String SUBNET = NET + " subnet 192.168.1.0/24";
    private static final String[] SUBNET_PATH = {"service", "dhcp-server", "shared-network-name", "dhcp1", "subnet", "192.168.1.0/24"};

    record Case(String name, String command, Status status, List<String> output,
                Function<ConfigTree, Object> probe, Object expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("invalid path", "set service dhcp-server foo bar", Status.FAILED,
                        List.of("Configuration path: [service dhcp-server foo bar] is not valid", "Set failed"),
                        t -> t.exists("service", "dhcp-server", "foo"), false),
                new Case("value below a leaf value", "set " + SUBNET + " lease 3600 extra", Status.FAILED,
                        List.of("Configuration path: [" + SUBNET + " lease 3600 extra] is not valid", "Set failed"),
                        t -> t.value(sub("lease")).orElseThrow(), "86400"),
                new Case("existing multi value", "set service dhcp-server global-parameters 'deny bootp;'",
                        Status.ALREADY_EXISTS,
                        List.of("Configuration path: [service dhcp-server global-parameters deny bootp;] already exists"),
                        t -> t.values("service", "dhcp-server", "global-parameters").size(), 4),
                new Case("new multi value goes last", "set service dhcp-server global-parameters \"allow booting;\"",
                        Status.APPLIED, List.of(),
                        t -> t.values("service", "dhcp-server", "global-parameters").get(4), "allow booting;"),
                new Case("&quot; stays literal", "set " + SUBNET + " subnet-parameters \"option x &quot;y&quot;;\"",
                        Status.APPLIED, List.of(),
                        t -> t.values(sub("subnet-parameters")).get(3), "option x &quot;y&quot;;"),
                new Case("single value replaced", "set " + SUBNET + " lease 3600", Status.APPLIED, List.of(),
                        t -> t.values(sub("lease")), List.of("3600")),
                new Case("same single value", "set " + SUBNET + " lease 86400", Status.ALREADY_EXISTS,
                        List.of("Configuration path: [" + SUBNET + " lease 86400] already exists"),
                        t -> t.values(sub("lease")), List.of("86400")),
                new Case("bad address", "set " + SUBNET + " default-router 192.168.1.300", Status.FAILED,
                        List.of("\"192.168.1.300\" is not a valid value of type \"ipv4\"", "Value validation failed", "Set failed"),
                        t -> t.value(sub("default-router")).orElseThrow(), "192.168.1.1"),
                new Case("bad mapping name", "set " + SUBNET + " static-mapping 'kube master' ip-address 192.168.1.9",
                        Status.FAILED, List.of("invalid static-mapping name \"kube master\"", "Value validation failed", "Set failed"),
                        t -> t.children(sub("static-mapping")).size(), 4),
                new Case("bad keyword", NET.replace(NET, "set " + NET) + " authoritative yes", Status.FAILED,
                        List.of("Invalid keyword yes for authoritative. Specify 'enable' or 'disable'", "Value validation failed", "Set failed"),
                        t -> t.value("service", "dhcp-server", "shared-network-name", "dhcp1", "authoritative").orElseThrow(), "enable"),
                new Case("tag node needs a value", "set service dhcp-server shared-network-name", Status.FAILED,
                        List.of("Configuration path: [service dhcp-server shared-network-name] requires a value", "Set failed"),
                        t -> t.children("service", "dhcp-server", "shared-network-name"), List.of("dhcp1")),
                new Case("new shared network gets defaults", "set service dhcp-server shared-network-name lab subnet 10.0.0.0/24 start 10.0.0.10 stop 10.0.0.20",
                        Status.APPLIED, List.of(),
                        t -> List.of(t.value("service", "dhcp-server", "shared-network-name", "lab", "authoritative").orElseThrow(),
                                t.value("service", "dhcp-server", "shared-network-name", "lab", "subnet", "10.0.0.0/24", "lease").orElseThrow()),
                        List.of("disable", "86400")),
                new Case("delete missing node", "delete " + SUBNET + " static-mapping kube-worker-9", Status.NOTHING_TO_DELETE,
                        List.of("Nothing to delete (the specified node does not exist)"),
                        t -> t.children(sub("static-mapping")).size(), 4),
                new Case("delete missing value", "delete service dhcp-server global-parameters 'allow booting;'",
                        Status.NOTHING_TO_DELETE, List.of("Nothing to delete (the specified value does not exist)"),
                        t -> t.values("service", "dhcp-server", "global-parameters").size(), 4),
                new Case("delete invalid path", "delete service dhcp-server nonsense", Status.FAILED,
                        List.of("Configuration path: [service dhcp-server nonsense] is not valid", "Delete failed"),
                        t -> t.exists("service", "dhcp-server"), true),
                new Case("delete one multi value keeps order", "delete service dhcp-server global-parameters 'deny bootp;'",
                        Status.APPLIED, List.of(),
                        t -> t.values("service", "dhcp-server", "global-parameters").get(2),
                        "include &quot;/config/scripts/ipxe-option-space.conf&quot;;"),
                new Case("delete resets a default", "delete " + NET + " authoritative", Status.APPLIED, List.of(),
                        t -> t.value("service", "dhcp-server", "shared-network-name", "dhcp1", "authoritative").orElseThrow(), "disable"),
                new Case("delete a tag value", "delete " + SUBNET + " static-mapping node00", Status.APPLIED, List.of(),
                        t -> t.children(sub("static-mapping")), List.of("kube-master", "kube-worker-1", "kube-worker-2")),
                new Case("delete the last range removes the tag node", "delete " + SUBNET + " start 192.168.1.100",
                        Status.APPLIED, List.of(), t -> t.exists(sub("start")), false),
                new Case("valueless node", "set " + SUBNET + " static-mapping node00 disable", Status.APPLIED, List.of(),
                        t -> t.exists(sub("static-mapping", "node00", "disable")), true),
                new Case("comment a node", "comment " + SUBNET + " static-mapping node00 \"the laptop\"", Status.APPLIED,
                        List.of(), t -> t.toBoot().contains("                /* the laptop */\n                static-mapping node00 {"), true),
                new Case("comment a value", "comment " + SUBNET + " lease 86400 \"x\"", Status.FAILED,
                        List.of("Cannot comment on config values", "Comment failed"), t -> t.toBoot().contains("/*"), false),
                new Case("generic tag hints", "set interfaces ethernet eth0 address 192.168.1.1/24", Status.APPLIED, List.of(),
                        t -> t.toBoot().contains("interfaces {\n    ethernet eth0 {\n        address 192.168.1.1/24\n"), true));
    }

    private static String[] sub(String... more) {
        String[] path = java.util.Arrays.copyOf(SUBNET_PATH, SUBNET_PATH.length + more.length);
        System.arraycopy(more, 0, path, SUBNET_PATH.length, more.length);
        return path;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void appliesLikeTheRouter(Case c) {
        ConfigChange change = SEED.apply(c.command());
        assertEquals(c.status(), change.status(), "status");
        assertEquals(c.output(), change.output(), "output");
        assertEquals(c.expected(), c.probe().apply(change.tree()), "resulting tree");
        if (change.status() != Status.APPLIED) {
            assertSame(SEED, change.tree(), "a command that changes nothing keeps the tree");
        }
    }
}
