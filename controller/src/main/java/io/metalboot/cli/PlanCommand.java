package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.change.RouterChangeRun;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.router.transaction.Reading;
import io.metalboot.routercfg.RouterTemplates;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what apply would change on the router, without changing anything.", "",
                "Reads the router's live DHCP configuration over SSH in one round trip and compares it with the"
                        + " inventory. Only entries metalboot owns are changed or deleted; the router's other entries"
                        + " are left alone, and one that collides with a machine stops the plan.", ""},
        footer = {"", "Exit status: 0 up to date, 3 changes pending, 1 failure (router unreachable, conflict),"
                + " 2 bad inventory or flag."})
final class PlanCommand implements Callable<Integer> {
    static final int CHANGES_PENDING = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    RouterOptions router;

    @Option(names = "--templates", paramLabel = "DIR", description = "Override bundled templates (see render --help).")
    Optional<Path> templates;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Inventory inv = RouterOptions.reachable(inventory.load(), "plan");
        RouterTemplates t = new RouterTemplates(templates);
        Reading reading;
        try (RouterSession session = router.open(inv)) {
            reading = SettledRead.read(new RouterChangeRun(session, SettledRead.forInventory(inv, t),
                    RevisionStore.beside(inventory.file), RouterOptions.id(inv)), spec.commandLine().getErr());
        }
        Plan plan = reading.plan();
        var out = spec.commandLine().getOut();
        if (json.json) {
            var doc = JsonOption.JSON.createObjectNode();
            doc.put("router", RouterOptions.id(inv));
            doc.put("kind", inv.router().kind().label());
            reading.lock().ifPresent(owner -> doc.put("lock", owner.strip()));
            doc.set("plan", PlanJson.of(plan));
            out.println(JsonOption.write(doc));
            out.flush();
            return plan.isEmpty() ? 0 : CHANGES_PENDING;
        }
        Style style = Style.detect();
        String where = RouterOptions.where(inv);
        reading.lock().ifPresent(owner -> out.println(style.line("# " + Style.safe(LockNote.of(owner)))));
        if (plan.isEmpty()) {
            plan.notes().forEach(n -> out.println(style.line("# " + n)));
            out.println(where + " is up to date.");
            out.flush();
            return 0;
        }
        out.println("Plan for " + where + ":");
        out.print(style.lines(plan.diff()));
        out.println((plan.changesRouter() ? plan.changes().size() + " change(s)" : "no configuration change")
                + (plan.ownershipChanged() ? "; metalboot's ownership record would be updated" : "")
                + ". Run 'metalboot apply' to make them.");
        out.flush();
        return CHANGES_PENDING;
    }
}
