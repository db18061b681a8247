package io.metalboot.sim.shell;

/**
 * Thrown by a {@link ShellObserver} to simulate the SSH connection going away mid-script: the
 * running script or interactive session stops at once (no exit status reaches the client);
 * background jobs it started earlier keep running.
 */
public final class ConnectionDropped extends RuntimeException {
    public ConnectionDropped(String reason) {
        super(reason);
    }
}
