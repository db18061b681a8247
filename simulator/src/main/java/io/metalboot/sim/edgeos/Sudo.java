package io.metalboot.sim.edgeos;

import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code sudo [-u USER] [-E] [-n] COMMAND ARGS…}: runs the rest of the line as a child of sudo
 * (so its parent pid is sudo's, not the script's: {@code sudo vyatta-cfg-cmd-wrapper begin} starts a
 * session nobody else shares, as on the router). Bare names are looked up on the root PATH.
 */
final class Sudo implements Command {
    static final String PATH = "/usr/bin/sudo";
    private static final List<String> ROOT_PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
            "/sbin", "/bin", "/opt/vyatta/sbin", "/opt/vyatta/bin");

    private final Function<String, Optional<Command>> commands;

    Sudo(Function<String, Optional<Command>> commands) {
        this.commands = commands;
    }

    @Override
    public int run(Invocation invocation) throws InterruptedException {
        List<String> args = invocation.operands();
        int first = 0;
        while (first < args.size() && args.get(first).startsWith("-")) {
            first += args.get(first).equals("-u") ? 2 : 1;
        }
        if (first >= args.size()) {
            invocation.stderr().println("usage: sudo [-u user] [-E] [-n] command [args]");
            return 1;
        }
        String name = args.get(first);
        Optional<Command> command = name.contains("/") ? commands.apply(name)
                : ROOT_PATH.stream().map(dir -> commands.apply(dir + "/" + name)).flatMap(Optional::stream).findFirst();
        if (command.isEmpty()) {
            invocation.stderr().println("sudo: " + name + ": command not found");
            return 1;
        }
        Invocation child = new Invocation(args.subList(first, args.size()), invocation.stdin(), invocation.stdout(),
                invocation.stderr(), invocation.fs(), invocation.cwd(), invocation.env(), invocation.pid(),
                invocation.pid(), invocation.processes());
        return command.get().run(child);
    }
}
