package io.metalboot.sim;

import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.edgeos.EdgeosImage;
import io.metalboot.sim.edgeos.EdgeosPrograms;
import io.metalboot.sim.edgeos.EdgeosRouter;
import io.metalboot.sim.edgeos.Scheduler;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Dialect;
import io.metalboot.sim.shell.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** An EdgeRouter X: vbash, user ubnt, the Vyatta configuration system, ISC dhcpd. */
final class EdgeosModel implements RouterModel {
    private final RouterFs fs;
    private final EdgeosRouter router;

    EdgeosModel(RouterFs fs, Faults faults, Processes processes, Runnable onReboot) throws IOException {
        this.fs = fs;
        if (!fs.exists(EdgeosRouter.CONFIG_BOOT)) {
            EdgeosImage.install(fs);
        }
        this.router = new EdgeosRouter(fs, processes, faults, Scheduler.system());
        router.onReboot(onReboot);
    }

    @Override
    public void registerPrograms(BiConsumer<String, Command> exec, BiConsumer<String, Command> loginOnly,
            Function<String, Optional<Command>> lookup) {
        EdgeosPrograms.registerAll(router, exec, lookup);
        EdgeosPrograms.registerLoginShell(router, loginOnly);
    }

    @Override
    public Dialect dialect() {
        return Dialect.VBASH;
    }

    @Override
    public String user() {
        return "ubnt";
    }

    @Override
    public Map<String, String> env() {
        return Map.of("USER", "ubnt", "LOGNAME", "ubnt", "HOME", "/home/ubnt", "HOSTNAME", "ubnt", "SHELL", "/bin/vbash",
                "PATH", "/opt/vyatta/sbin:/opt/vyatta/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    }

    @Override
    public String authorizedKeysPath() {
        return "/home/ubnt/.ssh/authorized_keys";
    }

    @Override
    public void reboot() {
        router.reboot();
    }

    @Override
    public void shellEnded(int shellPid) {
        router.sessionEnded(shellPid);
    }

    @Override
    public String activeConfig() {
        return router.active().toBoot();
    }

    @Override
    public String savedConfig() {
        try {
            return fs.read(EdgeosRouter.CONFIG_BOOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean dhcpRunning() {
        return router.dhcpdRunning();
    }

    @Override
    public String dhcpConfig() {
        return router.dhcpdServedConfig().orElse("");
    }

    EdgeosRouter router() {
        return router;
    }
}
