package io.metalboot.router.change;

import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.history.Settlement;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.ssh.RouterShell;
import io.metalboot.router.transaction.Reading;
import io.metalboot.router.transaction.Transaction;
import io.metalboot.router.transaction.TransactionResult;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One command's work on one router over one session: read and plan (settling the revisions an
 * interrupted run left unknown, from the router's record in the same answer), then, for apply and
 * rollback, reserve a revision, run the transaction with the kind's steps and record how it ended.
 * The desired state is rendered once, before, by whoever built the {@link LiveReader}.
 */
public final class RouterChangeRun {
    /** A read: the reading and the revisions it settled. */
    public record Read(Reading reading, List<Revision> settled) {
        public Read {
            settled = List.copyOf(settled);
        }
    }

    /** How a change ended: the transaction's result and the revision as recorded. */
    public record Result(TransactionResult transaction, Revision revision) {
    }

    private final RouterShell session;
    private final LiveReader reader;
    private final RevisionStore store;
    private final String routerId;

    /** {@code routerId} is how revisions name the router ({@code user@address:port}). */
    public RouterChangeRun(RouterShell session, LiveReader reader, RevisionStore store, String routerId) {
        this.session = session;
        this.reader = reader;
        this.store = store;
        this.routerId = routerId;
    }

    /** Reads the router and plans; settles the unknown revisions the router's records decide. */
    public Read read() {
        Reading reading = reader.read(session);
        return new Read(reading, Settlement.settle(store, routerId, reading.records(), Transaction.BACKUPS_KEPT));
    }

    /**
     * Applies {@code before}'s non-empty plan: reserves the next revision, names the router-side
     * transaction after it, runs the transaction and records the outcome. {@code rollbackOf} names the
     * revision a rollback returns to.
     */
    public Result change(Reading before, Optional<String> rollbackOf, Transaction.Options options, Consumer<String> progress) {
        Plan plan = before.plan();
        Revision reserved = store.reserve(Revision.draft(Instant.now(), System.getProperty("user.name", "unknown"), routerId,
                reader.dialect().kind().label(), List.of(plan.diff().split("\n")), List.of(), before.files(), Map.of(),
                Revision.Outcome.UNKNOWN, Optional.empty(), rollbackOf));
        String rev = transactionId(reserved.id());
        reserved = store.finish(reserved.withTransaction(rev));
        TransactionResult result = Transaction.apply(session, plan, reader.dialect().steps(), reserved.id(), rev, options, reader,
                progress);
        Revision recorded = store.finish(reserved.withRun(result.scripts(), result.after()).with(result.outcome(),
                result.message().isEmpty() ? Optional.empty() : Optional.of(result.message())));
        return new Result(result, recorded);
    }

    /** The router-side transaction id: the revision number and a random suffix, unique across clones of the history. */
    static String transactionId(String revisionId) {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return String.format("%08d", Long.parseLong(revisionId)) + "-" + HexFormat.of().formatHex(random);
    }

    /** Who takes the lock: {@code user@host pid}. */
    public static String localOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name", "unknown") + "@" + host + " " + ProcessHandle.current().pid();
    }
}
