package io.metalboot.sim.shell;

import java.util.List;

/**
 * Sees every simple command a session's shell runs in the foreground (builtins and programs, also
 * inside subshells, pipelines and nested {@code sh -c}); commands of background jobs and of
 * {@code nohup}/{@code setsid} are detached from the session and not reported. {@code pid} is the
 * shell process running the command. {@link #beforeCommand} may block (a delay fault) or throw
 * {@link ConnectionDropped}.
 */
public interface ShellObserver {
    ShellObserver NONE = new ShellObserver() {
    };

    default void beforeCommand(int pid, List<String> argv) {
    }

    default void afterCommand(int pid, List<String> argv, int status) {
    }

    /** The session's shell process {@code pid} ended (also when the connection dropped). */
    default void shellExited(int pid) {
    }
}
