package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.Revision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The apply transaction's promise under a dropped connection: for every N from 1 to the number of
 * commands a clean apply runs on the router, the connection drops after N commands; once the router
 * is quiet (its watchdog has decided), its whole DHCP side equals the old or the new configuration
 * exactly, the state file agrees (plan is up to date against that inventory only), no lock is left,
 * the CLI exited 0 only if the router ended new, and after the next command the history says which.
 * Follows metalboot's own router scripts (ApplyScripts, RouterScripts); the drop ends the session's
 * foreground commands as sshd does, detached jobs go on (simulator/SHELL.md, Processes).
 */
class TransactionSweepTest {
    private static final int PARALLEL = 4;

    @TempDir
    Path dir;

    /** What one trial saw. */
    record Trial(int n, boolean endedNew, int status, Optional<Revision.Outcome> settled, String problem) {
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aDropAfterAnyCommandEndsOldOrNewAndHistoryTellsWhich(RouterKind kind) throws Exception {
        Path key = TransactionLab.key(dir);
        String oldSide;
        String newSide;
        int count;
        try (TransactionLab ref = TransactionLab.start(kind, dir.resolve("reference"), key)) {
            oldSide = ref.dhcpSide();
            ref.router.log().clear();
            Cli clean = TransactionLab.apply(ref.newInventory, "--confirm-timeout", "1s");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());
            count = (int) ref.router.log().entries().stream().filter(e -> e.kind().equals("command")).count();
            assertEquals(Optional.empty(), ref.awaitQuiet());
            newSide = ref.dhcpSide();
        }
        assertFalse(oldSide.equals(newSide), "the change must change the router");
        assertTrue(count > 20, "a clean apply runs " + count + " commands");

        List<Trial> trials = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<Trial>> futures = new ArrayList<>();
            // -Dmetalboot.sweep=FIRST-LAST runs part of the sweep while working on one step
            String[] range = System.getProperty("metalboot.sweep", "1-" + count).split("-");
            for (int n = Integer.parseInt(range[0]); n <= Math.min(count, Integer.parseInt(range[1])); n++) {
                int drop = n;
                futures.add(pool.submit(() -> trial(kind, key, drop, oldSide, newSide)));
            }
            for (Future<Trial> f : futures) {
                trials.add(f.get());
            }
        }
        List<String> problems = trials.stream().filter(t -> !t.problem().isEmpty()).map(t -> "N=" + t.n() + ": " + t.problem()).toList();
        assertTrue(problems.isEmpty(), problems.size() + " of " + count + " drops broke the promise:\n" + String.join("\n", problems));
        if (System.getProperty("metalboot.sweep") == null) {
            assertTrue(trials.stream().anyMatch(Trial::endedNew), "some drops land after the confirm");
            assertTrue(trials.stream().anyMatch(t -> !t.endedNew() && t.settled().isPresent()), "some drops are reverted");
        }
    }

    private Trial trial(RouterKind kind, Path key, int n, String oldSide, String newSide) throws Exception {
        try (TransactionLab lab = TransactionLab.start(kind, dir.resolve("n" + n), key)) {
            lab.router.connectionFaults().dropAfterCommands(n);
            Cli run = TransactionLab.apply(lab.newInventory, "--confirm-timeout", "1s");
            lab.router.connectionFaults().clear();
            Optional<String> busy = lab.awaitQuiet();
            if (busy.isPresent()) {
                return new Trial(n, false, run.exitCode(), Optional.empty(), busy.get() + "; apply said: " + run.err());
            }
            String side = lab.dhcpSide();
            boolean isNew = side.equals(newSide);
            List<String> problems = new ArrayList<>();
            if (!isNew && !side.equals(oldSide)) {
                problems.add("the router holds neither the old nor the new configuration:\n" + side);
            }
            if (run.exitCode() == 0 && !isNew) {
                problems.add("apply exited 0 but the router is old: " + run.out() + run.err());
            }
            Cli againstNew = TransactionLab.plan(lab.newInventory);
            if (System.getProperty("metalboot.sweep") != null) {
                System.out.println("N=" + n + " apply: " + run.exitCode() + " " + run.err() + "\nplan: " + againstNew.err() + "\nrecords: "
                        + lab.router.fs().list(lab.kind().stateDir() + "/backup"));
            }
            Cli againstOld = TransactionLab.plan(lab.oldInventory);
            if ((againstNew.exitCode() == 0) != isNew || (againstOld.exitCode() == 0) == isNew) {
                problems.add("the state file disagrees: plan new=" + againstNew.exitCode() + " old=" + againstOld.exitCode()
                        + "\n" + againstNew.out() + againstNew.err() + againstOld.out());
            }
            Optional<Revision.Outcome> outcome = lab.lastRevision().filter(r -> r.id().compareTo("0001") > 0).map(Revision::outcome);
            if (outcome.isPresent() && outcome.get() != (isNew ? Revision.Outcome.APPLIED : outcome.get())
                    || outcome.filter(o -> !isNew && o != Revision.Outcome.REVERTED && o != Revision.Outcome.FAILED).isPresent()) {
                problems.add("history says " + outcome.get() + " for a router that ended " + (isNew ? "new" : "old") + ": "
                        + lab.lastRevision().flatMap(Revision::message).orElse("") + "\napply said: " + run.err());
            }
            if (isNew && outcome.isEmpty()) {
                problems.add("the router ended new without a revision");
            }
            if (lab.router.fs().exists(lab.kind().lockDir())) {
                problems.add("a lock is left: " + lab.router.fs().read(lab.kind().lockDir() + "/owner"));
            }
            return new Trial(n, isNew, run.exitCode(), outcome, String.join("; ", problems));
        }
    }
}
