package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static io.metalboot.sim.ApplyCommandTest.apply;
import static io.metalboot.sim.ApplyCommandTest.kindOf;
import static io.metalboot.sim.ApplyCommandTest.revisions;
import static io.metalboot.sim.PlanCommandTest.metalboot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.Revision;
import io.metalboot.sim.PlanCommandTest.Run;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The router-side watchdog and the confirm: a confirm that never arrives, a revert cut off, and the
 * confirm landing before, around and after the watchdog's deadline, each ending in exactly one
 * state with a true report (RouterScripts: one mkdir decides; the loser does nothing).
 */
class WatchdogTest {
    @TempDir
    Path dir;

    Path inventory(SimulatedRouter router) throws Exception {
        return LabDesired.inventoryFor(router, dir);
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void routerRevertsByItselfWhenTheConfirmNeverArrives(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            String before = router.activeConfig();
            router.connectionFaults().dropWhenCommandMatches("^mb_finish confirm$");

            Run run = apply(inv, "--confirm-timeout", "3s");
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.err().contains("lost the router while asking it to confirm"), run.err());
            assertTrue(run.err().contains("otherwise the router's watchdog reverts it by "), run.err());
            assertEquals(Revision.Outcome.UNKNOWN, revisions(inv).get(0).outcome());

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> router.activeConfig().equals(before) && router.dhcpRunning()
                            && !router.fs().exists(kindOf(router).lockDir()));
            Run plan = metalboot("plan", "-c", inv.toString());
            assertEquals(3, plan.status(), plan.out() + plan.err());
            assertTrue(plan.err().startsWith("metalboot: revision 0001 is now reverted: settled from the router's record of"
                    + " transaction 00000001-"), plan.err());
            assertEquals(Revision.Outcome.REVERTED, revisions(inv).get(0).outcome());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void routerLostWhileRevertingIsUnknownAndTheRouterStillReverts(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = inventory(router);
            String before = router.activeConfig();
            router.faults().daemonDiesOnNextRestart();
            router.connectionFaults().dropWhenCommandMatches("^wait ");

            Run run = apply(inv, "--confirm-timeout", "3s");
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.err().startsWith("metalboot: the DHCP daemon is not running after the commit; then lost the router while"
                    + " asking it to revert ("), run.err());
            assertTrue(run.err().contains("The revert completes on the router by itself once started"), run.err());
            assertEquals(Revision.Outcome.UNKNOWN, revisions(inv).get(0).outcome());

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> router.activeConfig().equals(before) && router.dhcpRunning()
                            && !router.fs().exists(kindOf(router).lockDir()));
            assertEquals(3, metalboot("plan", "-c", inv.toString()).status());
            assertEquals(Revision.Outcome.REVERTED, revisions(inv).get(0).outcome());
        }
    }

    /** The confirm delayed by 0, about the timeout, and twice the timeout plus the watchdog's poll. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"EDGEOS,0", "EDGEOS,2000", "EDGEOS,2600", "EDGEOS,6000",
        "OPENWRT,0", "OPENWRT,2000", "OPENWRT,2600", "OPENWRT,6000"})
    void theConfirmAndTheWatchdogNeverBothWin(RouterKind kind, long delayMillis) throws Exception {
        try (TransactionLab lab = TransactionLab.start(kind, dir.resolve("lab"), TransactionLab.key(dir))) {
            String oldSide = lab.dhcpSide();
            lab.router.connectionFaults().delayCommands("^mb_finish confirm$", Duration.ofMillis(delayMillis));
            Run run = TransactionLab.apply(lab.newInventory, "--confirm-timeout", "2s");
            assertEquals(java.util.Optional.empty(), lab.awaitQuiet());
            String side = lab.dhcpSide();
            boolean isNew = !side.equals(oldSide);
            Run plan = TransactionLab.plan(lab.newInventory);
            assertEquals(isNew ? 0 : 3, plan.status(), "the state file agrees with the configuration: " + plan.out());
            assertEquals(isNew ? 0 : 1, run.status(), run.out() + run.err());
            Revision last = lab.lastRevision().orElseThrow();
            assertEquals(isNew ? Revision.Outcome.APPLIED : Revision.Outcome.REVERTED, last.outcome(), run.err());
            if (!isNew) {
                assertTrue(run.err().contains("reverted: the confirm came too late: the router's watchdog had already reverted"
                        + " the change when it arrived (the confirm timeout is 2 s; give more with --confirm-timeout)"), run.err());
            }
            if (delayMillis == 0) {
                assertTrue(isNew, "a prompt confirm wins");
            }
            if (delayMillis == 6000) {
                assertFalse(isNew, "a confirm after the deadline loses");
            }
        }
    }
}
