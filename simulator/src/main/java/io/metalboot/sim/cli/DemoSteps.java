package io.metalboot.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The demo's script against one router: each step is a real metalboot command run in-process (as the
 * user would type it) and the exit status it must end with.
 */
final class DemoSteps {
    static final String OLD_MAC = "00:00:00:00:00:12";
    static final String NEW_MAC = "00:00:00:00:00:13";

    private final PrintWriter out;
    private final PrintWriter err;
    private final Path work;
    private final Path inventory;
    private final Supplier<CommandLine> cli;

    DemoSteps(PrintWriter out, PrintWriter err, Path work, Path inventory, Supplier<CommandLine> cli) {
        this.out = out;
        this.err = err;
        this.work = work;
        this.inventory = inventory;
        this.cli = cli;
    }

    /** Runs every step; false when one ended with another status than expected (the rest still run). */
    boolean run() throws IOException {
        boolean ok = step(3, "what would change on the stock router", "plan", "--trust-new-host-key");
        ok &= step(0, "apply it: lock, snapshot, watchdog, commit, verify, confirm", "apply", "--yes");
        ok &= step(0, "nothing left to do", "plan");
        comment("change kube-worker-2's MAC in the inventory: " + OLD_MAC + " -> " + NEW_MAC);
        String text = Files.readString(inventory);
        if (!text.contains("mac: " + OLD_MAC)) {
            throw new IOException(inventory + " has no 'mac: " + OLD_MAC + "' to change (the example lab changed?)");
        }
        Files.writeString(inventory, text.replace("mac: " + OLD_MAC, "mac: " + NEW_MAC));
        ok &= step(3, "only that entry changes", "plan");
        ok &= step(0, "apply the change", "apply", "--yes");
        ok &= step(0, "every change is a revision", "history");
        ok &= step(0, "undo the last apply: the router returns to the state before it", "rollback", "--yes");
        ok &= step(0, "the router matches the rollback's revision", "diff");
        ok &= step(3, "the inventory's change is pending again", "plan");
        return ok;
    }

    private void comment(String text) {
        out.println();
        out.println("# " + text);
        out.flush();
    }

    private boolean step(int expected, String why, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "-c", inventory.toString()));
        args.addAll(List.of(more));
        comment(why);
        out.println("$ metalboot " + String.join(" ", args));
        out.flush();
        int status = cli.get().setOut(out).setErr(err).execute(args.toArray(String[]::new));
        out.flush();
        err.flush();
        if (status != expected) {
            out.printf("!! 'metalboot %s' exited %d, expected %d%n", command, status, expected);
            return false;
        }
        return true;
    }
}
