package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * chain the router hands out to the laptop: {@code metalboot serve} in the laptop namespace on port
 * 80, with the data dir {@code metalboot render-data} wrote, answers {@code /boot.ipxe} and
 * {@code /ipxe} with the install profile's kernel, and {@code metalboot status} there shows the
 * machine at stage ipxe. (Kernel, initrd and Ignition through a booted kernel are the next step.)
 */
class VirtualLabTest {
    static final String MAC = "00:00:00:00:00:01";
    static final String IP = "192.168.1.201";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aBiosMachineGetsItsFixedAddressAndFollowsTheChainToTheLaptop(RouterKind kind) throws Exception {
        boolean edgeos = kind == RouterKind.EDGEOS;
        RequiredTool daemon = edgeos ? RequiredTool.find("dhcpd", "isc-dhcp-server") : RequiredTool.find("dnsmasq", "dnsmasq-base");
        RequiredTool.find("qemu-system-x86_64", "qemu-system-x86");
        try (OpenSsh ssh = OpenSsh.start(kind, dir); NetLab lab = NetLab.create(edgeos ? "eth1" : "br-lan")) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            Cli applied = Cli.run("apply", "-c", inv.toString(), "--yes", "--trust-new-host-key");
            assertEquals(0, applied.exitCode(), applied.out() + applied.err());

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
            Path data = dir.resolve("data");
            renderData(inv, data);
            Path kernelDir = data.resolve("assets/coreos/1053.2.0");
            LabKernel.build(kernelDir.resolve("coreos_production_pxe.vmlinuz"), kernelDir.resolve("coreos_production_pxe_image.cpio.gz"),
                    NetLab.LAPTOP_IP, dir);
            Path serveLog = dir.resolve("serve.log");
            lab.start(lab.laptop(), serveLog, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.metalboot.cli.Main", "serve", "--data", data.toString(),
                    "-c", inv.toString(), "--http", NetLab.LAPTOP_IP + ":80");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(serveLog).contains("serving "));
            Machine machine = Machine.bios(lab, MAC, dir);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                        .until(() -> machine.consoleText().contains("METALBOOT-IGNITION") || machine.consoleText().contains("Could not boot")
                                || machine.consoleText().contains("No bootable device") || !machine.process().isAlive());
            } finally {
                System.out.println("--- " + kind + " machine console ---\n" + machine.consoleText()
                        + "\n--- daemon log ---\n" + Files.readString(daemonLog, StandardCharsets.ISO_8859_1)
                        + "\n--- daemon config ---\n" + Files.readString(conf));
            }
            String console = machine.consoleText();
            assertTrue(console.contains("net0: " + IP + "/255.255.255.0 gw " + NetLab.ROUTER_IP), console);
            assertTrue(fetched(console, "http://" + NetLab.LAPTOP_IP + "/boot.ipxe"), console);
            assertTrue(fetched(console, "\nipxe"), "the chain to /ipxe: " + console);
            assertTrue(console.contains("/assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz"), "the install profile's kernel: " + console);
            String log = Files.readString(daemonLog, StandardCharsets.ISO_8859_1);
            assertTrue(edgeos ? log.contains("DHCPACK on " + IP + " to " + MAC) : log.contains(IP + " " + MAC), log);
            assertBootedToItsIgnition(lab, machine, "ipxe, kernel, initrd, installed");
        }
    }

    /**
     * The whole chain, UEFI, on the EdgeOS case: OVMF's own PXE asks with client architecture 7,
     * dhcpd hands out ipxe.efi from the laptop, metalboot's TFTP (port 69 in the laptop namespace)
     * serves it; that iPXE asks DHCP again as iPXE and chains /boot.ipxe, /ipxe, the kernel and the
     * initrd over HTTP; Debian's kernel boots the test's busybox initrd, which gets its address by
     * DHCP, fetches /ignition?mac=…&os=installed and prints its sha256, which must be the hash of what
     * the server serves; metalboot status shows the machine installed.
     */
    @org.junit.jupiter.api.Test
    void aUefiMachineBootsThroughTftpAndHttpToItsIgnition() throws Exception {
        RequiredTool daemon = RequiredTool.find("dhcpd", "isc-dhcp-server");
        try (OpenSsh ssh = OpenSsh.start(RouterKind.EDGEOS, dir); NetLab lab = NetLab.create("eth1")) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            assertEquals(0, Cli.run("apply", "-c", inv.toString(), "--yes", "--trust-new-host-key").exitCode());
            Path conf = Files.writeString(dir.resolve("dhcpd.conf"), onThisHost(router.fs().read("/opt/vyatta/etc/dhcpd.conf"),
                    router.fs().root(), true));
            Files.writeString(dir.resolve("dhcpd.leases"), "");
            Path daemonLog = dir.resolve("daemon.log");
            lab.start(lab.router(), daemonLog, daemon.path().toString(), "-4", "-f", "-d", "-cf", conf.toString(),
                    "-lf", dir.resolve("dhcpd.leases").toString(), "-pf", dir.resolve("dhcpd.pid").toString(), "eth1");
            Path data = dir.resolve("data");
            renderData(inv, data);
            Path assets = data.resolve("assets/coreos/1053.2.0");
            LabKernel.build(assets.resolve("coreos_production_pxe.vmlinuz"), assets.resolve("coreos_production_pxe_image.cpio.gz"),
                    NetLab.LAPTOP_IP, dir);
            Path serveLog = dir.resolve("serve.log");
            lab.start(lab.laptop(), serveLog, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.metalboot.cli.Main", "serve", "--data", data.toString(),
                    "-c", inv.toString(), "--http", NetLab.LAPTOP_IP + ":80", "--tftp", NetLab.LAPTOP_IP + ":69");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(serveLog).contains("on tftp://"));
            Machine machine = Machine.uefi(lab, MAC, dir);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> machine.consoleText().contains("METALBOOT-IGNITION") || machine.consoleText().contains("Could not boot")
                                || !machine.process().isAlive());
            } finally {
                System.out.println("--- UEFI machine console ---\n" + machine.consoleText() + "\n--- daemon log ---\n"
                        + Files.readString(daemonLog, StandardCharsets.ISO_8859_1) + "\n--- serve log ---\n" + Files.readString(serveLog));
            }
            String log = Files.readString(daemonLog, StandardCharsets.ISO_8859_1);
            assertTrue(log.contains("DHCPACK on " + IP + " to " + MAC), log);
            assertTrue(fetched(machine.consoleText(), "http://" + NetLab.LAPTOP_IP + "/boot.ipxe"), machine.consoleText());
            assertTrue(machine.consoleText().contains("Features:") && machine.consoleText().contains("EFI"),
                    "the ipxe.efi fetched over TFTP is running: " + machine.consoleText());
            assertBootedToItsIgnition(lab, machine, "tftp, ipxe, kernel, initrd, installed");
        }
    }

    /**
     * The machine's kernel fetched the Ignition the server serves (same sha256), and metalboot status
     * (asked before anything else fetches) shows it installed, having passed through {@code stages}.
     */
    static void assertBootedToItsIgnition(NetLab lab, Machine machine, String stages) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String status = lab.run(lab.laptop(), java, "-cp", System.getProperty("java.class.path"), "io.metalboot.cli.Main", "status",
                "--server", "http://" + NetLab.LAPTOP_IP, "--json");
        assertTrue(status.contains("\"ip\" : \"" + IP + "\"") && status.contains("\"stage\" : \"installed\""), status);
        assertTrue(status.contains("\"stages\" : \"" + stages + "\""), status);
        String served = lab.run(lab.laptop(), "sh", "-c", "curl -s 'http://" + NetLab.LAPTOP_IP + "/ignition?mac=" + MAC
                + "&os=installed' | sha256sum | cut -d' ' -f1").strip();
        assertTrue(machine.consoleText().contains("METALBOOT-IGNITION " + MAC + " " + served),
                "the booted kernel fetched the Ignition the server serves (" + served + "): " + machine.consoleText());
    }

    /** iPXE fetched {@code url}: its progress dots vary with the machine's speed ("url... ok", "url.... ok"). */
    static boolean fetched(String console, String url) {
        return Pattern.compile(Pattern.quote(url) + "\\.{3,} ok").matcher(console).find();
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

    /** The data dir as a user makes it: render-data, then the certificates the installed machines' Ignition embeds. */
    private static void renderData(Path inv, Path data) {
        for (String[] args : List.of(new String[] {"render-data", "-c", inv.toString(), "--out", data.toString()},
                new String[] {"pki", "cluster", "-c", inv.toString(), "--out", data.resolve("pki").toString()})) {
            Cli r = Cli.run(args);
            assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.out() + r.err());
        }
    }
}
