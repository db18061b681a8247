package io.metalboot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        RevisionStore store = RevisionStore.beside(inventory.file);
        List<Revision> revisions = store.list();
        var out = spec.commandLine().getOut();
        if (json.json) {
            ArrayNode list = JsonOption.JSON.createArrayNode();
            for (Revision r : revisions) {
                ObjectNode n = list.addObject();
                n.put("id", r.id());
                n.put("time", r.time().toString());
                n.put("user", r.user());
                n.put("router", r.router());
                n.put("kind", r.kind());
                n.put("outcome", r.outcome().name().toLowerCase());
                r.message().ifPresent(m -> n.put("message", m));
                r.rollbackOf().ifPresent(x -> n.put("rollbackTo", x));
                n.set("changes", PlanJson.strings(r.changes()));
                n.put("file", store.dir().resolve(r.id() + ".json").toString());
            }
            out.println(JsonOption.write(list));
            out.flush();
            return 0;
        }
        if (revisions.isEmpty()) {
            out.println("no revisions yet in " + store.dir() + " (metalboot apply records one per change)");
        }
        for (Revision r : revisions) {
            long count = r.changes().stream().filter(line -> line.matches("[-+~=] .*")).count();
            out.printf("%s  %s  %-8s %-7s %-28s %d change%s%s%n", r.id(), r.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    r.outcome().name().toLowerCase(), r.kind(), r.router(), count, count == 1 ? "" : "s",
                    r.rollbackOf().map(x -> "  (rollback to " + x + ")").orElse("")
                            + r.message().map(m -> "  " + m).orElse(""));
            if (changes) {
                r.changes().forEach(c -> out.println("      " + Style.safe(c)));
            }
        }
        out.flush();
        return 0;
    }
}
