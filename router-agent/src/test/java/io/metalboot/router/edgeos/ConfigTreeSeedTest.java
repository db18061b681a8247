package io.metalboot.router.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The article's {@code service dhcp-server} block is the ground truth for the tree model. */
class ConfigTreeSeedTest {
    private final String seed = Resources.seed();
    private final ConfigTree tree = ConfigTree.parseBoot(seed, "seed-dhcp-server.boot");

    @Test
    void printsBackIdentical() {
        assertEquals(seed, tree.toBoot());
    }

    @Test
    void setCommandsRecreateTheSameTree() {
        List<String> commands = tree.toSetCommands();
        ConfigTree rebuilt = ConfigTree.fromCommands(commands);
        assertEquals(tree, rebuilt);
        assertEquals(seed, rebuilt.toBoot());
    }

    @Test
    void setCommandsKeepQuotesAndGlobalParameterOrder() {
        List<String> globals = tree.toSetCommands().stream()
                .filter(line -> line.startsWith("set service dhcp-server global-parameters")).toList();
        assertEquals(List.of(
                "set service dhcp-server global-parameters 'option option-deco code 240 = string;'",
                "set service dhcp-server global-parameters 'class &quot;decos&quot; { match if substring"
                        + " (option vendor-class-identifier , 0, 5) = &quot;[IAL]&quot;; }'",
                "set service dhcp-server global-parameters 'deny bootp;'",
                "set service dhcp-server global-parameters 'include &quot;/config/scripts/ipxe-option-space.conf&quot;;'"),
                globals);
        assertTrue(tree.toSetCommands().contains("set service dhcp-server shared-network-name dhcp1 subnet"
                + " 192.168.1.0/24 static-mapping kube-worker-1 mac-address 00:00:00:00:00:11"));
    }

    @Test
    void lookupsFollowDisplayOrder() {
        String[] subnet = {"service", "dhcp-server", "shared-network-name", "dhcp1", "subnet", "192.168.1.0/24"};
        assertEquals(List.of("kube-master", "kube-worker-1", "kube-worker-2", "node00"),
                tree.children(append(subnet, "static-mapping")));
        assertEquals("192.168.1.199", tree.value(append(subnet, "start", "192.168.1.100", "stop")).orElseThrow());
        assertEquals(3, tree.values(append(subnet, "subnet-parameters")).size());
    }

    @Test
    void subtreeKeepsItsPath() {
        ConfigTree mapping = tree.subtree("service", "dhcp-server", "shared-network-name", "dhcp1", "subnet",
                "192.168.1.0/24", "static-mapping", "node00");
        assertEquals(List.of(
                "set service dhcp-server shared-network-name dhcp1 subnet 192.168.1.0/24 static-mapping node00 ip-address 192.168.1.250",
                "set service dhcp-server shared-network-name dhcp1 subnet 192.168.1.0/24 static-mapping node00 mac-address 00:00:00:00:00:00"),
                mapping.toSetCommands());
        assertEquals(ConfigTree.empty(), tree.subtree("service", "dns"));
    }

    private static String[] append(String[] path, String... more) {
        String[] longer = java.util.Arrays.copyOf(path, path.length + more.length);
        System.arraycopy(more, 0, longer, path.length, more.length);
        return longer;
    }
}
