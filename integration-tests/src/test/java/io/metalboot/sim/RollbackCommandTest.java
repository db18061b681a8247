package io.metalboot.sim;

import static io.metalboot.sim.ApplyCommandTest.apply;
import static io.metalboot.sim.ApplyCommandTest.kindOf;
import static io.metalboot.sim.ApplyCommandTest.revisions;
import static io.metalboot.sim.PlanCommandTest.metalboot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.Revision;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.sim.PlanCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** `metalboot rollback` against both simulated routers: byte-identical returns to any recorded state. */
class RollbackCommandTest {
    @TempDir
    Path dir;

    static Run rollback(Path inv, String... more) {
        List<String> args = new ArrayList<>(List.of("rollback", "-c", inv.toString(), "--yes"));
        args.addAll(List.of(more));
        return metalboot(args.toArray(String[]::new));
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

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void rollbackReturnsTheFilesByteForByteAndRollsForwardAgain(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            Map<String, Optional<String>> stock = configFiles(router);
            String stockActive = router.activeConfig();
            assertEquals(0, apply(inv).status());
            Map<String, Optional<String>> applied = configFiles(router);
            assertFalse(applied.equals(stock));

            router.log().clear();
            Run back = rollback(inv);
            assertEquals(0, back.status(), back.out() + back.err());
            assertTrue(back.out().startsWith("Rollback of " + kind.name().toLowerCase() + " router "), back.out());
            assertTrue(back.out().contains("rolled back " + kind.name().toLowerCase() + " router ")
                    && back.out().contains(" to the state before revision 0001 as revision 0002."), back.out());
            assertEquals(4, router.log().execs().size(), "read, begin, verify, confirm: " + router.log().execs());
            assertEquals(stock, configFiles(router), "byte-identical to before the apply");
            assertEquals(stockActive, router.activeConfig());
            assertTrue(router.dhcpRunning());
            assertFalse(router.fs().exists(kindOf(router).lockDir()), "the lock is released");
            RouterKind rk = kindOf(router);
            Ownership owned = Ownership.parse(router.fs().read(rk.stateFile()), rk.stateFile(), rk);
            assertTrue(owned.sameEntries(Ownership.none(rk)), "owns nothing again: " + owned);
            Revision recorded = revisions(inv).get(1);
            assertEquals(Revision.Outcome.APPLIED, recorded.outcome());
            assertEquals(Optional.of("the state before revision 0001"), recorded.rollbackOf());
            assertEquals(3, metalboot("plan", "-c", inv.toString()).status(), "the inventory's change is pending again");
            assertEquals(0, metalboot("diff", "-c", inv.toString()).status(), "no drift from the rollback's revision");

            router.log().clear();
            Run again = rollback(inv, "0002");
            assertEquals(0, again.status(), again.out() + again.err());
            assertTrue(again.out().contains(" already holds revision 0002."), again.out());
            assertEquals(1, router.log().execs().size(), "only the read: " + router.log().execs());

            Run forward = rollback(inv, "0001");
            assertEquals(0, forward.status(), forward.out() + forward.err());
            assertEquals(applied, configFiles(router), "back to what revision 0001 left");
            assertEquals(0, metalboot("plan", "-c", inv.toString()).status());

            Files.writeString(inv, Files.readString(inv).replace("mac: 00:00:00:00:00:12", "mac: 00:00:00:00:00:13"));
            assertEquals(0, apply(inv).status());
            Run first = rollback(inv, "--before", "1");
            assertEquals(0, first.status(), first.out() + first.err());
            assertEquals(stock, configFiles(router), "any earlier revision, not only the last");
            Run history = metalboot("history", "-c", inv.toString());
            assertTrue(history.out().contains("(rollback to the state before revision 0001)"), history.out());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void handEditsSinceTheRevisionAreShownAndReturnedToo(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            Map<String, Optional<String>> stock = configFiles(router);
            assertEquals(0, apply(inv).status());
            String edit = kind == RouterKind.EDGEOS
                    ? "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper begin; /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper set service dhcp-server"
                            + " shared-network-name LAN subnet 192.168.1.0/24 static-mapping tv ip-address 192.168.1.30;"
                            + " /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper set service dhcp-server shared-network-name LAN subnet"
                            + " 192.168.1.0/24 static-mapping tv mac-address 00:11:22:33:44:55;"
                            + " /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper commit; /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper save;"
                            + " /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper end"
                    : "uci add dhcp host; uci set dhcp.@host[-1].name=tv; uci set dhcp.@host[-1].mac=00:11:22:33:44:55;"
                            + " uci set dhcp.@host[-1].ip=192.168.1.30; uci commit dhcp";
            assertEquals(0, ssh.run(edit).status());

            Run back = rollback(inv);
            assertEquals(0, back.status(), back.out() + back.err());
            assertTrue(back.out().lines().anyMatch(l -> l.startsWith("- ") && l.contains("tv") || l.contains("@host[")), back.out());
            assertEquals(stock, configFiles(router));
        }
    }

    @Test
    void refusesWhatCannotBeRestored() throws Exception {
        try (OpenSsh ssh = OpenSsh.start(RouterKind.OPENWRT, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            Run none = rollback(inv);
            assertEquals(1, none.status());
            assertEquals("metalboot: no applied revision for root@127.0.0.1:" + router.port() + " in "
                    + dir.resolve(".metalboot/revisions") + ": nothing to roll back (metalboot history lists the revisions)\n", none.err());
            router.faults().failNextCommit("simulated commit failure");
            assertEquals(1, apply(inv).status());
            Run notApplied = rollback(inv, "1");
            assertEquals(2, notApplied.status());
            assertEquals("metalboot: revision 0001 was not applied (reverted), so it left no state to return to; to return to"
                    + " the state before it: metalboot rollback --before 0001\n", notApplied.err());
            Run missing = rollback(inv, "7");
            assertEquals(2, missing.status());
            assertEquals("metalboot: revision '7' is not in " + dir.resolve(".metalboot/revisions")
                    + " (metalboot history lists the revisions)\n", missing.err());
            Run noRev = rollback(inv, "--before");
            assertEquals(2, noRev.status());
        }
    }
}
