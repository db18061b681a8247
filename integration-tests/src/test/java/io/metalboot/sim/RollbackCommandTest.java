package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.history.Revision;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.RouterKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** `metalboot rollback` against both simulated routers: byte-identical returns to any recorded state. */
class RollbackCommandTest {
    static Cli rollback(Path inv, String... more) {
        List<String> args = new ArrayList<>(List.of("rollback", "-c", inv.toString(), "--yes"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The router's DHCP configuration files, byte for byte (absent ones as empty). */
    static Map<String, Optional<String>> configFiles(SimulatedRouter router) throws Exception {
        List<String> paths = router.kind() == RouterKind.EDGEOS
                ? List.of("/config/config.boot", "/config/scripts/ipxe-option-space.conf", "/config/scripts/ipxe-green.conf")
                : List.of("/etc/config/dhcp");
        Map<String, Optional<String>> files = new TreeMap<>();
        for (String path : paths) {
            files.put(path, router.fs().exists(path) ? Optional.of(router.fs().read(path)) : Optional.empty());
        }
        return files;
    }

    @SimRouterTest
    void rollbackReturnsTheFilesByteForByteAndRollsForwardAgain(SimLab lab) throws Exception {
        Map<String, Optional<String>> stock = configFiles(lab.router);
        String stockActive = lab.router.activeConfig();
        assertEquals(0, lab.apply().exitCode());
        Map<String, Optional<String>> applied = configFiles(lab.router);
        assertFalse(applied.equals(stock));

        lab.router.log().clear();
        Cli back = rollback(lab.inventory);
        assertEquals(0, back.exitCode(), back.out() + back.err());
        assertTrue(back.out().startsWith("Rollback of " + lab.kind.name().toLowerCase() + " router "), back.out());
        assertTrue(back.out().contains("rolled back " + lab.kind.name().toLowerCase() + " router ")
                && back.out().contains(" to the state before revision 0001 as revision 0002."), back.out());
        assertEquals(4, lab.router.log().execs().size(), "read, begin, verify, confirm: " + lab.router.log().execs());
        assertEquals(stock, configFiles(lab.router), "byte-identical to before the apply");
        assertEquals(stockActive, lab.router.activeConfig());
        assertTrue(lab.router.dhcpRunning());
        assertFalse(lab.router.fs().exists(lab.kind.lockDir()), "the lock is released");
        RouterKind rk = lab.kind;
        Ownership owned = Ownership.parse(lab.router.fs().read(rk.stateFile()), rk.stateFile(), rk);
        assertTrue(owned.sameEntries(Ownership.none(rk)), "owns nothing again: " + owned);
        Revision recorded = lab.revisions().get(1);
        assertEquals(Revision.Outcome.APPLIED, recorded.outcome());
        assertEquals(Optional.of("the state before revision 0001"), recorded.rollbackOf());
        assertEquals(3, lab.metalboot("plan").exitCode(), "the inventory's change is pending again");
        assertEquals(0, lab.metalboot("diff").exitCode(), "no drift from the rollback's revision");

        lab.router.log().clear();
        Cli again = rollback(lab.inventory, "0002");
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains(" already holds revision 0002."), again.out());
        assertEquals(1, lab.router.log().execs().size(), "only the read: " + lab.router.log().execs());

        Cli forward = rollback(lab.inventory, "0001");
        assertEquals(0, forward.exitCode(), forward.out() + forward.err());
        assertEquals(applied, configFiles(lab.router), "back to what revision 0001 left");
        assertEquals(0, lab.metalboot("plan").exitCode());

        Files.writeString(lab.inventory, Files.readString(lab.inventory).replace("mac: 00:00:00:00:00:12", "mac: 00:00:00:00:00:13"));
        assertEquals(0, lab.apply().exitCode());
        Cli first = rollback(lab.inventory, "--before", "1");
        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertEquals(stock, configFiles(lab.router), "any earlier revision, not only the last");
        Cli history = lab.metalboot("history");
        assertTrue(history.out().contains("(rollback to the state before revision 0001)"), history.out());
    }

    @SimRouterTest
    void handEditsSinceTheRevisionAreShownAndReturnedToo(SimLab lab) throws Exception {
        Map<String, Optional<String>> stock = configFiles(lab.router);
        assertEquals(0, lab.apply().exitCode());
        String edit = lab.kind == RouterKind.EDGEOS
                ? "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper begin; /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper set service dhcp-server"
                        + " shared-network-name LAN subnet 192.168.1.0/24 static-mapping tv ip-address 192.168.1.30;"
                        + " /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper set service dhcp-server shared-network-name LAN subnet"
                        + " 192.168.1.0/24 static-mapping tv mac-address 00:11:22:33:44:55;"
                        + " /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper commit; /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper save;"
                        + " /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper end"
                : "uci add dhcp host; uci set dhcp.@host[-1].name=tv; uci set dhcp.@host[-1].mac=00:11:22:33:44:55;"
                        + " uci set dhcp.@host[-1].ip=192.168.1.30; uci commit dhcp";
        assertEquals(0, lab.ssh.run(edit).exitCode());

        Cli back = rollback(lab.inventory);
        assertEquals(0, back.exitCode(), back.out() + back.err());
        assertTrue(back.out().lines().anyMatch(l -> l.startsWith("- ") && l.contains("tv") || l.contains("@host[")), back.out());
        assertEquals(stock, configFiles(lab.router));
    }

    @SimRouterTest(RouterKind.OPENWRT)
    void refusesWhatCannotBeRestored(SimLab lab) throws Exception {
        Cli none = rollback(lab.inventory);
        assertEquals(1, none.exitCode());
        assertEquals("metalboot: no applied revision for root@127.0.0.1:" + lab.router.port() + " in "
                + lab.dir.resolve(".metalboot/revisions") + ": nothing to roll back (metalboot history lists the revisions)\n", none.err());
        lab.router.faults().failNextCommit("simulated commit failure");
        assertEquals(1, lab.apply().exitCode());
        Cli notApplied = rollback(lab.inventory, "1");
        assertEquals(2, notApplied.exitCode());
        assertEquals("metalboot: revision 0001 was not applied (reverted), so it left no state to return to; to return to"
                + " the state before it: metalboot rollback --before 0001\n", notApplied.err());
        Cli missing = rollback(lab.inventory, "7");
        assertEquals(2, missing.exitCode());
        assertEquals("metalboot: revision '7' is not in " + lab.dir.resolve(".metalboot/revisions")
                + " (metalboot history lists the revisions)\n", missing.err());
        Cli noRev = rollback(lab.inventory, "--before");
        assertEquals(2, noRev.exitCode());
    }
}
