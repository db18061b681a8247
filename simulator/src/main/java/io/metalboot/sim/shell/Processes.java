package io.metalboot.sim.shell;

import java.util.List;
import java.util.Optional;

/**
 * The simulated router's process table: every shell and command run gets a pid; background jobs
 * outlive the SSH channel that started them until they end or are killed.
 */
public interface Processes {
    /** A running process: pid, parent pid, and its command line as {@code ps} would show it. */
    record Info(int pid, int parentPid, String commandLine) {
    }

    List<Info> list();

    Optional<Info> find(int pid);

    /** Sends SIGTERM: interrupts the process (or stops the daemon); false when no such process. */
    boolean kill(int pid);

    /**
     * Registers a daemon that has no thread of its own (the simulated dhcpd or dnsmasq) so that
     * {@code pidof}, {@code ps} and {@code kill} see it; {@code onKill} runs when it is killed.
     */
    int startDaemon(String commandLine, Runnable onKill);

    /** Removes a process that ended by itself (a daemon that stopped); no-op when absent. */
    void remove(int pid);
}
