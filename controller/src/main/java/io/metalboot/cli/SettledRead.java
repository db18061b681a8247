package io.metalboot.cli;

import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.history.Settlement;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.router.transaction.Reading;
import io.metalboot.router.transaction.RouterReader;
import io.metalboot.router.transaction.Transaction;
import java.io.PrintWriter;

/**
 * Every command that reads a router also settles the revisions an interrupted run left unknown,
 * from the router's record of their transactions in the same answer, and says so on standard error.
 */
final class SettledRead {
    private SettledRead() {
    }

    static Reading read(RouterReader reader, RouterSession session, RevisionStore store, String routerId, PrintWriter err) {
        Reading reading = reader.read(session);
        for (Revision r : Settlement.settle(store, routerId, reading.records(), Transaction.BACKUPS_KEPT)) {
            err.println("metalboot: revision " + r.id() + " is now " + r.outcome().name().toLowerCase() + ": "
                    + Style.safe(r.message().orElse("")));
        }
        err.flush();
        return reading;
    }
}
