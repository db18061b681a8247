package io.metalboot.router.transaction;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.dialect.KindSteps;
import io.metalboot.router.history.Revision.Outcome;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.ReadOutput;
import io.metalboot.router.ssh.ConnectionLostException;
import io.metalboot.router.ssh.ExecResult;
import io.metalboot.router.ssh.RouterShell;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Applies a non-empty plan over one session in three more round trips: begin (prepare, watchdog,
 * lock, snapshot, commit), verify (read and re-plan), finish (confirm, or revert on any doubt).
 * The router decides the transaction itself ({@link RouterScripts}): the CLI reports "applied" only
 * when the router says its confirm won. See docs/ARCHITECTURE.md, the router transaction.
 */
public final class Transaction {
    /** How many transactions' backups (and records) the router keeps; older ones are pruned. */
    public static final int BACKUPS_KEPT = ApplyScripts.BACKUPS_KEPT;

    /** Who takes the lock ({@code user@host pid}), how long the watchdog waits, and whether a held lock is broken. */
    public record Options(String owner, Duration confirmTimeout, boolean breakLock) {
        public Options {
            if (owner == null || owner.isBlank()) {
                throw new IllegalArgumentException("the lock owner cannot be blank");
            }
            if (confirmTimeout == null || confirmTimeout.toSeconds() < 1) {
                throw new IllegalArgumentException("the confirm timeout must be at least 1 s, not " + confirmTimeout);
            }
        }
    }

    private final RouterShell session;
    private final Plan plan;
    private final ApplyScripts scripts;
    private final String revisionId;
    private final Options options;
    private final Consumer<String> progress;
    private final List<String> sent = new ArrayList<>();
    private final Decision decision;

    private Transaction(RouterShell session, Plan plan, KindSteps steps, String revisionId, String rev, Options options,
            Consumer<String> progress) {
        this.session = session;
        this.plan = plan;
        this.scripts = new ApplyScripts(plan, steps, rev);
        this.revisionId = revisionId;
        this.options = options;
        this.progress = progress;
        this.decision = new Decision(scripts, revisionId, options.confirmTimeout());
    }

    /**
     * Applies {@code plan} (read over {@code session}) with the router kind's {@code steps};
     * {@code revisionId} is the local revision the state file will name, {@code rev} the unique
     * router-side transaction id (backup directory).
     */
    public static TransactionResult apply(RouterShell session, Plan plan, KindSteps steps, String revisionId, String rev,
            Options options, RouterReader reader, Consumer<String> progress) {
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("an empty plan has nothing to apply");
        }
        return new Transaction(session, plan, steps, revisionId, rev, options, progress).run(reader);
    }

    private TransactionResult run(RouterReader reader) {
        progress.accept("locking, snapshotting, arming the watchdog (" + options.confirmTimeout().toSeconds()
                + " s) and committing...");
        ExecResult begin;
        try {
            begin = send(scripts.begin(options.owner(), plan.ownershipAfter().withLastApplied(revisionId, Instant.now()),
                    options.confirmTimeout().toSeconds(), options.breakLock()));
        } catch (ConnectionLostException e) {
            return result(Outcome.UNKNOWN, decision.lostDuringBegin(scripts.markers(e.partialOutput()), e), Map.of());
        } catch (RouterAgentException e) {
            return result(Outcome.UNKNOWN, decision.lostDuringBegin(List.of(), e), Map.of());
        }
        Instant committed = Instant.now();
        List<String> marks = scripts.markers(begin.stdout());
        if (marks.contains("locked")) {
            return result(Outcome.FAILED, LockMessage.held(options, begin.stdout(), scripts.marker()), Map.of());
        }
        if (marks.contains("broke-lock")) {
            progress.accept("broke the lock held by " + LockMessage.owner(begin.stdout(), scripts.marker() + "broke-lock"));
        }
        Optional<String> early = decision.failedBeforeChange(marks, begin);
        if (early.isPresent()) {
            return result(Outcome.FAILED, early.get(), Map.of());
        }
        if (marks.contains("commit-failed")) {
            Decision.Verdict v = decision.finished(marks, begin.stderr(), "the commit failed on the router: " + begin.stderr().strip());
            return result(v.outcome(), v.message(), Map.of());
        }
        if (!marks.contains("committed")) {
            return result(Outcome.UNKNOWN, "the commit script ended with status " + begin.status() + " before committing: "
                    + begin.stderr().strip() + "; " + decision.watchdogNote(Optional.of(committed)), Map.of());
        }
        progress.accept("committed; verifying...");
        Optional<String> doubt;
        Map<String, String> files = Map.of();
        try {
            Reading after = reader.read(session);
            files = after.files();
            doubt = doubt(after);
        } catch (RouterAgentException e) {
            if (!session.isConnected() || e instanceof ConnectionLostException) {
                return result(Outcome.UNKNOWN, "lost the router while verifying (" + e.getMessage() + "); "
                        + decision.watchdogNote(Optional.of(committed)), Map.of());
            }
            doubt = Optional.of("reading the router back failed: " + e.getMessage());
        }
        if (doubt.isPresent()) {
            progress.accept("verification failed (" + doubt.get() + "); reverting...");
            return finish("revert", doubt.get(), files, committed);
        }
        progress.accept("verified; confirming...");
        return finish("confirm", "", files, committed);
    }

    private TransactionResult finish(String action, String why, Map<String, String> files, Instant committed) {
        ExecResult r;
        try {
            r = send(scripts.finish(action));
        } catch (RouterAgentException e) {
            return result(Outcome.UNKNOWN, decision.lostWhileFinishing(action, why, committed, e), files);
        }
        Decision.Verdict v = decision.finished(scripts.markers(r.stdout()), r.stderr(), why);
        return result(v.outcome(), v.message(), v.outcome() == Outcome.APPLIED ? written(r.stdout(), files) : files);
    }

    /** The snapshot with the files the confirm step rewrote, as it printed them; unchanged when that part was cut off. */
    private Map<String, String> written(String stdout, Map<String, String> files) {
        Map<String, String> merged = new TreeMap<>(files);
        try {
            ReadOutput out = ReadOutput.parse(stdout, plan.router());
            for (String path : scripts.writtenAtConfirm()) {
                out.file(path).ifPresentOrElse(text -> merged.put(path, text), () -> merged.remove(path));
            }
            return merged;
        } catch (RouterAgentException e) {
            return files;
        }
    }

    private static Optional<String> doubt(Reading after) {
        if (!after.daemonRunning()) {
            return Optional.of("the DHCP daemon is not running after the commit");
        }
        if (after.plan().changesRouter()) {
            return Optional.of("the router does not hold the planned configuration after the commit:\n" + after.plan().diff().strip());
        }
        return Optional.empty();
    }

    private ExecResult send(String script) {
        sent.add(script);
        return session.exec(script);
    }

    private TransactionResult result(Outcome outcome, String message, Map<String, String> after) {
        return new TransactionResult(outcome, message, sent, new TreeMap<>(after), scripts.revertScript());
    }
}
