package io.metalboot.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.DataDirWriter;
import io.metalboot.bootarch.BootArch.Cpu;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code machines[].arch}: amd64 by default, arm64 only where the OS has arm64 images, and its install profile. */
class MachineArchTest {
    private static final String WORKER = "    ip: 192.168.1.211\n    role: worker\n";

    @Test
    void archIsAmd64UnlessTheMachineSaysArm64() throws Exception {
        Inventory inv = InventoryLoader.parse("t.yaml", InventoryValidationTest.base().replace(WORKER, WORKER + "    arch: arm64\n"));
        assertEquals(List.of(Cpu.AMD64, Cpu.ARM64, Cpu.AMD64), inv.machines().stream().map(Machine::arch).toList());
    }

    @Test
    void anArm64MachineGetsAnInstallGroupSelectedByIpxesBuildarch() throws Exception {
        Inventory inv = InventoryLoader.parse("t.yaml", InventoryValidationTest.base().replace(WORKER, WORKER + "    arch: arm64\n"));
        Map<String, String> files = DataDirWriter.files(inv);
        assertTrue(files.get("groups/install-arm64.json").contains("\"selector\" : {\n    \"arch\" : \"arm64\"\n  }"),
                files.get("groups/install-arm64.json"));
        String profile = files.get("profiles/install-arm64.json");
        assertTrue(profile.contains("\"kernel\" : \"/assets/flatcar/current/arm64/flatcar_production_pxe.vmlinuz\""), profile);
        assertTrue(profile.contains("\"console=ttyAMA0\""), profile);
        assertFalse(DataDirWriter.files(InventoryLoader.parse("t.yaml", InventoryValidationTest.base()))
                .containsKey("groups/install-arm64.json"), "no arm64 machine, no arm64 group");
    }

    @Test
    void anArchWithoutImagesForTheOsIsRefused() throws Exception {
        String yaml = InventoryValidationTest.base().replace(WORKER, WORKER + "    arch: arm64\n") + "os:\n  kind: coreos\n  version: 1053.2.0\n";
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryLoader.parse("t.yaml", yaml));
        assertTrue(e.getMessage().contains("t.yaml:29: machines[1].arch 'arm64' has no install profile: os.kind coreos has no arm64"
                + " images (use os.kind flatcar, whose arm64-usr images metalboot serves, or arch amd64)"), e.getMessage());
    }

    @Test
    void anUnknownArchIsNamedWithTheChoices() throws Exception {
        String yaml = InventoryValidationTest.base().replace(WORKER, WORKER + "    arch: aarch64\n");
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryLoader.parse("t.yaml", yaml));
        assertTrue(e.getMessage().contains("t.yaml:29: machines[1].arch 'aarch64' is not one of amd64, arm64"), e.getMessage());
    }
}
