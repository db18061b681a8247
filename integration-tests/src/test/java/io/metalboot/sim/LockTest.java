package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The router lock: held by a live apply, broken with --break-lock, never released or overwritten
 * by a run that no longer holds it (every router-side step checks the owner line names its
 * transaction: RouterScripts.finish and revert).
 */
class LockTest {
    @TempDir
    Path dir;

    @SimRouterTest
    void aLateSecondRevertLeavesTheRouterAlone(SimLab lab) throws Exception {
        lab.router.faults().daemonDiesOnNextRestart();
        assertEquals(1, lab.apply().exitCode());
        String backup = lab.kind.stateDir() + "/backup";
        String revert = backup + "/" + lab.router.fs().list(backup).getFirst() + "/revert.sh";
        assertEquals(0, lab.apply().exitCode(), "a newer apply");
        String applied = lab.router.activeConfig();
        lab.router.fs().mkdir(lab.kind.lockDir(), true);
        lab.router.fs().write(lab.kind.lockDir() + "/owner", "bob@desk 4242 rev=00000009-abcdef 1\n");

        OpenSsh.Result late = lab.ssh.run("sh " + revert);
        assertEquals(1, late.exitCode(), late.out() + late.err());
        assertTrue(late.err().startsWith("not reverting: the router lock is no longer held by transaction 00000001-"), late.err());
        assertTrue(late.err().contains("(held by: bob@desk 4242 rev=00000009-abcdef 1)"), late.err());
        assertEquals(applied, lab.router.activeConfig(), "the newer apply stays");
        assertTrue(lab.router.fs().exists(lab.kind.lockDir()), "the other run's lock stays");
    }

    @SimRouterTest
    void heldLockIsRefusedWithItsHolder(SimLab lab) throws Exception {
        String lock = lab.kind.lockDir();
        lab.router.fs().mkdir(lock, true);
        lab.router.fs().write(lock + "/owner", "bob@desk 4242 1\n");
        String before = lab.router.activeConfig();

        Cli run = lab.apply();
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("metalboot: the router is locked by another apply: bob@desk 4242 for "), run.err());
        assertTrue(run.err().contains(" s; nothing was changed. Wait for it to finish, or if it died, run apply again with"
                + " --break-lock\n"), run.err());
        assertEquals(before, lab.router.activeConfig());
        assertEquals(Revision.Outcome.FAILED, lab.revisions().get(0).outcome());

        Cli broken = lab.apply("--break-lock");
        assertEquals(0, broken.exitCode(), broken.out() + broken.err());
        assertTrue(broken.out().contains("broke the lock held by bob@desk 4242 1"), broken.out());
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void breakingTheLockOfAConfirmingApplyLetsTheSecondWinAndTheFirstCannotOverwriteIt(RouterKind kind)
            throws Exception {
        Path key = TransactionLab.key(dir);
        try (TransactionLab lab = TransactionLab.start(kind, dir.resolve("lab"), key)) {
            lab.router.connectionFaults().delayCommands("^mb_finish confirm$", Duration.ofSeconds(4));
            CompletableFuture<Cli> first = CompletableFuture.supplyAsync(() -> TransactionLab.apply(lab.newInventory,
                    "--confirm-timeout", "30s"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lab.router.activeConfig().contains("00:00:00:00:00:13"));
            // the second apply's confirm waits too, but starts later: the first decides first, against a lock it lost
            Cli second = TransactionLab.apply(lab.oldInventory, "--break-lock");
            assertEquals(0, second.exitCode(), second.out() + second.err());
            assertTrue(second.out().contains("broke the lock held by "), second.out());
            Cli firstRun = first.get();
            assertEquals(1, firstRun.exitCode(), firstRun.out() + firstRun.err());
            assertTrue(firstRun.err().contains("another run broke this apply's lock before it ended (the lock is now held by "),
                    firstRun.err());
            assertTrue(firstRun.err().contains("this apply was neither confirmed nor reverted"), firstRun.err());

            assertEquals(0, TransactionLab.plan(lab.oldInventory).exitCode(), "the configuration and state file are the second apply's");
            assertTrue(lab.router.dhcpRunning());
            assertFalse(lab.router.fs().exists(lab.kind().lockDir()), "the second apply released its lock; the first left it alone");
            var revs = RevisionStore.beside(lab.oldInventory).list();
            assertEquals(Revision.Outcome.SUPERSEDED, revs.get(1).outcome());
            assertEquals(Revision.Outcome.APPLIED, revs.get(2).outcome());
        }
    }
}
