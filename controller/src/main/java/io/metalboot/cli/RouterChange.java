package io.metalboot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metalboot.router.change.RouterChangeRun;
import io.metalboot.router.history.Revision;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.transaction.Reading;
import io.metalboot.router.transaction.Transaction;
import io.metalboot.router.transaction.TransactionResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What apply and rollback share once the router is read: show the plan, ask (or --yes), let
 * {@link RouterChangeRun} change the router and record the revision, report and map the outcome to
 * an exit status. {@code rollbackOf} is empty for an apply.
 */
final class RouterChange {
    /** The flags both commands take. */
    record Settings(Duration confirmTimeout, boolean yes, boolean breakLock, boolean json, Style style) {
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Settings settings;
    private final String where;
    private final String routerId;
    private final String kind;

    RouterChange(PrintWriter out, PrintWriter err, Settings settings, String where, String routerId, String kind) {
        this.out = out;
        this.err = err;
        this.settings = settings;
        this.where = where;
        this.routerId = routerId;
        this.kind = kind;
    }

    int run(RouterChangeRun run, Reading before, Optional<String> rollbackOf, String verb) {
        Plan plan = before.plan();
        ObjectNode json = JsonOption.JSON.createObjectNode();
        json.put("router", routerId);
        json.put("kind", kind);
        rollbackOf.ifPresent(r -> json.put("rollbackTo", r));
        json.set("plan", PlanJson.of(plan));
        if (plan.isEmpty()) {
            if (settings.json()) {
                json.put("outcome", "up-to-date");
                out.println(JsonOption.write(json));
            } else {
                plan.notes().forEach(n -> out.println(settings.style().line("# " + n)));
                out.println(where + (rollbackOf.isPresent() ? " already holds " + rollbackOf.get() + "." : " is up to date."));
            }
            out.flush();
            return 0;
        }
        if (!settings.json()) {
            out.println((rollbackOf.isPresent() ? "Rollback of " + where + " to " + rollbackOf.get() : "Plan for " + where) + ":");
            out.print(settings.style().lines(plan.diff()));
            out.flush();
        }
        if (!settings.yes()) {
            if (settings.json() || !Style.Terminal.isTerminal()) {
                throw new BadInputException("not " + verb + "ing: " + (settings.json() ? "--json was given" : "standard input is not a terminal")
                        + ", so nobody can confirm; pass --yes to " + verb + " the plan" + (settings.json() ? "" : " above"));
            }
            if (!ask(verb.substring(0, 1).toUpperCase() + verb.substring(1) + " these changes to " + where + "? [y/N] ")) {
                out.println("Nothing changed.");
                out.flush();
                return 1;
            }
        }
        PrintWriter progress = settings.json() ? err : out;
        RouterChangeRun.Result done = run.change(before, rollbackOf,
                new Transaction.Options(RouterChangeRun.localOwner(), settings.confirmTimeout(), settings.breakLock()), step -> {
                    progress.println(Style.safe(step));
                    progress.flush();
                });
        TransactionResult result = done.transaction();
        Revision recorded = done.revision();
        if (settings.json()) {
            json.put("outcome", result.outcome().name().toLowerCase());
            json.put("revision", recorded.id());
            json.put("message", result.message());
            out.println(JsonOption.write(json));
            out.flush();
            return result.applied() ? 0 : Failures.FAILURE;
        }
        if (result.applied()) {
            out.println((rollbackOf.isPresent() ? "rolled back " + where + " to " + rollbackOf.get() + " as revision " + recorded.id()
                    : "applied revision " + recorded.id() + " to " + where) + (result.message().isEmpty() ? "." : ": " + Style.safe(result.message())));
            out.flush();
            return 0;
        }
        err.println("metalboot: " + Style.safe(result.message()));
        err.println("recorded revision " + recorded.id() + " (" + recorded.outcome().name().toLowerCase() + ")");
        err.flush();
        return Failures.FAILURE;
    }

    private boolean ask(String question) {
        out.print(question);
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().toLowerCase().startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }
}
