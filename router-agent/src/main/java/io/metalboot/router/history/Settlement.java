package io.metalboot.router.history;

import io.metalboot.router.history.Revision.Outcome;
import io.metalboot.router.plan.TransactionRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settles revisions whose run could not tell how it ended (outcome unknown: the connection was lost
 * before the router decided) from the router's own record of the transaction, read in the same
 * round trip as the configuration by the next plan, apply, rollback or diff.
 */
public final class Settlement {
    private Settlement() {
    }

    /**
     * Rewrites every unknown revision of {@code router} in {@code store} that {@code records} decides;
     * returns them as rewritten. {@code kept} is how many backups the router keeps (older ones are pruned).
     */
    public static List<Revision> settle(RevisionStore store, String router, TransactionRecords records, int kept) {
        List<Revision> settled = new ArrayList<>();
        for (Revision r : store.list()) {
            if (!r.router().equals(router) || r.outcome() != Outcome.UNKNOWN || r.transaction().isEmpty()) {
                continue;
            }
            String tx = r.transaction().get();
            Optional<Revision> done = records.find(tx).flatMap(rec -> rec.outcome().map(o -> decided(r, tx, o)))
                    .or(() -> records.neverStarted(tx, kept) ? Optional.of(r.with(Outcome.FAILED, Optional.of("settled from the"
                            + " router's record: transaction " + tx + " never started there (the connection was lost before it"
                            + " began); nothing was changed"))) : Optional.empty());
            done.filter(d -> d.outcome() != r.outcome() || !d.message().equals(r.message())).ifPresent(d -> settled.add(store.finish(d)));
        }
        return settled;
    }

    private static Revision decided(Revision r, String tx, String outcome) {
        String head = "settled from the router's record of transaction " + tx + ": ";
        if (outcome.equals("applied")) {
            return r.with(Outcome.APPLIED, Optional.of(head + "the confirm landed; the router holds this revision"));
        }
        if (outcome.startsWith("reverted")) {
            return r.with(Outcome.REVERTED, Optional.of(head + outcome + " (the router is back to the state before this revision)"));
        }
        if (outcome.equals("released")) {
            return r.with(Outcome.FAILED, Optional.of(head + "it stopped before changing anything; the lock was released"));
        }
        if (outcome.startsWith("lost-lock")) {
            return r.with(Outcome.SUPERSEDED, Optional.of(head + "another run broke its lock (" + outcome.substring("lost-lock".length())
                    .strip() + ") before it ended"));
        }
        return r.with(Outcome.UNKNOWN, Optional.of(head + outcome + "; the router's state is unknown: run 'metalboot plan', and on"
                + " the router see the revert.log in the transaction's backup directory"));
    }
}
