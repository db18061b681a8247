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

    /** Sends SIGTERM: interrupts the process; false when no such process. */
    boolean kill(int pid);
}
