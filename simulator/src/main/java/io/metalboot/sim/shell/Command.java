package io.metalboot.sim.shell;

/**
 * A program the simulated shell can run: a builtin tool ({@code cat}, {@code sleep}) or a router
 * program ({@code uci}, {@code /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper}). It reads and writes only
 * through its {@link Invocation} and returns the exit status. It must stop promptly when its thread
 * is interrupted ({@code kill}), throwing {@link InterruptedException} (status 143).
 */
@FunctionalInterface
public interface Command {
    int run(Invocation invocation) throws InterruptedException;
}
