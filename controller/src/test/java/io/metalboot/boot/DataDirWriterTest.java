package io.metalboot.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.inventory.InventoryLoader;
import io.metalboot.router.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render-data's data dir for the example lab: the seed's two phases, every Ignition valid for the real ignition-validate. */
class DataDirWriterTest {
    @TempDir
    Path dir;

    @Test
    void theExampleLabInstallsThenServesEachMachineItsOwnConfig() throws Exception {
        io.metalboot.inventory.Inventory inv = InventoryLoader.load(Path.of("../examples/home-lab/cluster.yaml"));
        new io.metalboot.pki.ClusterPki(dir.resolve("pki"), new io.metalboot.pki.Issuer(java.time.Clock.systemUTC()),
                io.metalboot.pki.KeySpec.DEFAULT).run(io.metalboot.pki.ClusterPlan.of(inv, io.metalboot.pki.KeySpec.DEFAULT), java.util.Set.of(), false);
        writeData(inv);
        DataDir data = DataDir.load(dir);
        assertEquals(List.of(), data.warnings());
        Labels fresh = Labels.of(Map.of("mac", List.of("00-00-00-00-00-01"), "uuid", List.of("u1")), "mac=00-00-00-00-00-01&uuid=u1");
        Labels installed = Labels.of(Map.of("mac", List.of("00:00:00:00:00:01"), "os", List.of("installed")),
                "mac=00:00:00:00:00:01&os=installed");
        io.metalboot.boot.select.Match install = io.metalboot.boot.select.Match.of(data, fresh);
        assertEquals("install", install.group().id());
        assertTrue(io.metalboot.boot.render.IpxeScript.of(install).startsWith("#!ipxe\nkernel /assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz"));
        String phase1 = io.metalboot.boot.render.IgnitionConfig.of(install);
        assertTrue(phase1.contains("ExecStart=/usr/bin/curl -fsS -o /tmp/ignition.json http://192.168.1.250/ignition?"
                + "mac=00-00-00-00-00-01&uuid=u1&os=installed\\n"), phase1);
        assertTrue(phase1.contains("ExecStart=/usr/bin/coreos-install -d /dev/sda -C alpha -V 1053.2.0 -i /tmp/ignition.json"
                + " -b http://192.168.1.250/assets/coreos\\n"), phase1);
        io.metalboot.boot.select.Match own = io.metalboot.boot.select.Match.of(data, installed);
        assertEquals("kube-master", own.group().id());
        String phase2 = io.metalboot.boot.render.IgnitionConfig.of(own);
        assertTrue(phase2.contains("\"source\":\"data:,kube-master\""), phase2);
        RequiredTool validate = RequiredTool.find("ignition-validate", "ignition");
        for (String json : List.of(phase1, phase2)) {
            RequiredTool.Run run = validate.run(Files.writeString(dir.resolve("x.ign"), json).toString());
            assertEquals(0, run.exitCode(), run.output() + json);
        }
    }

    @Test
    void aNodeWithoutItsCertificatesIsAnErrorNamingTheFileAndTheFix() throws Exception {
        writeData(InventoryLoader.load(Path.of("../examples/home-lab/cluster.yaml")));
        DataDir data = DataDir.load(dir);
        io.metalboot.boot.select.Match own = io.metalboot.boot.select.Match.of(data, Labels.of(Map.of("mac", List.of("00:00:00:00:00:11"), "os", List.of("installed")),
                "mac=00:00:00:00:00:11&os=installed"));
        BootException e = org.junit.jupiter.api.Assertions.assertThrows(BootException.class, () -> io.metalboot.boot.render.IgnitionConfig.of(own));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().matches(".*ignition/k8s-node\\.yaml:\\d+: contents\\.local 'pki/ca\\.pem': no file .*/pki/ca\\.pem"
                + " \\(make the cluster's certificates with: metalboot pki cluster -c cluster\\.yaml --out .*/pki\\)"), e.getMessage());
    }

    private void writeData(io.metalboot.inventory.Inventory inv) throws java.io.IOException {
        for (var e : DataDirWriter.files(inv).entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
