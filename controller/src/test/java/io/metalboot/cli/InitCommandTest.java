package io.metalboot.cli;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.ServedProject;
import io.metalboot.boot.ServedProject.Config;
import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metalboot init}: what it writes, that it never overwrites a project, and the seed's optional registry drop-in. */
class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSeedsLabOnFlatcarAndPrintsTheNextSteps() throws Exception {
        Cli r = Cli.run("init", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        Inventory inv = InventoryLoader.load(dir.resolve("cluster.yaml"));
        assertEquals("flatcar", inv.os().kind());
        assertEquals(RouterKind.EDGEOS, inv.router().kind());
        assertEquals(4, inv.machines().size());
        for (String f : new String[] {"groups/install.json", "groups/kube-master.json", "profiles/node-master.json", "ignition/k8s-node.yaml",
                "pki/ca.pem", "pki/kubelet-kube-worker-2-key.pem", "assets"}) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertTrue(r.out().contains("Next steps:\n"), r.out());
        assertTrue(r.out().contains("metalboot serve --data " + dir + " -c " + dir.resolve("cluster.yaml")
                + " --http 192.168.1.250:80 --tftp 192.168.1.250:69\n"), r.out());
    }

    @Test
    void neverOverwritesAnExistingProject() throws Exception {
        Files.writeString(dir.resolve("cluster.yaml"), "# mine\n");
        Cli r = Cli.run("init", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(dir.resolve("cluster.yaml") + " exists; init never overwrites it."), r.err());
        assertEquals("# mine\n", Files.readString(dir.resolve("cluster.yaml")));
    }

    @Test
    void openwrtRouter() {
        assertEquals(0, Cli.run("init", dir.toString(), "--router", "openwrt").exitCode());
        Inventory inv = InventoryLoader.load(dir.resolve("cluster.yaml"));
        assertEquals(RouterKind.OPENWRT, inv.router().kind());
        assertEquals("root", inv.router().user());
        Cli bad = Cli.run("init", dir.resolve("x").toString(), "--router", "mikrotik");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--router 'mikrotik' is not a router kind (expected edgeos or openwrt)"), bad.err());
    }

    @Test
    void insecureRegistriesAddTheSeedsDockerDropIn() throws Exception {
        assertEquals(0, Cli.run("init", dir.toString()).exitCode());
        Path inventory = dir.resolve("cluster.yaml");
        try (ServedProject served = ServedProject.render(inventory, dir)) {
            assertTrue(Config.parse(served.ignition("00:00:00:00:00:11", true)).units().stream()
                    .noneMatch(u -> u.name().equals("docker.service")), "off by default");
        }
        Files.writeString(inventory, Files.readString(inventory).replace("insecureRegistries: []",
                "insecureRegistries: [192.168.1.250:5000, 10.0.0.0/8]"));
        try (ServedProject served = ServedProject.render(inventory, dir)) {
            Config worker = Config.parse(served.ignition("00:00:00:00:00:11", true));
            assertEquals("[Service]\nEnvironment=\"DOCKER_OPTS=--insecure-registry=192.168.1.250:5000 --insecure-registry=10.0.0.0/8\"\n",
                    worker.unit("docker.service").dropins().get("50-insecure-registry.conf"));
        }
    }
}
