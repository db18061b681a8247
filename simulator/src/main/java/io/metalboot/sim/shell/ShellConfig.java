package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;
import java.util.Map;
import java.util.Objects;

/**
 * One router's shell setup: its file system, programs, process table, login environment
 * ({@code USER HOME HOSTNAME PATH SHELL …}, all exported), dialect and session observer.
 */
public record ShellConfig(RouterFs fs, CommandTable commands, ProcessTable processes, Map<String, String> env,
        Dialect dialect, ShellObserver observer) {
    public ShellConfig {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(observer, "observer (use ShellObserver.NONE)");
        env = Map.copyOf(env);
        String home = env.getOrDefault("HOME", "/");
        if (!home.startsWith("/")) {
            throw new IllegalArgumentException("HOME '" + home + "' is not an absolute path; set it to the user's home, e.g. /root");
        }
    }

    public ShellConfig(RouterFs fs, CommandTable commands, ProcessTable processes, Map<String, String> env, Dialect dialect) {
        this(fs, commands, processes, env, dialect, ShellObserver.NONE);
    }

    public ShellConfig withCommands(CommandTable newCommands) {
        return new ShellConfig(fs, newCommands, processes, env, dialect, observer);
    }

    public ShellConfig withObserver(ShellObserver newObserver) {
        return new ShellConfig(fs, commands, processes, env, dialect, newObserver);
    }
}
