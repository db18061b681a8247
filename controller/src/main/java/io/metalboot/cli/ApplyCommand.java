package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.router.transaction.Reading;
import io.metalboot.router.transaction.Transaction;
import io.metalboot.router.transaction.TransactionResult;
import io.metalboot.routercfg.RouterTemplates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make the router's DHCP configuration match the inventory, safely.", "",
                "Over one SSH connection: read and plan (as plan does), then lock the router, snapshot its"
                        + " configuration, arm a router-side watchdog that reverts to the snapshot unless confirmed,"
                        + " commit, read back and verify (DHCP daemon running, nothing left to change), and confirm."
                        + " Any doubt reverts at once. Each apply is recorded in .metalboot/revisions/ beside the"
                        + " inventory.", ""},
        footer = {"", "Exit status: 0 applied or up to date, 1 failed or reverted, 2 bad inventory or flag."})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    RouterOptions router;

    @Option(names = "--templates", paramLabel = "DIR", description = "Override bundled templates (see render --help).")
    Optional<Path> templates;

    @Option(names = "--confirm-timeout", paramLabel = "DURATION", defaultValue = "120s",
            description = "How long the router waits for the confirmation before it reverts by itself"
                    + " (e.g. 120s, 2m; default: ${DEFAULT-VALUE}).")
    String confirmTimeout;

    @Option(names = "--yes", description = "Apply without asking (needed when not on a terminal).")
    boolean yes;

    @Option(names = "--break-lock", description = "Take the router lock even if another apply holds it (only when that one died).")
    boolean breakLock;

    @Override
    public Integer call() {
        Duration timeout = duration(confirmTimeout);
        Inventory inv = inventory.load();
        LiveReader reader = new LiveReader(inv, new RouterTemplates(templates));
        var out = spec.commandLine().getOut();
        String where = inv.router().kind().label() + " router " + inv.router().user() + "@" + inv.router().address()
                + ":" + inv.router().port();
        try (RouterSession session = router.open(inv)) {
            Reading before = reader.read(session);
            Plan plan = before.plan();
            plan.notes().forEach(n -> out.println("note: " + n));
            if (plan.isEmpty()) {
                out.println(where + " is up to date.");
                out.flush();
                return 0;
            }
            out.println("Plan for " + where + ":");
            out.print(plan.diff());
            out.flush();
            if (!yes) {
                if (System.console() == null) {
                    throw new BadInputException("not applying: standard input is not a terminal, so nobody can confirm;"
                            + " pass --yes to apply the plan above");
                }
                if (!ask("Apply these changes to " + where + "? [y/N] ")) {
                    out.println("Nothing applied.");
                    out.flush();
                    return 1;
                }
            }
            RevisionStore store = RevisionStore.beside(inventory.file);
            String id = String.format("%04d", store.list().stream().mapToLong(r -> Long.parseLong(r.id())).max().orElse(0) + 1);
            byte[] random = new byte[3];
            new SecureRandom().nextBytes(random);
            String rev = id + "-" + HexFormat.of().formatHex(random);
            TransactionResult result = Transaction.apply(session, plan, id, rev,
                    new Transaction.Options(owner(), timeout, breakLock), reader, step -> {
                        out.println(step);
                        out.flush();
                    });
            Revision recorded = store.record(Revision.draft(Instant.now(), System.getProperty("user.name", "unknown"),
                    RouterOptions.id(inv), inv.router().kind().label(), List.of(plan.diff().split("\n")), result.scripts(), before.files(),
                    result.after(), result.outcome(), result.message().isEmpty() ? Optional.empty() : Optional.of(result.message()),
                    Optional.empty()));
            if (result.applied()) {
                out.println("applied revision " + recorded.id() + " to " + where
                        + (result.message().isEmpty() ? "." : ": " + result.message()));
                out.flush();
                return 0;
            }
            var err = spec.commandLine().getErr();
            err.println("metalboot: " + result.message());
            err.println("recorded revision " + recorded.id() + " (" + recorded.outcome().name().toLowerCase() + ")");
            err.flush();
            return Failures.FAILURE;
        }
    }

    private boolean ask(String question) {
        var out = spec.commandLine().getOut();
        out.print(question);
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().toLowerCase().startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name", "unknown") + "@" + host + " " + ProcessHandle.current().pid();
    }

    /** {@code 120s}, {@code 2m}, {@code 1h} or plain seconds. */
    static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("([0-9]{1,6})([smh]?)").matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new BadInputException("--confirm-timeout '" + text + "' is not a positive duration (expected e.g. 120s, 2m or 90)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
