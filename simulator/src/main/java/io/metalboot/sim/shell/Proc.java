package io.metalboot.sim.shell;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One entry of the {@link ProcessTable}: a thread-backed process or a thread-less daemon. */
final class Proc {
    final int pid;
    final int parentPid;
    private volatile String commandLine;
    private volatile ShellObserver observer;
    private volatile boolean killed;
    final Optional<Runnable> onKill;
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    volatile Thread thread;

    Proc(int pid, int parentPid, String commandLine, ShellObserver observer, Optional<Runnable> onKill) {
        this.pid = pid;
        this.parentPid = parentPid;
        this.commandLine = commandLine;
        this.observer = observer;
        this.onKill = onKill;
    }

    String commandLine() {
        return commandLine;
    }

    /** What {@code exec} does: the same process now runs another program. */
    void exec(String line) {
        this.commandLine = line;
    }

    ShellObserver observer() {
        return observer;
    }

    /** {@code nohup}/{@code setsid}: the session no longer sees (or drops) this process. */
    void detach() {
        this.observer = ShellObserver.NONE;
    }

    boolean killed() {
        return killed;
    }

    void markKilled() {
        killed = true;
    }
}
