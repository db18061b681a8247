package io.metalboot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    static final String EXAMPLE = "../examples/home-lab/cluster.yaml";

    @Test
    void theExampleIsValid() {
        Cli r = Cli.run("check", "-c", EXAMPLE);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(EXAMPLE + ": ok: cluster home-lab, 4 machines (master 1, worker 2, none 1), edgeos router 192.168.1.1,"
                + " boot server http://192.168.1.250\n", r.out());
    }

    @Test
    void aDuplicateMacExitsTwoAndNamesBothLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, Files.readString(Path.of(EXAMPLE)).replace("mac: 00:00:00:00:00:12", "mac: 00:00:00:00:00:11"));
        Cli r = Cli.run("check", "-c", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals(file + ":49: machines[2].mac '00:00:00:00:00:11' is already used by machines[1] at line 45;"
                + " each machine needs its own MAC\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMissingFileIsBadInput() {
        Cli r = Cli.run("check", "-c", "no-such.yaml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("no-such.yaml: no such file;"), r.err());
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        Cli r = Cli.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("check") && r.out().contains("render"), r.out());
        assertTrue(r.out().contains("Exit status: 0 ok, 1 failure, 2 bad input"), r.out());
        assertEquals(0, Cli.run("render", "--help").exitCode());
    }

    @Test
    void anUnknownFlagIsBadInput() {
        assertEquals(2, Cli.run("check", "--bogus").exitCode());
    }

    @Test
    void aDataDirWithoutTheIpxeBinariesIsWarnedAbout(@TempDir Path dir) throws IOException {
        Cli r = Cli.run("check", "-c", EXAMPLE, "--data", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("warning: " + dir.resolve("tftpboot/undionly.kpxe") + " is missing, but the router hands it to"
                + " PXE firmware that is not iPXE; copy it there with 'metalboot render-data -c " + EXAMPLE + " --out " + dir
                + "' (from Debian's ipxe package) or 'metalboot tftp --data " + dir + " --ipxe-from DIR'\n"), r.out());
        java.nio.file.Files.createDirectories(dir.resolve("tftpboot"));
        java.nio.file.Files.writeString(dir.resolve("tftpboot/undionly.kpxe"), "x");
        java.nio.file.Files.writeString(dir.resolve("tftpboot/ipxe.efi"), "x");
        assertTrue(!Cli.run("check", "-c", EXAMPLE, "--data", dir.toString()).out().contains("warning"));
    }

    @Test
    void everyMachinesIgnitionIsRenderedAndAMissingKeyIsAnErrorNamingTheMachine(@TempDir Path dir) throws IOException {
        assertEquals(0, Cli.run("init", dir.toString()).exitCode());
        String inventory = dir.resolve("cluster.yaml").toString();
        Cli ok = Cli.run("check", "-c", inventory, "--data", dir.toString());
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
        assertTrue(ok.out().endsWith(dir + ": 5 groups, 4 profiles, every machine's Ignition renders\n"), ok.out());
        java.nio.file.Files.delete(dir.resolve("pki/kubelet-kube-worker-1-key.pem"));
        Cli r = Cli.run("check", "-c", inventory, "--data", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("error: kube-worker-1 (installed phase): " + dir.resolve("ignition/k8s-node.yaml")
                + ":"), r.out());
        assertTrue(r.out().contains(": contents.local 'pki/kubelet-kube-worker-1-key.pem': no file "
                + dir.resolve("pki/kubelet-kube-worker-1-key.pem")), r.out());
        assertEquals("metalboot: 1 Ignition config would fail at boot (listed above)\n", r.err());
    }
}
