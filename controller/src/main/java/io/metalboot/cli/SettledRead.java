package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.change.Dialects;
import io.metalboot.router.change.LiveReader;
import io.metalboot.router.change.RouterChangeRun;
import io.metalboot.router.history.Revision;
import io.metalboot.router.transaction.Reading;
import io.metalboot.routercfg.DesiredState;
import io.metalboot.routercfg.RouterTemplates;
import java.io.PrintWriter;

/**
 * Every command that reads a router also settles the revisions an interrupted run left unknown
 * ({@link RouterChangeRun#read}); this says so on standard error.
 */
final class SettledRead {
    private SettledRead() {
    }

    /** The reader planning towards the inventory's desired state, rendered here once. */
    static LiveReader forInventory(Inventory inv, RouterTemplates templates) {
        return LiveReader.towards(Dialects.of(inv.router().kind()), DesiredState.of(inv, templates));
    }

    static Reading read(RouterChangeRun run, PrintWriter err) {
        RouterChangeRun.Read read = run.read();
        for (Revision r : read.settled()) {
            err.println("metalboot: revision " + r.id() + " is now " + r.outcome().name().toLowerCase() + ": "
                    + Style.safe(r.message().orElse("")));
        }
        err.flush();
        return read.reading();
    }
}
