package io.metalboot.router.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What dnsmasq.init (23.05) makes of particular dhcp settings, line for line. */
class DnsmasqInitQuirksTest {
    private static final OpenWrtHost HOST = OpenWrtHost.stockWithLan("192.168.1.1/24");

    record Case(String name, String script, OpenWrtHost host, String linePrefix, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("networkid with set: is doubled", "set dhcp.m=match\nset dhcp.m.networkid='set:bios'\n"
                        + "set dhcp.m.match='option:client-arch,0'", HOST, "dhcp-match=",
                        List.of("dhcp-match=set:set:bios,option:client-arch,0")),
                new Case("server address without server name drops the boot line", "set dhcp.b=boot\n"
                        + "set dhcp.b.networkid='bios'\nset dhcp.b.filename='undionly.kpxe'\nset dhcp.b.serveraddress='192.168.1.250'",
                        HOST, "dhcp-boot=", List.of()),
                new Case("server name alone is kept", "set dhcp.b=boot\nset dhcp.b.filename='pxelinux.0'\n"
                        + "set dhcp.b.servername='tftp'", HOST, "dhcp-boot=", List.of("dhcp-boot=pxelinux.0,tftp")),
                new Case("lan dhcp options get the networkid", "add_list dhcp.lan.dhcp_option='6,192.168.1.1'\n"
                        + "add_list dhcp.lan.dhcp_option_force='252,\"\\n\"'", HOST, "dhcp-option",
                        List.of("dhcp-option=lan,6,192.168.1.1", "dhcp-option-force=lan,252,\"\\n\"")),
                new Case("old option syntax is split on spaces", "set dhcp.lan.dhcp_option='3,192.168.1.1 6,192.168.1.1'",
                        HOST, "dhcp-option", List.of("dhcp-option=lan,3,192.168.1.1", "dhcp-option=lan,6,192.168.1.1")),
                new Case("host with tags, lease time and two MACs", "set dhcp.h=host\nset dhcp.h.name='nas'\n"
                        + "set dhcp.h.mac='00:00:00:00:00:20 00:00:00:00:00:21'\nset dhcp.h.ip='192.168.1.20'\n"
                        + "set dhcp.h.tag='a b'\nset dhcp.h.leasetime='infinite'\nadd_list dhcp.h.match_tag='known'",
                        HOST, "dhcp-host=", List.of("dhcp-host=tag:known,00:00:00:00:00:20,00:00:00:00:00:21,set:a,set:b,"
                        + "192.168.1.20,nas,infinite")),
                new Case("host without MAC uses its name", "set dhcp.h=host\nset dhcp.h.name='printer'\n"
                        + "set dhcp.h.ip='192.168.1.30'", HOST, "dhcp-host=", List.of("dhcp-host=printer,192.168.1.30")),
                new Case("disabled host", "set dhcp.h=host\nset dhcp.h.mac='00:00:00:00:00:20'\nset dhcp.h.ip='192.168.1.20'\n"
                        + "set dhcp.h.enable='0'", HOST, "dhcp-host=", List.of()),
                new Case("start and limit are relative to the network", "set dhcp.lan.start='10'\nset dhcp.lan.limit='20'",
                        HOST, "dhcp-range=", List.of("dhcp-range=set:lan,192.168.1.10,192.168.1.29,255.255.255.0,12h")),
                new Case("a dotted start keeps only its host part", "set dhcp.lan.start='10.0.0.50'\nset dhcp.lan.limit='1000'",
                        HOST, "dhcp-range=", List.of("dhcp-range=set:lan,192.168.1.50,192.168.1.254,255.255.255.0,12h")),
                new Case("dynamicdhcp 0 makes a static range", "set dhcp.lan.dynamicdhcp='0'\nset dhcp.lan.leasetime='1h'",
                        HOST, "dhcp-range=", List.of("dhcp-range=set:lan,192.168.1.100,static,255.255.255.0,1h")),
                new Case("dhcpv4 disabled", "set dhcp.lan.dhcpv4='disabled'", HOST, "dhcp-range=", List.of()),
                new Case("odhcpd as main DHCP server", "set dhcp.odhcpd.maindhcp='1'", HOST, "dhcp-range=", List.of()),
                new Case("another DHCP server on lan", "", new OpenWrtHost(HOST.interfaces(), "OpenWrt",
                        OpenWrtHost.STOCK_COMPILE_OPTIONS, OpenWrtHost.STOCK_FILES, true, false, Set.of("lan")),
                        "dhcp-range=", List.of()),
                new Case("a dnsmasq without DHCP drops dhcp-*", "", HOST.withCompileOptions(Set.of("IPv6", "UBus")), "dhcp-",
                        List.of()),
                new Case("sections for another instance are left out", "set dhcp.h=host\nset dhcp.h.mac='00:00:00:00:00:20'\n"
                        + "set dhcp.h.ip='192.168.1.20'\nset dhcp.h.instance='guest'", HOST, "dhcp-host=", List.of()),
                new Case("no /etc/dnsmasq.conf, no conf-file", "", HOST.withExistingFiles(Set.of()), "conf-file=", List.of()),
                new Case("ubus off and log queries", "set dhcp.@dnsmasq[0].ubus='0'\nset dhcp.@dnsmasq[0].logqueries='1'",
                        HOST, "log-queries", List.of("log-queries=extra")),
                new Case("router names on the interface", "set dhcp.@dnsmasq[0].add_local_fqdn='4'", HOST, "interface-name=",
                        List.of("interface-name=br-lan.OpenWrt.lan,br-lan", "interface-name=OpenWrt.lan,br-lan",
                                "interface-name=OpenWrt,br-lan")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void writesWhatTheScriptWrites(Case c) {
        UciResult applied = DnsmasqConfGeneratorTest.SEED.batch(c.script());
        assertEquals(List.of(), applied.stderr());
        String content = new DnsmasqConfGenerator(c.host()).generateDefault(applied.config()).content();
        List<String> seedLines = c.linePrefix().equals("dhcp-boot=") || c.linePrefix().equals("dhcp-match=")
                || c.linePrefix().equals("dhcp-host=") ? seedLines(c.linePrefix()) : List.of();
        List<String> lines = content.lines().filter(line -> line.startsWith(c.linePrefix()))
                .filter(line -> !seedLines.contains(line)).toList();
        assertEquals(c.expected(), lines, content);
    }

    /** Lines of the same kind the seed configuration already produces (not part of each case). */
    private static List<String> seedLines(String prefix) {
        return new DnsmasqConfGenerator(HOST).generateDefault(DnsmasqConfGeneratorTest.SEED).content().lines()
                .filter(line -> line.startsWith(prefix)).toList();
    }
}
