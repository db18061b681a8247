package io.metalboot.sim;

import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Dialect;
import io.metalboot.sim.shell.Processes;
import java.util.Map;
import java.util.function.BiConsumer;

/** What differs between the simulated router kinds: their files, programs, shell and state. */
interface RouterModel {
    /** Lays down a factory-like root when {@code fs} is empty; keeps an existing one (a restart). */
    void install(RouterFs fs) throws java.io.IOException;

    void registerPrograms(BiConsumer<String, Command> table);

    Dialect dialect();

    /** Login user, its environment, where its authorized_keys live in the router's root. */
    String user();

    Map<String, String> env();

    String authorizedKeysPath();

    /** Starts the DHCP daemon from the saved configuration, as at power-on. */
    void boot(Processes processes);

    /** Forgets everything not saved (sessions, staged changes, /tmp); {@link #boot} follows. */
    void powerOff();

    /** A shell (an SSH channel's) ended: configuration sessions scoped to it end too. */
    void shellEnded(int shellPid);

    /** The running configuration as the router would show it (EdgeOS tree / uci export of dhcp). */
    String activeConfig();

    /** The configuration that survives a reboot (config.boot / /etc/config/dhcp). */
    String savedConfig();

    boolean dhcpRunning();

    /** The DHCP daemon's generated config (dhcpd.conf / dnsmasq.conf), empty when none. */
    String dhcpConfig();
}
