package io.metalboot.sim.edgeos;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.ConfigShow;
import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code configure}: the login shell's configuration mode (vyatta-cfg-run's functions), reading
 * commands from stdin. Prints {@code [edit]} and the {@code ubnt@ubnt# } prompt before every
 * command; set/delete messages come indented between blank lines; {@code exit} refuses while
 * changes are uncommitted. The session is the login shell's ({@code $$}, this program's parent), so
 * it is shared with any wrapper calls from the same shell. End of input ends the session.
 */
final class ConfigureMode implements Command {
    static final String NAME = "configure";

    private final EdgeosRouter router;

    ConfigureMode(EdgeosRouter router) {
        this.router = router;
    }

    @Override
    public int run(Invocation invocation) throws InterruptedException {
        PrintStream out = invocation.stdout();
        String session = String.valueOf(invocation.parentPid());
        BufferedReader in = new BufferedReader(new InputStreamReader(invocation.stdin(), StandardCharsets.UTF_8));
        Supplier<Optional<String>> terminal = () -> readLine(in);
        String prompt = invocation.env().getOrDefault("USER", "ubnt") + "@"
                + router.active().value("system", "host-name").orElse("ubnt") + "# ";
        router.beginSession(session);
        while (true) {
            out.print("[edit]\n" + prompt);
            out.flush();
            Optional<String> line = readLine(in);
            if (Thread.interrupted()) {
                throw new InterruptedException("configure was killed");
            }
            if (line.isEmpty()) {
                router.endSession(session);
                out.println();
                return 0;
            }
            List<String> words;
            try {
                words = ConfigTree.words(line.get());
            } catch (RouterAgentException e) {
                out.println(e.getMessage());
                continue;
            }
            if (words.isEmpty()) {
                continue;
            }
            List<String> rest = words.subList(1, words.size());
            if (words.get(0).equals("exit") && exit(session, rest, out)) {
                return 0;
            }
            if (!words.get(0).equals("exit")) {
                dispatch(invocation, session, words.get(0), rest, terminal, out);
            }
        }
    }

    private void dispatch(Invocation invocation, String session, String verb, List<String> rest,
                          Supplier<Optional<String>> terminal, PrintStream out) throws InterruptedException {
        boolean changed = router.sessionChanged(session);
        switch (verb) {
            case "set", "delete", "comment" -> {
                List<String> lines = rest.isEmpty() ? List.of("Need to specify the config node to " + verb)
                        : router.edit(session, verb, rest).output();
                if (!lines.isEmpty()) {
                    out.print("\n" + String.join("\n", lines.stream().map(text -> "  " + text).toList()) + "\n\n");
                }
            }
            case "commit" -> commit(session, changed, out);
            case "commit-confirm" -> commitConfirm(session, changed, rest, terminal, out);
            case "confirm" -> {
                List<String> lines = new ArrayList<>();
                router.confirm().confirm(lines);
                lines.forEach(out::println);
            }
            case "compare" -> CfgCmdWrapper.compare(router, session, out);
            case "show" -> out.print(ConfigShow.diff(router.active(), router.working(session).orElseThrow(), rest));
            case "discard" -> out.println(router.discard(session) > 0
                    ? "Changes have been discarded" : "No changes have been discarded");
            case "save" -> {
                if (changed) {
                    out.println("Warning: you have uncommitted changes that will not be saved.");
                    out.println();
                }
                if (ConfigFiles.save(router, rest, out, invocation.stderr()) == 0) {
                    router.markSaved(session);
                }
            }
            case "load" -> {
                if (changed) {
                    out.println("Cannot load: configuration modified.");
                    out.println("Commit or discard the changes before loading a config file.");
                } else {
                    ConfigFiles.load(router, session, rest, terminal, out, invocation.stderr());
                }
            }
            case "run" -> new OpCmdWrapper(router).run(new Invocation(prepend(OpCmdWrapper.PATH, rest),
                    invocation.stdin(), out, invocation.stderr(), invocation.fs(), invocation.cwd(), invocation.env(),
                    invocation.pid(), invocation.pid(), invocation.processes()));
            default -> out.print("\n  Invalid command: [" + verb + "]\n\n");
        }
    }

    private void commit(String session, boolean changed, PrintStream out) {
        if (!changed) {
            out.println(Commit.NOTHING);
            return;
        }
        Commit.run(router, session).output().forEach(out::println);
    }

    private void commitConfirm(String session, boolean changed, List<String> rest, Supplier<Optional<String>> terminal,
                               PrintStream out) {
        if (!changed) {
            out.println(Commit.NOTHING);
            return;
        }
        int minutes = 10;
        if (!rest.isEmpty() && rest.get(0).matches(".*\\d.*")) {
            if (!rest.get(0).matches("\\d+")) {
                out.println("Invalid number [" + rest.get(0) + "]");
                return;
            }
            minutes = Integer.parseInt(rest.get(0));
        }
        List<String> lines = new ArrayList<>();
        CommitConfirm.Check check = router.confirm().check(minutes, lines);
        lines.forEach(out::println);
        if (check == CommitConfirm.Check.REFUSED) {
            return;
        }
        if (check == CommitConfirm.Check.PROCEED) {
            out.print("Proceed? [confirm]");
            Optional<String> answer = terminal.get().map(String::strip);
            out.println();
            if (answer.filter(text -> !text.isEmpty() && !text.toLowerCase().startsWith("y")).isPresent()) {
                out.println("commit-confirm canceled");
                return;
            }
            try {
                router.confirm().schedule(minutes);
            } catch (IOException e) {
                out.println("Error: unable to schedule reboot");
                return;
            }
        }
        commit(session, true, out);
    }

    /** {@code exit [discard]}: true when configure mode ends. */
    private boolean exit(String session, List<String> rest, PrintStream out) {
        boolean discard = rest.size() == 1 && "discard".startsWith(rest.get(0)) && !rest.get(0).isEmpty();
        if (!rest.isEmpty() && !discard) {
            out.println("Invalid argument \"" + String.join(" ", rest) + "\" for 'exit'");
            return false;
        }
        if (router.sessionChanged(session) && !discard) {
            out.println("Cannot exit: configuration modified.");
            out.println("Use 'exit discard' to discard the changes and exit.");
            return false;
        }
        if (router.sessionUnsaved(session)) {
            out.println("Warning: configuration changes have not been saved.");
        }
        router.endSession(session);
        out.println("exit");
        return true;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Optional<String> readLine(BufferedReader in) {
        try {
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
