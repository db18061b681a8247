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
        ConfigTree noMac = SEED.applyAll(java.util.List.of("set service dhcp-server shared-network-name dhcp1 subnet"
                + " 192.168.1.0/24 static-mapping nas ip-address 192.168.1.20"));
        RouterAgentException refused = assertThrows(RouterAgentException.class, () -> new DhcpdConfGenerator().generate(noMac));
        assertEquals("""
                EdgeOS would abort the commit of service dhcp-server:
                No static DHCP lease mac address specified for static mapping 'nas'
                under shared network name 'dhcp1'.
                DHCP server configuration commit aborted due to error(s).""", refused.getMessage());
    }

    /**
     * vyatta-cfg-dhcp-server dhcpd-config.pl (8bc678d, "Fix Bug 3800"; split_ranges): a static
     * mapping inside a start-stop range is allowed, and each such address (mappings in order, an
     * excluded one skipped) is cut out of the ranges written so far: the range holding it ends
     * before it and a new range after it is appended. The real dhcpd accepts the result.
     */
    @Test
    void splitsTheRangeAroundMappingsInsideItAndDhcpdAcceptsIt() throws IOException {
        String subnet = "set service dhcp-server shared-network-name dhcp1 subnet 192.168.1.0/24 ";
        ConfigTree inPool = SEED.applyAll(java.util.List.of(
                subnet + "static-mapping m1 ip-address 192.168.1.150", subnet + "static-mapping m1 mac-address 00:00:00:00:01:50",
                subnet + "static-mapping m2 ip-address 192.168.1.120", subnet + "static-mapping m2 mac-address 00:00:00:00:01:20",
                subnet + "static-mapping m3 ip-address 192.168.1.100", subnet + "static-mapping m3 mac-address 00:00:00:00:01:00",
                subnet + "static-mapping m4 ip-address 192.168.1.130", subnet + "static-mapping m4 mac-address 00:00:00:00:01:30",
                subnet + "exclude 192.168.1.130"));
        String conf = new DhcpdConfGenerator().generate(inPool);
        // exclude .130: 100-129, 131-199; m1 .150: 131-149 + 151-199; m2 .120: 100-119 + 121-129; m3 .100: 101-119
        assertEquals(java.util.List.of("range 192.168.1.101 192.168.1.119;", "range 192.168.1.131 192.168.1.149;",
                "range 192.168.1.151 192.168.1.199;", "range 192.168.1.121 192.168.1.129;"),
                conf.lines().map(String::strip).filter(line -> line.startsWith("range ")).toList());
        RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
        RequiredTool.Run run = dhcpd.run(testArguments(writeWithLocalIncludes(inPool)));
        assertEquals(0, run.exitCode(), run.output());
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
