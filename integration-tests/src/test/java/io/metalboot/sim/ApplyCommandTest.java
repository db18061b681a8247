package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.plan.RouterKind;
import java.nio.file.Files;
import java.util.List;

/** `metalboot apply` against both simulated routers: the transaction, its failures and its reverts. */
class ApplyCommandTest {
    @SimRouterTest
    void appliesThenIsUpToDateThenAppliesOnlyAMacChange(SimLab lab) throws Exception {
        assertEquals(3, lab.metalboot("plan", "--trust-new-host-key").exitCode());

        lab.router.log().clear();
        Cli applied = lab.apply();
        assertEquals(0, applied.exitCode(), applied.out() + applied.err());
        assertEquals(4, lab.router.log().execs().size(), "read, begin, verify, confirm: " + lab.router.log().execs());
        assertTrue(applied.out().contains("applied revision 0001"), applied.out());
        String config = lab.router.activeConfig();
        assertTrue(config.contains("kube-master") || config.contains("kube_master"), config);
        assertTrue(config.contains("printer") && config.contains("nas"), "the user's entries stay:\n" + config);
        assertTrue(lab.router.dhcpRunning());
        assertEquals(lab.router.activeConfig(), lab.router.savedConfig());
        assertFalse(lab.router.fs().exists(lab.kind.lockDir()), "the lock is released");
        assertTrue(lab.router.fs().read(lab.kind.stateFile()).contains("0001"));
        List<Revision> revs = lab.revisions();
        assertEquals(1, revs.size());
        assertEquals(Revision.Outcome.APPLIED, revs.get(0).outcome());
        assertTrue(revs.get(0).after().values().stream().anyMatch(text -> text.contains("00:00:00:00:00:01")), revs.get(0).after().toString());
        assertFalse(revs.get(0).before().values().stream().anyMatch(text -> text.contains("00:00:00:00:00:01")), revs.get(0).before().toString());

        Cli plan = lab.metalboot("plan");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());

