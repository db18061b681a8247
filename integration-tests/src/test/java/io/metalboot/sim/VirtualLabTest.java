package io.metalboot.sim;

import static io.metalboot.sim.PlanCommandTest.metalboot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import io.metalboot.sim.PlanCommandTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The router half of the end-to-end lab, with real parts: metalboot applies the example lab to a
 * simulated router; the DHCP daemon config that router generated runs in the real daemon (ISC dhcpd
 * for EdgeOS, dnsmasq for OpenWrt) in the lab's router namespace; a real BIOS machine (SeaBIOS with
 * Debian's iPXE ROM, under QEMU) with kube-master's MAC gets its fixed address and iPXE follows the
 * chain the router hands out to the laptop's {@code /boot.ipxe}. The laptop serves a one-line script
 * here (the JDK's jwebserver) that prints a marker with the machine's MAC and address.
 */
class VirtualLabTest {
    static final String MAC = "00:00:00:00:00:01";
    static final String IP = "192.168.1.201";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SimulatedRouter.Kind.class)
    void aBiosMachineGetsItsFixedAddressAndFollowsTheChainToTheLaptop(SimulatedRouter.Kind kind) throws Exception {
        boolean edgeos = kind == SimulatedRouter.Kind.EDGEOS;
        RequiredTool daemon = edgeos ? RequiredTool.find("dhcpd", "isc-dhcp-server") : RequiredTool.find("dnsmasq", "dnsmasq-base");
        RequiredTool.find("qemu-system-x86_64", "qemu-system-x86");
        try (OpenSsh ssh = OpenSsh.start(kind, dir); NetLab lab = NetLab.create(edgeos ? "eth1" : "br-lan")) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            Run applied = metalboot("apply", "-c", inv.toString(), "--yes", "--trust-new-host-key");
            assertEquals(0, applied.status(), applied.out() + applied.err());

            Path conf = Files.writeString(dir.resolve(edgeos ? "dhcpd.conf" : "dnsmasq.conf"),
                    onThisHost(edgeos ? router.fs().read("/opt/vyatta/etc/dhcpd.conf") : router.dhcpConfig(), router.fs().root(), edgeos),
                    StandardCharsets.UTF_8);
            Path daemonLog = dir.resolve("daemon.log");
            if (edgeos) {
                Files.writeString(dir.resolve("dhcpd.leases"), "");
                lab.start(lab.router(), daemonLog, daemon.path().toString(), "-4", "-f", "-d", "-cf", conf.toString(),
                        "-lf", dir.resolve("dhcpd.leases").toString(), "-pf", dir.resolve("dhcpd.pid").toString(), "eth1");
            } else {
                lab.start(lab.router(), daemonLog, daemon.path().toString(), "--keep-in-foreground", "--log-facility=-",
                        "--conf-file=" + conf, "--user=root", "--group=root");
            }
            Path www = Files.createDirectories(dir.resolve("www"));
            Files.writeString(www.resolve("boot.ipxe"), "#!ipxe\necho METALBOOT-MARKER ${net0/mac} ${net0/ip}\nsleep 600\n");
            lab.start(lab.laptop(), dir.resolve("http.log"), Path.of(System.getProperty("java.home"), "bin", "jwebserver").toString(),
                    "-b", NetLab.LAPTOP_IP, "-p", "80", "-d", www.toString());

            Machine machine = Machine.bios(lab, MAC, dir);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                        .until(() -> machine.consoleText().contains("METALBOOT-MARKER") || machine.consoleText().contains("No bootable device")
                                || !machine.process().isAlive());
            } finally {
                System.out.println("--- " + kind + " machine console ---\n" + machine.consoleText()
                        + "\n--- daemon log ---\n" + Files.readString(daemonLog, StandardCharsets.ISO_8859_1)
                        + "\n--- daemon config ---\n" + Files.readString(conf));
            }
            assertTrue(machine.consoleText().contains("METALBOOT-MARKER " + MAC + " " + IP), machine.consoleText());
            assertTrue(machine.consoleText().contains("http://" + NetLab.LAPTOP_IP + "/boot.ipxe"), machine.consoleText());
            String log = Files.readString(daemonLog, StandardCharsets.ISO_8859_1);
            assertTrue(edgeos ? log.contains("DHCPACK on " + IP + " to " + MAC) : log.contains(IP + " " + MAC), log);
            assertTrue(Files.readString(dir.resolve("http.log")).contains("GET /boot.ipxe"), Files.readString(dir.resolve("http.log")));
        }
    }

    /**
     * The router's daemon config with its absolute router paths moved under the simulator's root on
     * this host. For dnsmasq also without what only OpenWrt's build has ({@code enable-ubus}) and the
     * router's unprivileged user and group (given on the command line here instead).
     */
    static String onThisHost(String config, Path root, boolean edgeos) {
        if (!edgeos) {
            config = config.replaceAll("(?m)^(enable-ubus|user|group)=.*\n", "");
        }
        Pattern paths = edgeos ? Pattern.compile("(include \")(/[^\"]+)") : Pattern.compile("^([a-z-]+=)(/[^,\\s]*)", Pattern.MULTILINE);
        Matcher m = paths.matcher(config);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + root + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
