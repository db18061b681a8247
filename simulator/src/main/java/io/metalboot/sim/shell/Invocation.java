package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * One run of a {@link Command}: its arguments ({@code args.get(0)} is the name it was called by),
 * standard streams, the router's file system and working directory, the environment, its own pid
 * and its parent's (the shell that ran it: EdgeOS scopes configuration sessions by this), and the
 * router's process table.
 */
public record Invocation(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr, RouterFs fs,
        String cwd, Map<String, String> env, int pid, int parentPid, Processes processes) {
    public Invocation {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** The arguments after the command name. */
    public List<String> operands() {
        return args.subList(1, args.size());
    }
}
