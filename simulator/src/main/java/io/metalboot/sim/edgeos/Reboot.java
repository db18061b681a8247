package io.metalboot.sim.edgeos;

import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;

/** {@code /sbin/reboot}: a power cycle of the simulated router ({@link EdgeosRouter#reboot}). */
final class Reboot implements Command {
    static final String PATH = "/sbin/reboot";

    private final EdgeosRouter router;

    Reboot(EdgeosRouter router) {
        this.router = router;
    }

    @Override
    public int run(Invocation invocation) {
        router.reboot();
        return 0;
    }
}
