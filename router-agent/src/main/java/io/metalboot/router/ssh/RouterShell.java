package io.metalboot.router.ssh;

/** What reading and changing a router needs of a session: run a script, and whether the connection still stands. */
public interface RouterShell {
    /** Runs {@code script} in one exec and waits for it. */
    ExecResult exec(String script);

    boolean isConnected();
}
