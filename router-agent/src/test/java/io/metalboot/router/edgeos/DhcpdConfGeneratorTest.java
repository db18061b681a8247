package io.metalboot.router.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import io.metalboot.router.RouterAgentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dhcpd.conf for the article's block, checked by the real ISC dhcpd. */
class DhcpdConfGeneratorTest {
    private static final ConfigTree SEED = ConfigTree.parseBoot(Resources.seed());

    @TempDir
    Path dir;

    @Test
    void seedRendersAsEdgeOsWritesIt() {
        String conf = new DhcpdConfGenerator().generate(SEED);
        assertEquals(Resources.read("io/metalboot/router/edgeos/seed-dhcpd.conf"), conf);
    }

    @Test
    void seedPassesRealDhcpd() throws IOException {
        RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
        Path conf = writeWithLocalIncludes(SEED);
        RequiredTool.Run run = dhcpd.run(testArguments(conf));
        assertEquals(0, run.exitCode(), run.output());
    }

    @Test
    void brokenGlobalParameterIsRejectedByDhcpd() throws IOException {
        RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
        ConfigTree broken = SEED.applyAll(java.util.List.of(
                "set service dhcp-server global-parameters 'option broken code 241 = nonsense;'"));
        Path conf = writeWithLocalIncludes(broken);
        RequiredTool.Run run = dhcpd.run(testArguments(conf));
        assertNotEquals(0, run.exitCode(), "dhcpd accepted a broken parameter:\n" + run.output());
        assertTrue(run.output().contains("nonsense"), run.output());
    }

    @Test
    void refusesWhatTheCommitWouldAbort() {
        ConfigTree inRange = SEED.applyAll(java.util.List.of("set service dhcp-server shared-network-name dhcp1 subnet"
                + " 192.168.1.0/24 static-mapping kube-master ip-address 192.168.1.150"));
        RouterAgentException refused = assertThrows(RouterAgentException.class, () -> new DhcpdConfGenerator().generate(inRange));
        assertEquals("""
                EdgeOS would abort the commit of service dhcp-server:
                Static DHCP lease IP '192.168.1.150' under static mapping 'kube-master'
                lies in a defined lease range under subnet 192.168.1.0/24.
                DHCP server configuration commit aborted due to error(s).""", refused.getMessage());
    }

    private Path writeWithLocalIncludes(ConfigTree tree) throws IOException {
        for (String include : new String[] {"ipxe-green.conf", "ipxe-option-space.conf"}) {
            Files.writeString(dir.resolve(include), Resources.read("io/metalboot/router/edgeos/" + include));
        }
        DhcpdConfGenerator generator = new DhcpdConfGenerator(
                routerPath -> dir.resolve(Path.of(routerPath).getFileName()).toString());
        Path conf = dir.resolve("dhcpd.conf");
        Files.writeString(conf, generator.generate(tree));
        return conf;
    }

    private String[] testArguments(Path conf) throws IOException {
        Path leases = Files.createFile(dir.resolve("dhcpd.leases"));
        return new String[] {"-4", "-t", "-cf", conf.toString(), "-lf", leases.toString(),
                "-pf", dir.resolve("dhcpd.pid").toString()};
    }
}
