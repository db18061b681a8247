package io.metalboot.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.plan.RouterKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryLoaderTest {
    static final Path EXAMPLE = Path.of("../examples/home-lab/cluster.yaml");

    @Test
    void theSeedsLabReadsAsTheArticleDescribesIt() {
        Inventory inv = InventoryLoader.load(EXAMPLE);
        assertEquals("192.168.1.0/24", inv.network().subnet().toString());
        assertEquals("192.168.1.1", inv.network().gateway().toString());
        assertEquals(List.of("192.168.1.1"), inv.network().dns().stream().map(Object::toString).toList());
        assertEquals("192.168.1.100", inv.network().pool().start().toString());
        assertEquals("192.168.1.199", inv.network().pool().end().toString());
        assertEquals(86400, inv.network().leaseSeconds());
        assertEquals("dhcp1", inv.network().sharedNetwork());
        assertEquals(RouterKind.EDGEOS, inv.router().kind());
        assertEquals("http://192.168.1.250", inv.bootServer().baseUrl());
        assertEquals(List.of("kube-master 00:00:00:00:00:01 192.168.1.201 MASTER",
                        "kube-worker-1 00:00:00:00:00:11 192.168.1.211 WORKER",
                        "kube-worker-2 00:00:00:00:00:12 192.168.1.212 WORKER",
                        "node00 00:00:00:00:00:00 192.168.1.250 NONE"),
                inv.machines().stream().map(m -> m.name() + " " + m.mac() + " " + m.ip() + " " + m.role()).toList());
    }

    @Test
    void optionalSectionsHaveDefaults() throws Exception {
        Inventory inv = InventoryLoader.parse("t.yaml", InventoryValidationTest.base());
        assertEquals("flatcar", inv.os().kind());
        assertEquals("stable", inv.os().channel());
        assertEquals("/dev/sda", inv.os().installDisk());
        assertEquals("10.3.0.0/24", inv.kubernetes().serviceCidr().toString());
        assertEquals("lan", inv.router().lanInterface());
        assertTrue(inv.ssh().authorizedKeys().isEmpty());
    }

    @Test
    void macSpellingsAreNormalised() throws Exception {
        Inventory inv = InventoryLoader.parse("t.yaml", InventoryValidationTest.base()
                .replace("00:00:00:00:00:11", "00-00-00-00-00-1A").replace("00:00:00:00:00:01", "0000.0000.00Ab"));
        assertEquals("00:00:00:00:00:ab", inv.machines().get(0).mac().toString());
        assertEquals("00:00:00:00:00:1a", inv.machines().get(1).mac().toString());
    }

    @Test
    void aMissingFileSaysWhatToDo() {
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryLoader.load(Path.of("nope.yaml")));
        assertEquals("nope.yaml: no such file; create one with the example in examples/home-lab/cluster.yaml or pass -c PATH",
                e.getMessage());
    }

    @Test
    void everyProblemIsReportedInOneRun() throws Exception {
        String text = InventoryValidationTest.base().replace("mac: 00:00:00:00:00:11", "mac: zz")
                .replace("ip: 192.168.1.201", "ip: 192.168.1.1").replace("kind: edgeos", "kind: vyos");
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryLoader.parse("t.yaml", text));
        assertEquals(List.of(14, 23, 26), e.problems().stream().map(Problem::line).toList());
    }
}
