package io.metalboot.router.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** uci batch on the stock dhcp package: addressing, semantics and uci's error lines. */
class UciBatchTest {

    record Case(String name, String script, List<String> stdout, List<String> stderr,
                Function<UciConfig, Object> probe, Object expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("add returns the anonymous name", "add dhcp host", List.of("cfg05fe63"), List.of(),
                        c -> c.sections("host").get(0).anonymous(), true),
                new Case("second add counts on", "add dhcp host\nadd dhcp host", List.of("cfg05fe63", "cfg06fe63"), List.of(),
                        c -> c.sections("host").size(), 2),
                new Case("@type[-1] is the last one", "add dhcp host\nset dhcp.@host[-1].mac='00:00:00:00:00:01'",
                        List.of("cfg05fe63"), List.of(), c -> c.section("cfg05fe63").orElseThrow().get("mac"),
                        java.util.Optional.of("00:00:00:00:00:01")),
                new Case("named section", "set dhcp.kube_master=host\nset dhcp.kube_master.ip='192.168.1.201'", List.of(),
                        List.of(), c -> c.section("kube_master").orElseThrow().get("ip").orElseThrow(), "192.168.1.201"),
                new Case("section name with a dash", "set dhcp.kube-master=host", List.of(), List.of("uci: Invalid argument"),
                        c -> c.sections("host").size(), 0),
                new Case("option of a missing section", "set dhcp.nosuch.ip='1'", List.of(), List.of("uci: Invalid argument"),
                        c -> c.sections().size(), 4),
                new Case("index out of range", "set dhcp.@host[0].ip='1'", List.of(), List.of("uci: Invalid argument"),
                        c -> c.sections().size(), 4),
                new Case("malformed extended section", "set dhcp.@host.ip='1'", List.of(), List.of("uci: Invalid argument"),
                        c -> c.sections().size(), 4),
                new Case("bad option name", "set dhcp.lan.my-opt='1'", List.of(), List.of("uci: Parse error"),
                        c -> c.section("lan").orElseThrow().options().size(), 8),
                new Case("delete a missing section", "delete dhcp.nosuch", List.of(), List.of("uci: Entry not found"),
                        c -> c.sections().size(), 4),
                new Case("get a missing option", "get dhcp.lan.nosuch", List.of(), List.of("uci: Entry not found"),
                        c -> c.sections().size(), 4),
                new Case("get a list", "get dhcp.lan.ra_flags", List.of("managed-config other-config"), List.of(),
                        c -> c.sections().size(), 4),
                new Case("get a section type", "get dhcp.@dnsmasq[0]", List.of("dnsmasq"), List.of(), c -> c, Stock.DHCP),
                new Case("unchanged value stays in place", "set dhcp.lan.start='100'", List.of(), List.of(), c -> c, Stock.DHCP),
                // list.c uci_set "update option" (openwrt/uci b7ceda9, in 23.05): the option keeps its place
                new Case("changed value stays in place", "set dhcp.lan.start='101'", List.of(), List.of(),
                        c -> c.section("lan").orElseThrow().options().get(1), new UciSection.Entry("start", new UciValue.StringValue("101"))),
                new Case("empty value deletes", "set dhcp.lan.start=''", List.of(), List.of(),
                        c -> c.section("lan").orElseThrow().option("start").isPresent(), false),
                new Case("add_list builds a list", "add_list dhcp.lan.dhcp_option='3,192.168.1.1'\n"
                        + "add_list dhcp.lan.dhcp_option='6,192.168.1.1'", List.of(), List.of(),
                        c -> c.section("lan").orElseThrow().list("dhcp_option"), List.of("3,192.168.1.1", "6,192.168.1.1")),
                new Case("add_list on a string converts it", "add_list dhcp.lan.leasetime='1h'", List.of(), List.of(),
                        c -> c.section("lan").orElseThrow().option("leasetime").orElseThrow(),
                        new UciValue.ListValue(List.of("12h", "1h"))),
                new Case("del_list removes the item", "del_list dhcp.lan.ra_flags='managed-config'", List.of(), List.of(),
                        c -> c.section("lan").orElseThrow().list("ra_flags"), List.of("other-config")),
                new Case("delete a list item by index", "delete dhcp.lan.ra_flags=1", List.of(), List.of(),
                        c -> c.section("lan").orElseThrow().list("ra_flags"), List.of("managed-config")),
                new Case("rename names an anonymous section", "add dhcp host\nrename dhcp.@host[0]='node00'",
                        List.of("cfg05fe63"), List.of(), c -> c.section("node00").orElseThrow().anonymous(), false),
                // list.c uci_rename does not check the name; delta.c uci_parse_delta_tuple drops the line on reload
                new Case("rename to an invalid name is accepted and lost", "rename dhcp.lan='l-a-n'", List.of(), List.of(),
                        c -> c, Stock.DHCP),
                new Case("reorder moves a section", "reorder dhcp.odhcpd=0", List.of(), List.of(),
                        c -> c.sections().get(0).name(), "odhcpd"),
                new Case("other package", "set network.lan.ipaddr='10.0.0.1'", List.of(), List.of("uci: Entry not found"),
                        c -> c, Stock.DHCP),
                new Case("too many arguments", "set dhcp.lan.start=1 two three", List.of(), List.of("Too many arguments"),
                        c -> c, Stock.DHCP),
                new Case("unknown command", "frobnicate dhcp", List.of(), List.of("Unknown command"), c -> c, Stock.DHCP),
                new Case("show an option", "show dhcp.lan.interface", List.of("dhcp.lan.interface='lan'"), List.of(),
                        c -> c, Stock.DHCP),
                new Case("show an anonymous section by its cfg name", "show dhcp.@dnsmasq[0].domain",
                        List.of("dhcp.cfg01411c.domain='lan'"), List.of(), c -> c, Stock.DHCP),
                new Case("commit is a no-op, exit stops the batch", "commit dhcp\nexit\nset dhcp.lan.start='1'", List.of(),
                        List.of(), c -> c, Stock.DHCP),
                new Case("errors do not stop the batch", "delete dhcp.nosuch\nset dhcp.lan.limit='50'", List.of(),
                        List.of("uci: Entry not found"), c -> c.section("lan").orElseThrow().get("limit").orElseThrow(), "50"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void runsLikeUciBatch(Case c) {
        UciResult result = Stock.DHCP.batch(c.script());
        assertEquals(c.stdout(), result.stdout(), "stdout");
        assertEquals(c.stderr(), result.stderr(), "stderr");
        assertEquals(0, result.exitCode(), "uci batch exits 0 even when a command failed");
        assertEquals(c.expected(), c.probe().apply(result.config()));
    }
}
