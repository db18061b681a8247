package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.RouterAgentException;
import io.metalboot.router.change.Dialects;
import io.metalboot.router.change.LiveReader;
import io.metalboot.router.change.RouterChangeRun;
import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.Snapshot;
import io.metalboot.router.ssh.RouterSession;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Return the router's DHCP configuration to an earlier revision, safely.", "",
                "Without REV: the state before the last apply (or rollback). With REV: the state revision REV left;"
                        + " with --before REV: the state just before it. The whole DHCP configuration (EdgeOS"
                        + " 'service dhcp-server', OpenWrt /etc/config/dhcp) and metalboot's files return to exactly"
                        + " what the revision recorded, including entries changed by hand since (the plan shows them);"
                        + " the rest of the router's configuration is left alone. It runs the same transaction as apply"
                        + " (lock, snapshot, watchdog, commit, verify, confirm) and is recorded as a revision.", ""},
        footer = {"", "Exit status: 0 rolled back or already there, 1 failed or reverted, 2 bad revision or flag."})
final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    RouterOptions router;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REV", description = "A revision number (see metalboot history).")
    Optional<String> revision;

    @Option(names = "--before", description = "Restore the state just before REV instead of the state REV left.")
    boolean before;

    @Mixin
    ChangeOptions change;

    @Override
    public Integer call() {
        RouterChange.Settings settings = change.settings();
        Inventory inv = RouterOptions.reachable(inventory.load(), "rollback");
        RevisionStore store = RevisionStore.beside(inventory.file);
        String id = RouterOptions.id(inv);
        Target target = target(store, id);
        LiveReader reader = LiveReader.back(Dialects.of(target.snapshot().kind()), target.snapshot());
        try (RouterSession session = router.open(inv)) {
            RouterChangeRun run = new RouterChangeRun(session, reader, store, id);
            return RouterOptions.change(spec, inv, settings)
                    .run(run, SettledRead.read(run, spec.commandLine().getErr()), Optional.of(target.label()), "roll back");
        }
    }

    /** A snapshot and how the messages name it ({@code before 0003}, {@code 0003}). */
    private record Target(Snapshot snapshot, String label) {
    }

    private Target target(RevisionStore store, String routerId) {
        if (revision.isEmpty()) {
            if (before) {
                throw new BadInputException("--before needs a revision: metalboot rollback --before REV (see metalboot history)");
            }
            Revision last = store.lastApplied(routerId).orElseThrow(() -> new RouterAgentException("no applied revision for "
                    + routerId + " in " + store.dir() + ": nothing to roll back (metalboot history lists the revisions)"));
            return snapshot(last, true);
        }
        Revision r = store.find(revision.get()).orElseThrow(() -> new BadInputException("revision '" + revision.get()
                + "' is not in " + store.dir() + " (metalboot history lists the revisions)"));
        if (!r.router().equals(routerId)) {
            throw new BadInputException("revision " + r.id() + " is for router " + r.router() + ", not the inventory's " + routerId
                    + " (roll back with the inventory that applied it)");
        }
        if (!before && r.outcome() != Revision.Outcome.APPLIED) {
            throw new BadInputException("revision " + r.id() + " was not applied (" + r.outcome().name().toLowerCase()
                    + "), so it left no state to return to; to return to the state before it: metalboot rollback --before " + r.id());
        }
        return snapshot(r, before);
    }

    private static Target snapshot(Revision r, boolean before) {
        var files = before ? r.before() : r.after();
        if (files.isEmpty()) {
            throw new RouterAgentException("revision " + r.id() + " recorded no router files " + (before ? "before" : "after")
                    + " it, so there is nothing to restore; pick another revision (metalboot history)");
        }
        RouterKind kind = RouterKind.ofLabel(r.kind()).orElseThrow(() -> new RouterAgentException("revision " + r.id()
                + " is for router kind '" + r.kind() + "', which this metalboot does not know"));
        String label = (before ? "before " : "") + r.id();
        return new Target(new Snapshot(label, kind, files), (before ? "the state before revision " : "revision ") + r.id());
    }
}
