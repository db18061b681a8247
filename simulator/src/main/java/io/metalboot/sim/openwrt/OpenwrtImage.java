package io.metalboot.sim.openwrt;

import io.metalboot.router.openwrt.UciConfig;
import io.metalboot.router.openwrt.UciResult;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A factory-like OpenWrt 23.05 root: the stock {@code /etc/config/dhcp} with the seed's LAN pool
 * (192.168.1.100–199: start 100, limit 100) and three static leases the USER made in LuCI
 * (anonymous {@code config host} sections outside the pool, which metalboot must never touch),
 * {@code network} (lan on br-lan 192.168.1.1/24, wan by DHCP), {@code system} (host name OpenWrt),
 * the files the dnsmasq init script reads, the {@code /etc/rc.d} links that enable dnsmasq, and the
 * RAM directories ({@code /tmp}, {@code /var}) the boot script creates. {@link #reboot} wipes the
 * RAM directories (staged uci changes in {@code /tmp/.uci} are lost), keeps {@code /etc} and starts
 * dnsmasq again.
 */
public final class OpenwrtImage {
    /** A static lease of the router's owner. */
    public record UserHost(String name, String mac, String ip) {
    }

    public static final List<UserHost> USER_HOSTS = List.of(new UserHost("printer", "00:1b:a9:4c:21:07", "192.168.1.20"),
            new UserHost("nas", "00:11:32:8e:5a:10", "192.168.1.30"),
            new UserHost("livingroom-tv", "a8:23:fe:19:6b:42", "192.168.1.40"));

    private static final String STOCK_DHCP = "metalboot/templates/openwrt/stock/dhcp";
    private static final Map<String, String> FILES = Map.of("/etc/config/network", "network",
            "/etc/config/system", "system", "/etc/dnsmasq.conf", "dnsmasq.conf",
            "/usr/share/dnsmasq/rfc6761.conf", "rfc6761.conf",
            "/usr/share/dnsmasq/dhcpbogushostname.conf", "dhcpbogushostname.conf",
            "/etc/openwrt_release", "openwrt_release");
    private static final List<String> PROGRAMS = List.of(OpenwrtPrograms.UCI, OpenwrtPrograms.LOGREAD,
            OpenwrtPrograms.DNSMASQ_INIT, "/usr/sbin/dnsmasq");
    private static final List<String> RAM_DIRS = List.of("/tmp/.uci", "/tmp/dnsmasq.d", "/tmp/hosts",
            "/tmp/resolv.conf.d", "/var/run", "/var/log", "/var/lock", "/var/state", "/var/tmp", "/var/etc");

    private OpenwrtImage() {
    }

    /** Writes the image into {@code fs} (nothing runs yet: see {@link #boot}). */
    public static void layDown(RouterFs fs) throws IOException {
        fs.write("/etc/config/dhcp", dhcp());
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            fs.write(file.getKey(), resource("io/metalboot/sim/openwrt/rootfs/" + file.getValue()));
        }
        for (String program : PROGRAMS) {
            fs.write(program, "#!/bin/sh\n# simulated by io.metalboot.sim.openwrt\n");
        }
        fs.write(DnsmasqService.START_LINK, "../init.d/dnsmasq\n");
        fs.write(DnsmasqService.STOP_LINK, "../init.d/dnsmasq\n");
        fs.mkdir("/etc/dropbear", true);
        createRamDirs(fs);
    }

    /** The image's {@code /etc/config/dhcp}: the stock file, the seed's pool, the user's static leases. */
    public static String dhcp() {
        StringBuilder script = new StringBuilder("set dhcp.lan.limit='100'\n");
        for (UserHost host : USER_HOSTS) {
            script.append("add dhcp host\n")
                    .append("set dhcp.@host[-1].name='").append(host.name()).append("'\n")
                    .append("set dhcp.@host[-1].dns='1'\n")
                    .append("set dhcp.@host[-1].mac='").append(host.mac()).append("'\n")
                    .append("set dhcp.@host[-1].ip='").append(host.ip()).append("'\n");
        }
        UciResult result = UciConfig.parseImport(Optional.of("dhcp"), resource(STOCK_DHCP)).get(0).batch(script.toString());
        if (!result.stderr().isEmpty()) {
            throw new IllegalStateException("the image's dhcp script failed: " + result.stderr());
        }
        return result.config().fileContent();
    }

    /** What {@code /etc/init.d/boot} and the enabled init scripts do: RAM directories, then dnsmasq if enabled. */
    public static void boot(RouterFs fs, DnsmasqService dnsmasq, Processes processes) throws IOException {
        createRamDirs(fs);
        if (fs.exists(DnsmasqService.START_LINK)) {
            dnsmasq.start(fs, processes, new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        }
    }

    /** Power cycle: the daemons end, {@code /tmp} and {@code /var} start empty (staged uci changes are lost), then {@link #boot}. */
    public static void reboot(RouterFs fs, DnsmasqService dnsmasq, Processes processes) throws IOException {
        dnsmasq.powerOff(processes);
        for (String ram : List.of("/tmp", "/var")) {
            if (fs.isDirectory(ram)) {
                for (String entry : fs.list(ram)) {
                    fs.delete(ram + "/" + entry, true);
                }
            }
        }
        boot(fs, dnsmasq, processes);
    }

    private static void createRamDirs(RouterFs fs) throws IOException {
        for (String dir : RAM_DIRS) {
            fs.mkdir(dir, true);
        }
        if (!fs.exists("/tmp/resolv.conf.d/resolv.conf.auto")) {
            fs.write("/tmp/resolv.conf.d/resolv.conf.auto", "# Interface wan\nnameserver 192.0.2.53\n");
        }
        if (!fs.exists(SysLog.PATH)) {
            fs.write(SysLog.PATH, "");
        }
    }

    private static String resource(String name) {
        try (InputStream in = OpenwrtImage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path (the openwrt-templates"
                        + " and simulator resources are packaged with the simulator)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
