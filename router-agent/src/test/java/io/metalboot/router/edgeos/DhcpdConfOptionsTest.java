package io.metalboot.router.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every subnet option the generator knows, as dhcpd-config.pl spells it, accepted by the real dhcpd. */
class DhcpdConfOptionsTest {
    private static final String NET = "set service dhcp-server shared-network-name LAN";
    private static final String SUBNET = NET + " subnet 10.0.0.0/24";
    private static final ConfigTree ALL = ConfigTree.fromCommands(List.of(
            "set service dhcp-server dynamic-dns-update enable true",
            NET + " authoritative enable",
            NET + " shared-network-parameters 'ddns-domainname &quot;lan.&quot;;'",
            SUBNET + " default-router 10.0.0.1",
            SUBNET + " dns-server 10.0.0.1",
            SUBNET + " dns-server 10.0.0.2",
            SUBNET + " ntp-server 10.0.0.3",
            SUBNET + " domain-name lan",
            SUBNET + " domain-search lan",
            SUBNET + " domain-search example.org",
            SUBNET + " bootfile-name undionly.kpxe",
            SUBNET + " bootfile-server 10.0.0.250",
            SUBNET + " tftp-server-name 10.0.0.250",
            SUBNET + " time-offset -3600",
            SUBNET + " wpad-url http://wpad/wpad.dat",
            SUBNET + " client-prefix-length 24",
            SUBNET + " ip-forwarding enable false",
            SUBNET + " static-route destination-subnet 172.16.0.0/16",
            SUBNET + " static-route router 10.0.0.254",
            SUBNET + " lease 3600",
            SUBNET + " start 10.0.0.100 stop 10.0.0.120",
            SUBNET + " exclude 10.0.0.110",
            SUBNET + " static-mapping printer ip-address 10.0.0.9",
            SUBNET + " static-mapping printer mac-address aa:bb:cc:dd:ee:ff",
            SUBNET + " static-mapping printer static-mapping-parameters 'option host-name &quot;printer&quot;;'",
            SUBNET + " static-mapping old ip-address 10.0.0.8",
            SUBNET + " static-mapping old mac-address aa:bb:cc:dd:ee:00",
            SUBNET + " static-mapping old disable",
            "set service dhcp-server shared-network-name OFF disable",
            "set service dhcp-server shared-network-name OFF subnet 10.9.0.0/24 start 10.9.0.10 stop 10.9.0.20"));

    record Line(String expected) {
        @Override
        public String toString() {
            return expected.strip();
        }
    }

    static Stream<Line> lines() {
        return Stream.of("ddns-update-style interim;",
                "option rfc3442-static-route code 121 = string;",
                "option wpad-url code 252 = text;",
                "\tauthoritative;",
                "\tddns-domainname \"lan.\";",
                "\t\toption domain-name-servers 10.0.0.1, 10.0.0.2;",
                "\t\toption ntp-servers 10.0.0.3;",
                "\t\toption rfc3442-static-route 10:ac:10:0a:00:00:fe;",
                "\t\toption ip-forwarding false;",
                "\t\toption routers 10.0.0.1;",
                "\t\toption domain-name \"lan\";",
                "\t\toption domain-search \"lan\", \"example.org\";",
                "\t\toption bootfile-name \"undionly.kpxe\";",
                "\t\tfilename \"undionly.kpxe\";",
                "\t\tnext-server 10.0.0.250;",
                "\t\toption time-offset -3600;",
                "\t\toption subnet-mask 255.255.255.0;",
                "\t\tdefault-lease-time 3600;",
                "\t\trange 10.0.0.100 10.0.0.109;",
                "\t\trange 10.0.0.111 10.0.0.120;",
                "\thost printer {",
                "\t\toption host-name \"printer\";").map(Line::new);
    }

    @ParameterizedTest
    @MethodSource("lines")
    void writesTheLine(Line line) {
        String conf = new DhcpdConfGenerator().generate(ALL);
        assertTrue(conf.lines().anyMatch(line.expected()::equals), "missing '" + line.expected() + "' in\n" + conf);
    }

    @Test
    void leavesOutDisabledParts() {
        String conf = new DhcpdConfGenerator().generate(ALL);
        assertTrue(conf.lines().noneMatch(l -> l.contains("host old") || l.contains("shared-network OFF")), conf);
    }

    @Test
    void realDhcpdAcceptsEveryOption(@TempDir Path dir) throws IOException {
        RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
        Path conf = Files.writeString(dir.resolve("dhcpd.conf"), new DhcpdConfGenerator().generate(ALL));
        Path leases = Files.createFile(dir.resolve("dhcpd.leases"));
        RequiredTool.Run run = dhcpd.run("-4", "-t", "-cf", conf.toString(), "-lf", leases.toString(),
                "-pf", dir.resolve("dhcpd.pid").toString());
        assertEquals(0, run.exitCode(), run.output() + "\n" + Files.readString(conf));
    }

    @Test
    void staticRouteHexFollowsTheScript() {
        assertEquals("18:c0:a8:02:c0:a8:01:01", StaticRoute.hex("192.168.2.0/24", "192.168.1.1"));
        assertEquals("20:0a:00:00:05:0a:00:00:01", StaticRoute.hex("10.0.0.5/32", "10.0.0.1"));
        assertEquals("0a:00:00:01", StaticRoute.hex("0.0.0.0/0", "10.0.0.1"));
    }
}
