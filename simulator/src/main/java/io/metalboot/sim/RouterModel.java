package io.metalboot.sim;

import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Dialect;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** What differs between the simulated router kinds: their programs, shell, login and state. */
interface RouterModel {
    /**
     * Registers the router's programs: {@code exec} for every shell, {@code loginOnly} for
     * interactive login shells only (EdgeOS's {@code configure} is a vbash function there);
     * {@code lookup} finds a registered program by name or path (for {@code sudo}).
     */
    void registerPrograms(BiConsumer<String, Command> exec, BiConsumer<String, Command> loginOnly,
            Function<String, Optional<Command>> lookup);

    Dialect dialect();

    /** Login user, its environment, where its authorized_keys live in the router's root. */
    String user();

    Map<String, String> env();

    String authorizedKeysPath();

    /** A power cycle: everything not saved is lost, the DHCP daemon starts from the saved config. */
    void reboot();

    /** A shell (an SSH channel's) ended: configuration sessions scoped to it end too. */
    void shellEnded(int shellPid);

    /** The running configuration as the router shows it (EdgeOS tree / the committed dhcp package). */
    String activeConfig();

    /** The configuration that survives a reboot (config.boot / /etc/config/dhcp). */
    String savedConfig();

    boolean dhcpRunning();

    /** The DHCP daemon's generated config (dhcpd.conf / dnsmasq.conf), empty when none. */
    String dhcpConfig();
}
