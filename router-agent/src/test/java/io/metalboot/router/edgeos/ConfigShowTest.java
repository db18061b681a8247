package io.metalboot.router.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** showCfg, its in-session diff and configure mode's compare, as cnode-algorithm.cpp prints them. */
class ConfigShowTest {
    private static final ConfigTree SEED = ConfigTree.parseBoot(Resources.seed());
    private static final String SUBNET = "service dhcp-server shared-network-name dhcp1 subnet 192.168.1.0/24";

    @Test
    void showOfTheWholeTreeIsConfigBootWithoutTheTrailer() {
        ConfigTree stock = ConfigTree.parseBoot(Resources.read("metalboot/templates/edgeos/stock/config.boot"));
        String trailer = String.join("\n", stock.trailer()) + "\n";
        assertEquals(stock.toBoot(), ConfigShow.show(stock, List.of()) + trailer);
    }

    @Test
    void showAtAPathPrintsTheChildrenFromTheLeftMargin() {
        String shown = ConfigShow.show(SEED, List.of("service", "dhcp-server", "shared-network-name", "dhcp1",
                "subnet", "192.168.1.0/24", "static-mapping"));
        assertEquals("""
                static-mapping kube-master {
                    ip-address 192.168.1.201
                    mac-address 00:00:00:00:00:01
                }
                static-mapping kube-worker-1 {
                    ip-address 192.168.1.211
                    mac-address 00:00:00:00:00:11
                }
                static-mapping kube-worker-2 {
                    ip-address 192.168.1.212
                    mac-address 00:00:00:00:00:12
                }
                static-mapping node00 {
                    ip-address 192.168.1.250
                    mac-address 00:00:00:00:00:00
                }
                """, shown);
        assertEquals("lease 86400\n", ConfigShow.show(SEED, List.of(words(SUBNET + " lease").toArray(String[]::new))));
    }

    record Empty(String name, List<String> path, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Empty> emptyAndInvalid() {
        return Stream.of(
                // vyatta-cfg cli_shell_api.cpp showCfg: a path with a template but nothing configured is "empty",
                // one with no template (Cstore::validateTmplPath fails) is "not valid"
                new Empty("missing node", List.of("service", "dns"), "Configuration under specified path is empty\n"),
                new Empty("no dhcp-server on the router (empty tree)", List.of("service", "dhcp-server"), null),
                new Empty("no template", List.of("service", "bogus"), "Specified configuration path is not valid\n"),
                new Empty("no top-level template", List.of("bogus"), "Specified configuration path is not valid\n"),
                new Empty("unknown name in a closed subtree", List.of("service", "dhcp-server", "bogus"),
                        "Specified configuration path is not valid\n"),
                new Empty("empty tree", List.of(), null));
    }

    @ParameterizedTest
    @MethodSource("emptyAndInvalid")
    void emptyAndInvalidPaths(Empty example) {
        ConfigTree tree = example.expected() == null ? ConfigTree.empty() : SEED;
        String expected = example.expected() == null ? "Configuration under specified path is empty\n" : example.expected();
        assertEquals(expected, ConfigShow.show(tree, example.path()));
    }

    @Test
    void diffMarksEveryLine() {
        ConfigTree working = SEED.applyAll(List.of(
                "set " + SUBNET + " lease 3600",
                "delete " + SUBNET + " static-mapping node00",
                "set " + SUBNET + " static-mapping nas ip-address 192.168.1.30",
                "set " + SUBNET + " static-mapping nas mac-address 00:11:32:aa:bb:cc",
                "delete service dhcp-server global-parameters 'deny bootp;'"));
        String diff = ConfigShow.diff(SEED, working, words(SUBNET));
        assertEquals("""
                 default-router 192.168.1.1
                 dns-server 192.168.1.1
                >lease 3600
                 start 192.168.1.100 {
                     stop 192.168.1.199
                 }
                 static-mapping kube-master {
                     ip-address 192.168.1.201
                     mac-address 00:00:00:00:00:01
                 }
                 static-mapping kube-worker-1 {
                     ip-address 192.168.1.211
                     mac-address 00:00:00:00:00:11
                 }
                 static-mapping kube-worker-2 {
                     ip-address 192.168.1.212
                     mac-address 00:00:00:00:00:12
                 }
                +static-mapping nas {
                +    ip-address 192.168.1.30
                +    mac-address 00:11:32:aa:bb:cc
                +}
                -static-mapping node00 {
                -    ip-address 192.168.1.250
                -    mac-address 00:00:00:00:00:00
                -}
                 subnet-parameters "option option-deco &quot;:::::239.0.2.10:22222:v6.0:239.0.2.30:22222&quot;;"
                 subnet-parameters "filename &quot;/boot.ipxe&quot;;"
                 subnet-parameters "include &quot;/config/scripts/ipxe-green.conf&quot;;"
                 tftp-server-name 192.168.1.250
                """, diff);
        // a multi value that moved up a place counts as changed (_cmp_multi_values, Vyatta bug 5460)
        String compare = ConfigShow.contextDiff(SEED, working);
        assertEquals("""
                [edit service dhcp-server]
                -global-parameters "deny bootp;"
                >global-parameters "include &quot;/config/scripts/ipxe-option-space.conf&quot;;"
                [edit service dhcp-server shared-network-name dhcp1 subnet 192.168.1.0/24]
                >lease 3600
                +static-mapping nas {
                +    ip-address 192.168.1.30
                +    mac-address 00:11:32:aa:bb:cc
                +}
                -static-mapping node00 {
                -    ip-address 192.168.1.250
                -    mac-address 00:00:00:00:00:00
                -}
                """, compare);
        assertEquals("", ConfigShow.contextDiff(SEED, SEED));
    }

    @Test
    void graftTakesOneSubtreeAndPrunesWhatTheSourceLacks() {
        ConfigTree stock = ConfigTree.parseBoot(Resources.read("metalboot/templates/edgeos/stock/config.boot"));
        ConfigTree withDhcp = stock.graft(SEED, List.of("service", "dhcp-server"));
        assertEquals(SEED.subtree("service", "dhcp-server"), withDhcp.subtree("service", "dhcp-server"));
        assertEquals(stock.subtree("service", "ssh"), withDhcp.subtree("service", "ssh"));
        assertEquals(stock.trailer(), withDhcp.trailer());
        assertEquals(stock, withDhcp.graft(stock, List.of("service", "dhcp-server")));
        ConfigTree onlyDhcp = ConfigTree.empty().graft(SEED, List.of("service", "dhcp-server"));
        assertEquals(SEED, onlyDhcp);
        assertEquals(ConfigTree.empty(), onlyDhcp.graft(ConfigTree.empty(), List.of("service", "dhcp-server")));
    }

    @Test
    void splitWordsNeedNoQuoting() {
        ConfigChange change = SEED.set(List.of("service", "dhcp-server", "global-parameters", "allow booting;"));
        assertEquals(ConfigChange.Status.APPLIED, change.status());
        assertEquals("allow booting;", change.tree().values("service", "dhcp-server", "global-parameters").get(4));
        assertEquals(ConfigChange.Status.NOTHING_TO_DELETE,
                SEED.delete(List.of("service", "dhcp-server", "global-parameters", "allow booting;")).status());
    }

    private static List<String> words(String line) {
        return List.of(line.split(" "));
    }
}
