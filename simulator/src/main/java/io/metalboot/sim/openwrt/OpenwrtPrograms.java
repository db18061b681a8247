package io.metalboot.sim.openwrt;

import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.shell.Command;
import java.util.function.BiConsumer;

/**
 * The OpenWrt router's programs by path, for the simulated shell's command table: {@code /sbin/uci},
 * {@code /etc/init.d/dnsmasq}, {@code /sbin/logread}. Rebooting is {@link OpenwrtImage#reboot}, which
 * the simulator calls when it also drops the SSH connections.
 */
public final class OpenwrtPrograms {
    public static final String UCI = "/sbin/uci";
    public static final String DNSMASQ_INIT = "/etc/init.d/dnsmasq";
    public static final String LOGREAD = "/sbin/logread";

    private OpenwrtPrograms() {
    }

    /** Registers every program and returns the dnsmasq service, whose state tests and the simulator read. */
    public static DnsmasqService registerAll(BiConsumer<String, Command> register, Faults faults) {
        DnsmasqService dnsmasq = new DnsmasqService(faults);
        register.accept(UCI, new UciCommand(faults));
        register.accept(DNSMASQ_INIT, dnsmasq);
        register.accept(LOGREAD, new LogreadCommand());
        return dnsmasq;
    }
}
