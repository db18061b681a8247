package io.metalboot.sim;

import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.openwrt.DnsmasqService;
import io.metalboot.sim.openwrt.OpenwrtImage;
import io.metalboot.sim.openwrt.OpenwrtPrograms;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Dialect;
import io.metalboot.sim.shell.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** An OpenWrt 23.05 router: busybox ash, user root, uci, dnsmasq under procd. */
final class OpenwrtModel implements RouterModel {
    private static final String DHCP = "/etc/config/dhcp";
    private final RouterFs fs;
    private final Processes processes;
    private final Map<String, Command> programs = new LinkedHashMap<>();
    private final DnsmasqService dnsmasq;

    OpenwrtModel(RouterFs fs, Faults faults, Processes processes) throws IOException {
        this.fs = fs;
        this.processes = processes;
        if (!fs.exists(DHCP)) {
            OpenwrtImage.layDown(fs);
        }
        this.dnsmasq = OpenwrtPrograms.registerAll(programs::put, faults);
        OpenwrtImage.boot(fs, dnsmasq, processes);
    }

    @Override
    public void registerPrograms(BiConsumer<String, Command> exec, BiConsumer<String, Command> loginOnly,
            Function<String, Optional<Command>> lookup) {
        programs.forEach(exec);
    }

    @Override
    public Dialect dialect() {
        return Dialect.ASH;
    }

    @Override
    public String user() {
        return "root";
    }

    @Override
    public Map<String, String> env() {
        return Map.of("USER", "root", "LOGNAME", "root", "HOME", "/root", "HOSTNAME", "OpenWrt", "SHELL", "/bin/ash",
                "PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    }

    @Override
    public String authorizedKeysPath() {
        return "/etc/dropbear/authorized_keys";
    }

    @Override
    public void reboot() {
        try {
            OpenwrtImage.reboot(fs, dnsmasq, processes);
        } catch (IOException e) {
            throw new UncheckedIOException("reboot failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void shellEnded(int shellPid) {
        // uci has no sessions: staged changes live in /tmp/.uci until committed or reverted
    }

    @Override
    public String activeConfig() {
        return savedConfig();
    }

    @Override
    public String savedConfig() {
        try {
            return fs.read(DHCP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean dhcpRunning() {
        return dnsmasq.running();
    }

    @Override
    public String dhcpConfig() {
        return dnsmasq.activeConf().orElse("");
    }
}
