package io.metalboot.router.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The /etc/config file format, uci export and uci show. */
class UciConfigTest {

    @Test
    void stockFileRoundTrips() {
        assertEquals(Stock.DHCP_TEXT, Stock.DHCP.fileContent());
        assertEquals("package dhcp\n" + Stock.DHCP_TEXT, Stock.DHCP.export());
        assertEquals(Stock.DHCP, UciConfig.parse("dhcp", Stock.DHCP.export()));
    }

    @Test
    void showsLikeUciShow() {
        List<String> lines = Stock.DHCP.show().lines().toList();
        assertEquals("dhcp.@dnsmasq[0]=dnsmasq", lines.get(0));
        assertEquals("dhcp.@dnsmasq[0].domainneeded='1'", lines.get(1));
        assertEquals(List.of("dhcp.lan=dhcp", "dhcp.lan.interface='lan'", "dhcp.lan.start='100'", "dhcp.lan.limit='150'",
                "dhcp.lan.leasetime='12h'", "dhcp.lan.dhcpv4='server'", "dhcp.lan.dhcpv6='server'", "dhcp.lan.ra='server'",
                "dhcp.lan.ra_flags='managed-config' 'other-config'"), lines.subList(21, 30));
        assertEquals("dhcp.cfg01411c=dnsmasq", Stock.DHCP.showWithSectionNames().lines().findFirst().orElseThrow());
    }

    @Test
    void anonymousIndexesCountNamedSectionsToo() {
        UciConfig config = Stock.DHCP.batch("set dhcp.kube=host\nadd dhcp host\nset dhcp.@host[-1].name='node 00'").config();
        assertEquals(List.of("dhcp.kube=host", "dhcp.@host[1]=host", "dhcp.@host[1].name='node 00'"),
                config.show().lines().skip(38).toList());
        assertEquals("\nconfig host\n\toption name 'node 00'\n\n", config.fileContent().substring(config.fileContent().indexOf("\nconfig host\n")));
    }

    @Test
    void readsHandWrittenFiles() {
        String text = """
                config dnsmasq
                \toption domainneeded\t1
                \toption filterwin2k\t0  # enable for dial on demand
                \t#list rebind_domain example.lan
                \toption local\t'/lan/'
                \toption note "it's \\"quoted\\""

                config dhcp lan
                \toption interface\tlan
                \toption start \t100
                """;
        UciConfig config = UciConfig.parse("dhcp", text);
        assertEquals("""
                package dhcp

                config dnsmasq
                \toption domainneeded '1'
                \toption filterwin2k '0'
                \toption local '/lan/'
                \toption note 'it'\\''s "quoted"'

                config dhcp 'lan'
                \toption interface 'lan'
                \toption start '100'

                """, config.export());
        assertEquals("cfg01411c", config.sections().get(0).name());
    }

    @Test
    void repeatedOptionsAndSectionsFollowUci() {
        UciConfig config = UciConfig.parse("dhcp", """
                config host 'a'
                \toption ip '1'
                \toption mac 'm'
                config host 'a'
                \toption ip '2'
                \toption mac
                """);
        assertEquals("\nconfig host 'a'\n\toption ip '2'\n\n", config.fileContent());
    }

    /** file.c reports where its parser stands: past the offending word and one blank, or at EOF for an open quote. */
    @Test
    void parseErrorsAreUcis() {
        UciException badName = assertThrows(UciException.class,
                () -> UciConfig.parse("dhcp", "\nconfig host 'my-host'\n"));
        assertEquals("uci: Parse error (invalid character in name field) at line 2, byte 22", badName.uciMessage());
        assertEquals("/etc/config/dhcp: uci: Parse error (invalid character in name field) at line 2, byte 22"
                + " (fix the file: uci refuses to load it, and so does the router)", badName.getMessage());
        UciException early = assertThrows(UciException.class, () -> UciConfig.parse("dhcp", "option ip '1'\n"));
        assertEquals("uci: Parse error (option/list command found before the first section) at line 1, byte 0",
                early.uciMessage());
        UciException quote = assertThrows(UciException.class, () -> UciConfig.parse("dhcp", "config host\n\toption ip '1\n"));
        assertEquals("uci: Parse error (EOF with unterminated ') at line 2, byte 14", quote.uciMessage());
        UciException type = assertThrows(UciException.class,
                () -> UciConfig.parse("dhcp", "config host 'a'\nconfig boot 'a'\n"));
        assertEquals("uci: Parse error (section of different type overwrites prior section with same name) at line 2, byte 16",
                type.uciMessage());
    }
}
