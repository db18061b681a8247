package io.metalboot.cli;

import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the changes metalboot made to routers, newest last, from .metalboot/revisions/"
                + " beside the inventory.", ""})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--changes", description = "Also print each revision's changes.")
    boolean changes;

    @Override
    public Integer call() {
        RevisionStore store = RevisionStore.beside(inventory.file);
        List<Revision> revisions = store.list();
        var out = spec.commandLine().getOut();
        if (revisions.isEmpty()) {
            out.println("no revisions yet in " + store.dir() + " (metalboot apply records one per change)");
        }
        for (Revision r : revisions) {
            out.printf("%s  %s  %-8s %-7s %-28s %d change%s%s%n", r.id(), r.time(), r.outcome().name().toLowerCase(),
                    r.kind(), r.router(), r.changes().size(), r.changes().size() == 1 ? "" : "s",
                    r.rollbackOf().map(x -> "  (rollback to " + x + ")").orElse("")
                            + r.message().map(m -> "  " + m).orElse(""));
            if (changes) {
                r.changes().forEach(c -> out.println("      " + c));
            }
        }
        out.flush();
        return 0;
    }
}
