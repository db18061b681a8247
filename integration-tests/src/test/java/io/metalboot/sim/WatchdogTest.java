package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.Revision;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The router-side watchdog and the confirm: a confirm that never arrives, a revert cut off, and the
 * confirm landing before, around and after the watchdog's deadline, each ending in exactly one
 * state with a true report (RouterScripts: one mkdir decides; the loser does nothing).
 */
class WatchdogTest {
    @TempDir
    Path dir;

    @SimRouterTest
    void routerRevertsByItselfWhenTheConfirmNeverArrives(SimLab lab) throws Exception {
        String before = lab.router.activeConfig();
        lab.router.connectionFaults().dropWhenCommandMatches("^mb_finish confirm$");

        Cli run = lab.apply("--confirm-timeout", "3s");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("lost the router while asking it to confirm"), run.err());
        assertTrue(run.err().contains("otherwise the router's watchdog reverts it by "), run.err());
        assertEquals(Revision.Outcome.UNKNOWN, lab.revisions().get(0).outcome());

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> lab.router.activeConfig().equals(before) && lab.router.dhcpRunning()
                        && !lab.router.fs().exists(lab.kind.lockDir()));
        Cli plan = lab.metalboot("plan");
        assertEquals(3, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.err().startsWith("metalboot: revision 0001 is now reverted: settled from the router's record of"
                + " transaction 00000001-"), plan.err());
        assertEquals(Revision.Outcome.REVERTED, lab.revisions().get(0).outcome());
    }

    @SimRouterTest
    void routerLostWhileRevertingIsUnknownAndTheRouterStillReverts(SimLab lab) throws Exception {
        String before = lab.router.activeConfig();
        lab.router.faults().daemonDiesOnNextRestart();
        lab.router.connectionFaults().dropWhenCommandMatches("^wait ");

        Cli run = lab.apply("--confirm-timeout", "3s");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("metalboot: the DHCP daemon is not running after the commit; then lost the router while"
                + " asking it to revert ("), run.err());
        assertTrue(run.err().contains("The revert completes on the router by itself once started"), run.err());
        assertEquals(Revision.Outcome.UNKNOWN, lab.revisions().get(0).outcome());

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> lab.router.activeConfig().equals(before) && lab.router.dhcpRunning()
                        && !lab.router.fs().exists(lab.kind.lockDir()));
        assertEquals(3, lab.metalboot("plan").exitCode());
        assertEquals(Revision.Outcome.REVERTED, lab.revisions().get(0).outcome());
    }

    /** The confirm delayed by 0, about the timeout, and twice the timeout plus the watchdog's poll. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"EDGEOS,0", "EDGEOS,2000", "EDGEOS,2600", "EDGEOS,6000",
        "OPENWRT,0", "OPENWRT,2000", "OPENWRT,2600", "OPENWRT,6000"})
    void theConfirmAndTheWatchdogNeverBothWin(RouterKind kind, long delayMillis) throws Exception {
        try (TransactionLab lab = TransactionLab.start(kind, dir.resolve("lab"), TransactionLab.key(dir))) {
            String oldSide = lab.dhcpSide();
            lab.router.connectionFaults().delayCommands("^mb_finish confirm$", Duration.ofMillis(delayMillis));
            Cli run = TransactionLab.apply(lab.newInventory, "--confirm-timeout", "2s");
            assertEquals(java.util.Optional.empty(), lab.awaitQuiet());
            String side = lab.dhcpSide();
            boolean isNew = !side.equals(oldSide);
            Cli plan = TransactionLab.plan(lab.newInventory);
            assertEquals(isNew ? 0 : 3, plan.exitCode(), "the state file agrees with the configuration: " + plan.out());
            assertEquals(isNew ? 0 : 1, run.exitCode(), run.out() + run.err());
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