        lab.router.log().clear();
        Cli again = lab.apply();
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("is up to date."), again.out());
        assertEquals(1, lab.router.log().execs().size(), lab.router.log().execs().toString());

        Files.writeString(lab.inventory, Files.readString(lab.inventory).replace("mac: 00:00:00:00:00:12", "mac: 00:00:00:00:00:13"));
        Cli changed = lab.apply();
        assertEquals(0, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.out().contains("applied revision 0002"), changed.out());
        List<String> diff = lab.revisions().get(1).changes();
        assertTrue(diff.stream().allMatch(line -> !line.startsWith("+") && !line.startsWith("-") && !line.startsWith("~")
                || line.contains("worker-2") || line.contains("worker_2")), diff.toString());
        assertTrue(lab.router.activeConfig().contains("00:00:00:00:00:13"), lab.router.activeConfig());
        assertEquals(0, lab.metalboot("plan").exitCode());
    }

    @SimRouterTest
    void failedCommitLeavesTheRouterAsItWas(SimLab lab) throws Exception {
        String before = lab.router.activeConfig();
        lab.router.faults().failNextCommit("simulated commit failure");

        Cli run = lab.apply();
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("reverted: the commit failed on the router: "), run.err());
        if (lab.kind == RouterKind.EDGEOS) {
            assertTrue(run.err().contains("simulated commit failure"), run.err());
        }
        assertEquals(before, lab.router.activeConfig());
        assertTrue(lab.router.dhcpRunning());
        assertFalse(lab.router.fs().exists(lab.kind.lockDir()), "the revert releases the lock");
        assertEquals(Revision.Outcome.REVERTED, lab.revisions().get(0).outcome());
        assertEquals(3, lab.metalboot("plan").exitCode());
    }

    @SimRouterTest
    void daemonThatDiesIsReverted(SimLab lab) throws Exception {
        String before = lab.router.activeConfig();
        lab.router.faults().daemonDiesOnNextRestart();

        Cli run = lab.apply();
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("metalboot: reverted: the DHCP daemon is not running after the commit\n"), run.err());
        assertTrue(lab.router.dhcpRunning(), "the revert restarts the daemon");
        assertEquals(before, lab.router.activeConfig());
        assertEquals(Revision.Outcome.REVERTED, lab.revisions().get(0).outcome());
        assertEquals(3, lab.metalboot("plan").exitCode());
    }

    @SimRouterTest
    void onlyTheNewestBackupsAreKept(SimLab lab) throws Exception {
        String backup = lab.kind.stateDir() + "/backup";
        for (int i = 1; i <= 12; i++) {
            lab.router.fs().mkdir(backup + String.format("/%08d-old", i), true);
            RevisionStore.beside(lab.inventory).record(Revision.draft(java.time.Instant.now(), "test", "elsewhere", "edgeos", List.of(),
                    List.of(), java.util.Map.of(), java.util.Map.of(), Revision.Outcome.FAILED, java.util.Optional.empty(),
                    java.util.Optional.empty()));
        }
        assertEquals(0, lab.apply().exitCode());
        List<String> kept = lab.router.fs().list(backup).stream().sorted().toList();
        assertEquals(10, kept.size(), kept.toString());
        assertEquals("00000004-old", kept.getFirst(), kept.toString());
        assertTrue(kept.getLast().startsWith("00000013-"), kept.toString());
    }

    @SimRouterTest
    void anUnownedEntryWithAMachinesMacIsRefusedAndNothingIsSent(SimLab lab) throws Exception {
        String edit = lab.kind == RouterKind.EDGEOS
                ? "W=/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper; $W begin; $W set service dhcp-server shared-network-name LAN"
                        + " subnet 192.168.1.0/24 static-mapping desk ip-address 192.168.1.40; $W set service dhcp-server"
                        + " shared-network-name LAN subnet 192.168.1.0/24 static-mapping desk mac-address 00:00:00:00:00:01;"
                        + " $W commit; $W save; $W end"
                : "uci add dhcp host && uci set dhcp.@host[-1].name=desk && uci set dhcp.@host[-1].mac=00:00:00:00:00:01"
                        + " && uci set dhcp.@host[-1].ip=192.168.1.40 && uci commit dhcp";
        assertEquals(0, lab.ssh.run(edit).exitCode());
        String before = lab.router.activeConfig();
        lab.router.log().clear();

        Cli run = lab.apply();
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("desk") && run.err().contains("kube-master") && run.err().contains("00:00:00:00:00:01"),
                run.err());
        assertEquals(1, lab.router.log().execs().size(), "only the read: " + lab.router.log().execs());
        assertEquals(before, lab.router.activeConfig());
        assertTrue(lab.revisions().isEmpty(), "nothing was attempted");
    }

    @SimRouterTest(RouterKind.OPENWRT)
    void foreignStagedUciChangesAreRefusedBeforeAnythingIsSent(SimLab lab) throws Exception {
        assertEquals(0, lab.ssh.run("uci set dhcp.lan.start=50").exitCode());
        String before = lab.router.activeConfig();
        lab.router.log().clear();

        Cli run = lab.apply();
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertEquals("metalboot: the router has uncommitted uci changes in dhcp that are not metalboot's:"
                + " dhcp.lan.start='50'; uci would commit them together with metalboot's: commit them ('uci commit dhcp')"
                + " or revert them ('uci revert dhcp') on the router, then plan again\n", run.err());
        assertEquals(1, lab.router.log().execs().size(), "only the read: " + lab.router.log().execs());
        assertEquals(before, lab.router.activeConfig());
        assertFalse(lab.router.fs().exists(RouterKind.OPENWRT.lockDir()), "the lock is released");
    }

    @SimRouterTest(RouterKind.EDGEOS)
    void anIncludeFileChangedByHandIsRestoredAndDhcpdRestarted(SimLab lab) throws Exception {
        assertEquals(0, lab.apply().exitCode());
        String include = "/config/scripts/ipxe-green.conf";
        String good = lab.router.fs().read(include);
        lab.router.fs().write(include, "# edited by hand\n");
        String config = lab.router.activeConfig();
        lab.router.log().clear();

        Cli run = lab.apply();
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains(include), run.out());
        assertTrue(lab.router.log().entries().stream().anyMatch(e -> e.line().equals("/opt/vyatta/sbin/dhcpd.init restart")),
                "dhcpd reads includes only at start: " + lab.router.log().entries());
        assertEquals(good, lab.router.fs().read(include));
        assertEquals(config, lab.router.activeConfig());
        assertTrue(lab.router.dhcpRunning());
        assertEquals(0, lab.metalboot("plan").exitCode());
    }

    @org.junit.jupiter.api.Test
    void badConfirmTimeoutIsRefusedBeforeConnecting() {
        Cli run = Cli.run("apply", "-c", LabDesired.EXAMPLE.toString(), "--yes", "--confirm-timeout", "soon");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("metalboot: --confirm-timeout 'soon' is not a positive duration (expected e.g. 120s, 2m or 90)\n", run.err());
    }

    @SimRouterTest
    void withoutATerminalItNeedsYes(SimLab lab) throws Exception {
        Cli run = lab.metalboot("apply", "--trust-new-host-key");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("metalboot: not applying: standard input is not a terminal, so nobody can confirm;"
                + " pass --yes to apply the plan above\n", run.err());
        assertTrue(lab.revisions().isEmpty());
    }
}
