package io.metalboot.router.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RouterAgentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** config.boot: the stock ER-X file, comments, the version trailer and display order. */
class ConfigBootTest {
    private final String stock = Resources.read("metalboot/templates/edgeos/stock/config.boot");

    @Test
    void stockConfigRoundTrips() {
        ConfigTree tree = ConfigTree.parseBoot(stock);
        assertEquals(stock, tree.toBoot());
        assertEquals(3, tree.trailer().size());
        assertEquals(List.of(), tree.children("service", "dhcp-server"));
        assertEquals("192.168.1.1/24", tree.value("interfaces", "ethernet", "eth0", "address").orElseThrow());
    }

    @Test
    void stockSetCommandsRebuildTheTree() {
        ConfigTree tree = ConfigTree.parseBoot(stock);
        List<String> commands = tree.toSetCommands();
        assertTrue(commands.contains("set system login user ubnt authentication plaintext-password ''"), commands::toString);
        assertTrue(commands.contains("set interfaces loopback lo"), commands::toString);
        ConfigTree rebuilt = ConfigTree.fromCommands(commands).withTrailer(tree.trailer());
        assertEquals(tree, rebuilt);
        assertEquals(stock, rebuilt.toBoot());
    }

    @Test
    void childrenSortLikeVyatta() {
        ConfigTree tree = ConfigTree.fromCommands(List.of(
                "set interfaces ethernet eth10 duplex auto",
                "set interfaces ethernet eth2 duplex auto",
                "set firewall ip-src-route disable",
                "set firewall ipv6-src-route disable"));
        assertEquals(List.of("eth2", "eth10"), tree.children("interfaces", "ethernet"));
        assertEquals(List.of("ipv6-src-route", "ip-src-route"), tree.children("firewall"));
    }

    @Test
    void commentsAndEmptyValuesSurvive() {
        String text = """
                service {
                    /* metalboot: iPXE for the cluster */
                    dhcp-server {
                        disabled false
                        global-parameters ""
                        global-parameters "{"
                        hostfile-update disable
                    }
                }
                """;
        ConfigTree tree = ConfigTree.parseBoot(text);
        assertEquals(text, tree.toBoot());
        // every default of dhcp-server is in the text, so replaying the commands adds nothing
        ConfigTree rebuilt = ConfigTree.fromCommands(tree.toSetCommands());
        assertEquals(tree, rebuilt);
        assertTrue(tree.toSetCommands().contains("comment service dhcp-server 'metalboot: iPXE for the cluster'"));
    }

    @Test
    void reopenedBlocksMerge() {
        ConfigTree tree = ConfigTree.parseBoot("service {\n    ssh {\n        port 22\n    }\n}\nservice {\n    gui {\n    }\n}\n");
        assertEquals("service {\n    gui {\n    }\n    ssh {\n        port 22\n    }\n}\n", tree.toBoot());
    }

    @Test
    void brokenFilesNameTheLine() {
        RouterAgentException unclosed = assertThrows(RouterAgentException.class,
                () -> ConfigTree.parseBoot("service {\n    ssh {\n        port 22\n    }\n", "router.boot"));
        assertEquals("router.boot: 1 '{' not closed at the end of the file (add the missing '}')", unclosed.getMessage());
        RouterAgentException twice = assertThrows(RouterAgentException.class, () -> ConfigTree.parseBoot(
                "service {\n    dhcp-server {\n        disabled false\n        disabled true\n    }\n}\n"));
        assertEquals("config.boot:4: 'disabled' appears twice but holds a single value (remove one of the lines)",
                twice.getMessage());
    }
}
