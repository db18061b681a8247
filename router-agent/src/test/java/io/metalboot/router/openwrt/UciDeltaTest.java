package io.metalboot.router.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Delta file lines as delta.c writes and reads them, and as uci changes prints them. */
class UciDeltaTest {

    record Case(String line, Optional<String> change) {
        @Override
        public String toString() {
            return line.isEmpty() ? "(empty line)" : line;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("+dhcp.cfg08fe63='host'", Optional.of("dhcp.cfg08fe63='host'")),
                new Case("dhcp.lan.limit='50'", Optional.of("dhcp.lan.limit='50'")),
                new Case("dhcp.kube='host'", Optional.of("dhcp.kube='host'")),
                new Case("-dhcp.lan.start", Optional.of("-dhcp.lan.start")),
                new Case("-dhcp.wan", Optional.of("-dhcp.wan")),
                new Case("-dhcp.lan.ra_flags='1'", Optional.of("-dhcp.lan.ra_flags")),
                new Case("|dhcp.lan.dhcp_option='6,192.168.1.1'", Optional.of("dhcp.lan.dhcp_option+='6,192.168.1.1'")),
                new Case("~dhcp.lan.dhcp_option='6,192.168.1.1'", Optional.of("dhcp.lan.dhcp_option-='6,192.168.1.1'")),
                new Case("@dhcp.kube='kube_master'", Optional.of("dhcp.kube='kube_master'")),
                new Case("^dhcp.kube_master='0'", Optional.of("dhcp.kube_master='0'")),
                new Case("dhcp.x.note='it'\\''s'", Optional.of("dhcp.x.note='it'\\''s'")),
                new Case("dhcp.x.url='a=b'", Optional.of("dhcp.x.url='a=b'")),
                new Case("dhcp.lan.limit", Optional.empty()),
                new Case("-dhcp.@host[0]", Optional.empty()),
                new Case("network.lan.ipaddr='1'", Optional.empty()),
                new Case("^dhcp.lan.start='1'", Optional.empty()),
                new Case("@dhcp.lan='l-a-n'", Optional.empty()),
                new Case("|dhcp.lan='x'", Optional.empty()),
                new Case("dhcp.lan.limit='50' extra", Optional.empty()),
                new Case("dhcp", Optional.empty()),
                new Case("", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsWritesAndShowsLikeUci(Case c) {
        Optional<UciDelta> delta = UciDelta.parse("dhcp", c.line());
        assertEquals(c.change(), delta.map(d -> d.change("dhcp")), "uci changes");
        delta.ifPresent(d -> assertEquals(c.line(), d.line("dhcp"), "uci_save writes it back the same"));
    }
}
