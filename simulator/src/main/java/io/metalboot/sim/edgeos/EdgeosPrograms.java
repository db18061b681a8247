package io.metalboot.sim.edgeos;

import io.metalboot.sim.shell.Command;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The EdgeOS programs of one simulated router, by the paths they have on the router. Scripts run
 * over an SSH exec channel get {@link #registerAll}; {@code configure} is a function of the
 * interactive login shell (vbash), not a program, so only {@link #registerLoginShell} adds it: a
 * script calling {@code configure} must fail as it does on the real router.
 */
public final class EdgeosPrograms {
    private EdgeosPrograms() {
    }

    /**
     * Registers the wrapper, {@code cli-shell-api} (and the wrapper's {@code my_cli_shell_api}),
     * the op-mode wrapper, {@code dhcpd.init}, {@code sudo} and {@code reboot}; {@code commands}
     * finds a registered program by path (sudo runs through it).
     */
    public static void registerAll(EdgeosRouter router, BiConsumer<String, Command> register,
                                   Function<String, Optional<Command>> commands) {
        CliShellApi api = new CliShellApi(router);
        register.accept(CfgCmdWrapper.PATH, new CfgCmdWrapper(router));
        register.accept("/bin/cli-shell-api", api);
        register.accept("/opt/vyatta/sbin/my_cli_shell_api", api);
        register.accept(OpCmdWrapper.PATH, new OpCmdWrapper(router));
        register.accept(DhcpdInit.PATH, new DhcpdInit(router));
        register.accept(Sudo.PATH, new Sudo(commands));
        register.accept(Reboot.PATH, new Reboot(router));
    }

    /** Adds the interactive shell's {@code configure} (registered by that bare name). */
    public static void registerLoginShell(EdgeosRouter router, BiConsumer<String, Command> register) {
        register.accept(ConfigureMode.NAME, new ConfigureMode(router));
    }
}
