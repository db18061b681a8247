package io.metalboot.sim;

import static io.metalboot.sim.PlanCommandTest.metalboot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.sim.PlanCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** `metalboot apply` against both simulated routers: the transaction, its failures and its reverts. */
class ApplyCommandTest {
    @TempDir
    Path dir;

    Path inventory(SimulatedRouter router) throws Exception {
        return LabDesired.inventoryFor(router, dir);
    }

    static Run apply(Path inv, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("apply", "-c", inv.toString(), "--yes", "--trust-new-host-key"));
        args.addAll(List.of(more));
        return metalboot(args.toArray(String[]::new));
    }

    static RouterKind kindOf(SimulatedRouter router) {
        return router.kind() == RouterKind.EDGEOS ? RouterKind.EDGEOS : RouterKind.OPENWRT;
    }

    static List<Revision> revisions(Path inv) {
        return RevisionStore.beside(inv).list();
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void appliesThenIsUpToDateThenAppliesOnlyAMacChange(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            assertEquals(3, metalboot("plan", "-c", inv.toString(), "--trust-new-host-key").status());

            router.log().clear();
            Run applied = apply(inv);
            assertEquals(0, applied.status(), applied.out() + applied.err());
            assertEquals(4, router.log().execs().size(), "read, begin, verify, confirm: " + router.log().execs());
            assertTrue(applied.out().contains("applied revision 0001"), applied.out());
            String config = router.activeConfig();
            assertTrue(config.contains("kube-master") || config.contains("kube_master"), config);
            assertTrue(config.contains("printer") && config.contains("nas"), "the user's entries stay:\n" + config);
            assertTrue(router.dhcpRunning());
            assertEquals(router.activeConfig(), router.savedConfig());
            assertFalse(router.fs().exists(kindOf(router).lockDir()), "the lock is released");
            assertTrue(router.fs().read(kindOf(router).stateFile()).contains("0001"));
            List<Revision> revs = revisions(inv);
            assertEquals(1, revs.size());
            assertEquals(Revision.Outcome.APPLIED, revs.get(0).outcome());
            assertTrue(revs.get(0).after().values().stream().anyMatch(text -> text.contains("00:00:00:00:00:01")), revs.get(0).after().toString());
            assertFalse(revs.get(0).before().values().stream().anyMatch(text -> text.contains("00:00:00:00:00:01")), revs.get(0).before().toString());

            Run plan = metalboot("plan", "-c", inv.toString());
            assertEquals(0, plan.status(), plan.out() + plan.err());

            router.log().clear();
            Run again = apply(inv);
            assertEquals(0, again.status(), again.err());
            assertTrue(again.out().contains("is up to date."), again.out());
            assertEquals(1, router.log().execs().size(), router.log().execs().toString());

            Files.writeString(inv, Files.readString(inv).replace("mac: 00:00:00:00:00:12", "mac: 00:00:00:00:00:13"));
            Run changed = apply(inv);
            assertEquals(0, changed.status(), changed.out() + changed.err());
            assertTrue(changed.out().contains("applied revision 0002"), changed.out());
            List<String> diff = revisions(inv).get(1).changes();
            assertTrue(diff.stream().allMatch(line -> !line.startsWith("+") && !line.startsWith("-") && !line.startsWith("~")
                    || line.contains("worker-2") || line.contains("worker_2")), diff.toString());
            assertTrue(router.activeConfig().contains("00:00:00:00:00:13"), router.activeConfig());
            assertEquals(0, metalboot("plan", "-c", inv.toString()).status());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void failedCommitLeavesTheRouterAsItWas(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            String before = router.activeConfig();
            router.faults().failNextCommit("simulated commit failure");

            Run run = apply(inv);
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.err().contains("reverted: the commit failed on the router: "), run.err());
            if (kind == RouterKind.EDGEOS) {
                assertTrue(run.err().contains("simulated commit failure"), run.err());
            }
            assertEquals(before, router.activeConfig());
            assertTrue(router.dhcpRunning());
            assertFalse(router.fs().exists(kindOf(router).lockDir()), "the revert releases the lock");
            assertEquals(Revision.Outcome.REVERTED, revisions(inv).get(0).outcome());
            assertEquals(3, metalboot("plan", "-c", inv.toString()).status());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void daemonThatDiesIsReverted(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            String before = router.activeConfig();
            router.faults().daemonDiesOnNextRestart();

            Run run = apply(inv);
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.err().contains("metalboot: reverted: the DHCP daemon is not running after the commit\n"), run.err());
            assertTrue(router.dhcpRunning(), "the revert restarts the daemon");
            assertEquals(before, router.activeConfig());
            assertEquals(Revision.Outcome.REVERTED, revisions(inv).get(0).outcome());
            assertEquals(3, metalboot("plan", "-c", inv.toString()).status());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void onlyTheNewestBackupsAreKept(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            String backup = kindOf(router).stateDir() + "/backup";
            for (int i = 1; i <= 12; i++) {
                router.fs().mkdir(backup + String.format("/%08d-old", i), true);
                RevisionStore.beside(inv).record(Revision.draft(java.time.Instant.now(), "test", "elsewhere", "edgeos", List.of(),
                        List.of(), java.util.Map.of(), java.util.Map.of(), Revision.Outcome.FAILED, java.util.Optional.empty(),
                        java.util.Optional.empty()));
            }
            assertEquals(0, apply(inv).status());
            List<String> kept = router.fs().list(backup).stream().sorted().toList();
            assertEquals(10, kept.size(), kept.toString());
            assertEquals("00000004-old", kept.getFirst(), kept.toString());
            assertTrue(kept.getLast().startsWith("00000013-"), kept.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void anUnownedEntryWithAMachinesMacIsRefusedAndNothingIsSent(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            String edit = kind == RouterKind.EDGEOS
                    ? "W=/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper; $W begin; $W set service dhcp-server shared-network-name LAN"
                            + " subnet 192.168.1.0/24 static-mapping desk ip-address 192.168.1.40; $W set service dhcp-server"
                            + " shared-network-name LAN subnet 192.168.1.0/24 static-mapping desk mac-address 00:00:00:00:00:01;"
                            + " $W commit; $W save; $W end"
                    : "uci add dhcp host && uci set dhcp.@host[-1].name=desk && uci set dhcp.@host[-1].mac=00:00:00:00:00:01"
                            + " && uci set dhcp.@host[-1].ip=192.168.1.40 && uci commit dhcp";
            assertEquals(0, ssh.run(edit).status());
            String before = router.activeConfig();
            router.log().clear();

            Run run = apply(inv);
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.err().contains("desk") && run.err().contains("kube-master") && run.err().contains("00:00:00:00:00:01"),
                    run.err());
            assertEquals(1, router.log().execs().size(), "only the read: " + router.log().execs());
            assertEquals(before, router.activeConfig());
            assertTrue(revisions(inv).isEmpty(), "nothing was attempted");
        }
    }

    @org.junit.jupiter.api.Test
    void foreignStagedUciChangesAreRefusedBeforeAnythingIsSent() throws Exception {
        try (OpenSsh ssh = OpenSsh.start(RouterKind.OPENWRT, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            assertEquals(0, ssh.run("uci set dhcp.lan.start=50").status());
            String before = router.activeConfig();
            router.log().clear();

            Run run = apply(inv);
            assertEquals(1, run.status(), run.out() + run.err());
            assertEquals("metalboot: the router has uncommitted uci changes in dhcp that are not metalboot's:"
                    + " dhcp.lan.start='50'; uci would commit them together with metalboot's: commit them ('uci commit dhcp')"
                    + " or revert them ('uci revert dhcp') on the router, then plan again\n", run.err());
            assertEquals(1, router.log().execs().size(), "only the read: " + router.log().execs());
            assertEquals(before, router.activeConfig());
            assertFalse(router.fs().exists(RouterKind.OPENWRT.lockDir()), "the lock is released");
        }
    }

    @org.junit.jupiter.api.Test
    void anIncludeFileChangedByHandIsRestoredAndDhcpdRestarted() throws Exception {
        try (OpenSsh ssh = OpenSsh.start(RouterKind.EDGEOS, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            assertEquals(0, apply(inv).status());
            String include = "/config/scripts/ipxe-green.conf";
            String good = router.fs().read(include);
            router.fs().write(include, "# edited by hand\n");
            String config = router.activeConfig();
            router.log().clear();

            Run run = apply(inv);
            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(run.out().contains(include), run.out());
            assertTrue(router.log().entries().stream().anyMatch(e -> e.line().equals("/opt/vyatta/sbin/dhcpd.init restart")),
                    "dhcpd reads includes only at start: " + router.log().entries());
            assertEquals(good, router.fs().read(include));
            assertEquals(config, router.activeConfig());
            assertTrue(router.dhcpRunning());
            assertEquals(0, metalboot("plan", "-c", inv.toString()).status());
        }
    }

    @org.junit.jupiter.api.Test
    void badConfirmTimeoutIsRefusedBeforeConnecting() {
        Run run = metalboot("apply", "-c", LabDesired.EXAMPLE.toString(), "--yes", "--confirm-timeout", "soon");
        assertEquals(2, run.status(), run.err());
        assertEquals("metalboot: --confirm-timeout 'soon' is not a positive duration (expected e.g. 120s, 2m or 90)\n", run.err());
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void withoutATerminalItNeedsYes(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            Path inv = inventory(ssh.router());
            Run run = metalboot("apply", "-c", inv.toString(), "--trust-new-host-key");
            assertEquals(2, run.status(), run.out() + run.err());
            assertEquals("metalboot: not applying: standard input is not a terminal, so nobody can confirm;"
                    + " pass --yes to apply the plan above\n", run.err());
            assertTrue(revisions(inv).isEmpty());
        }
    }
}
