package io.metalboot.router.transaction;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.history.Revision.Outcome;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.ReadOutput;
import io.metalboot.router.ssh.ExecResult;
import io.metalboot.router.ssh.RouterSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Applies a non-empty plan over one session in three more round trips: begin (lock, snapshot,
 * revert script, watchdog, stage, commit), verify (read and re-plan; revert at once on any doubt),
 * confirm (stop the watchdog, save, state file, unlock). See ARCHITECTURE.md, router transaction.
 */
public final class Transaction {
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

    private final RouterSession session;
    private final Plan plan;
    private final ApplyScripts scripts;
    private final String revisionId;
    private final Options options;
    private final Consumer<String> progress;
    private final List<String> sent = new ArrayList<>();

    private Transaction(RouterSession session, Plan plan, String revisionId, String rev, Options options, Consumer<String> progress) {
        this.session = session;
        this.plan = plan;
        this.scripts = new ApplyScripts(plan, rev);
        this.revisionId = revisionId;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Applies {@code plan} (read over {@code session}); {@code revisionId} is the local revision the
     * state file will name, {@code rev} the unique router-side transaction id (backup directory).
     */
    public static TransactionResult apply(RouterSession session, Plan plan, String revisionId, String rev, Options options,
            RouterReader reader, Consumer<String> progress) {
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("an empty plan has nothing to apply");
        }
        return new Transaction(session, plan, revisionId, rev, options, progress).run(reader);
    }

    private TransactionResult run(RouterReader reader) {
        progress.accept("locking, snapshotting, arming the watchdog (" + options.confirmTimeout().toSeconds()
                + " s) and committing...");
        ExecResult begin;
        try {
            begin = send(scripts.begin(options.owner(), options.confirmTimeout().toSeconds(), options.breakLock()));
        } catch (RouterAgentException e) {
            return result(Outcome.UNKNOWN, "lost the router during the commit (" + e.getMessage() + "); "
                    + watchdogNote(), Map.of());
        }
        List<String> marks = scripts.markers(begin.stdout());
        if (marks.contains("locked")) {
            return result(Outcome.FAILED, LockMessage.held(options, begin.stdout(), scripts.marker()), Map.of());
        }
        if (marks.contains("broke-lock")) {
            progress.accept("broke the lock held by " + LockMessage.owner(begin.stdout(), scripts.marker() + "broke-lock"));
        }
        if (marks.contains("foreign")) {
            return result(Outcome.FAILED, "uci has changes to dhcp staged by someone else: "
                    + LockMessage.after(begin.stdout(), scripts.marker() + "foreign").strip().replace("\n", "; ")
                    + " (nothing was changed; commit or revert them with 'uci commit dhcp' or 'uci revert dhcp' on the"
                    + " router, then apply again)", Map.of());
        }
        if (marks.contains("snapshot-failed")) {
            return result(Outcome.FAILED, "could not snapshot the router's configuration to " + scripts.revertScript()
                    .replace("/revert.sh", "") + ": " + begin.stderr().strip()
                    + " (nothing was changed; check free space on the router)", Map.of());
        }
        if (marks.contains("commit-failed")) {
            String why = "the commit failed on the router: " + begin.stderr().strip();
            return marks.contains("reverted")
                    ? result(Outcome.REVERTED, "reverted: " + why, Map.of())
                    : result(Outcome.UNKNOWN, why + "; then the revert failed too: "
                            + LockMessage.after(begin.stdout(), scripts.marker() + "revert-failed").strip() + ". " + unknown(), Map.of());
        }
        if (!marks.contains("committed")) {
            return result(Outcome.UNKNOWN, "the commit script ended with status " + begin.status() + " before committing: "
                    + begin.stderr().strip() + "; " + watchdogNote(), Map.of());
        }
        progress.accept("committed; verifying...");
        Optional<String> doubt;
        Map<String, String> files = Map.of();
        try {
            Reading after = reader.read(session);
            files = after.files();
            doubt = doubt(after);
        } catch (RouterAgentException e) {
            if (!session.isConnected()) {
                return result(Outcome.UNKNOWN, "lost the router while verifying (" + e.getMessage() + "); " + watchdogNote(), Map.of());
            }
            doubt = Optional.of("reading the router back failed: " + e.getMessage());
        }
        if (doubt.isPresent()) {
            return revert(doubt.get(), files);
        }
        progress.accept("verified; confirming...");
        try {
            ExecResult confirm = send(scripts.confirm(plan.ownershipAfter().withLastApplied(revisionId, Instant.now())));
            files = written(confirm.stdout(), files);
            if (!scripts.markers(confirm.stdout()).contains("confirmed 1")) {
                return result(Outcome.APPLIED, "applied and confirmed, but saving or writing the state file failed: "
                        + confirm.stderr().strip() + " (run 'metalboot plan' to check)", files);
            }
        } catch (RouterAgentException e) {
            return result(Outcome.UNKNOWN, "lost the router before confirming (" + e.getMessage() + "); " + watchdogNote(), files);
        }
        return result(Outcome.APPLIED, "", files);
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

    private TransactionResult revert(String why, Map<String, String> files) {
        progress.accept("verification failed (" + why + "); reverting...");
        try {
            ExecResult r = send(scripts.revertNow());
            if (scripts.markers(r.stdout()).contains("reverted")) {
                return result(Outcome.REVERTED, "reverted: " + why, files);
            }
            return result(Outcome.UNKNOWN, why + "; then the revert failed: "
                    + LockMessage.after(r.stdout(), scripts.marker() + "revert-failed").strip() + ". " + unknown(), files);
        } catch (RouterAgentException e) {
            return result(Outcome.UNKNOWN, why + "; then the router was lost while reverting (" + e.getMessage() + "); "
                    + watchdogNote(), files);
        }
    }

    private String watchdogNote() {
        return "the router's watchdog reverts to the snapshot by itself within " + options.confirmTimeout().toSeconds()
                + " s unless the change was confirmed; run 'metalboot plan' after that to see the router's state";
    }

    private String unknown() {
        return "The router's state is unknown. To recover, log in to the router and run: sh " + scripts.revertScript();
    }

    private ExecResult send(String script) {
        sent.add(script);
        return session.exec(script);
    }

    private TransactionResult result(Outcome outcome, String message, Map<String, String> after) {
        return new TransactionResult(outcome, message, sent, new TreeMap<>(after), scripts.revertScript());
    }
}
