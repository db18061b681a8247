package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.RequiredTool;
import io.metalboot.router.plan.RouterKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * UEFI HTTP boot through each router kind: OVMF (Debian's ovmf, which has HTTP boot) with its PXE
 * boot options switched off, so its first and only network boot is "UEFI HTTPv4": it asks DHCP with
 * client architecture 16 and vendor class {@code HTTPClient:Arch:00016:UNDI:003000}; the simulated
 * router's config in the real daemon (ISC dhcpd or dnsmasq) answers with option 60
 * {@code HTTPClient} and {@code http://LAPTOP/loaders/ipxe.efi}; metalboot serves it with no TFTP
 * server running at all; that iPXE asks DHCP as iPXE and follows the usual chain to the machine's
 * Ignition, and metalboot status shows a loader fetched over HTTP and no TFTP stage.
 */
class UefiHttpBootLabTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aUefiMachineHttpBootsItsLoaderAndFollowsTheChainToItsIgnition(RouterKind kind) throws Exception {
        boolean edgeos = kind == RouterKind.EDGEOS;
        RequiredTool daemon = edgeos ? RequiredTool.find("dhcpd", "isc-dhcp-server") : RequiredTool.find("dnsmasq", "dnsmasq-base");
        try (OpenSsh ssh = OpenSsh.start(kind, dir); NetLab lab = NetLab.create(edgeos ? "eth1" : "br-lan")) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            Cli applied = Cli.run("apply", "-c", inv.toString(), "--yes", "--trust-new-host-key");
            assertEquals(0, applied.exitCode(), applied.out() + applied.err());
            Path conf = Files.writeString(dir.resolve(edgeos ? "dhcpd.conf" : "dnsmasq.conf"), VirtualLabTest.onThisHost(
                    edgeos ? router.fs().read("/opt/vyatta/etc/dhcpd.conf") : router.dhcpConfig(), router.fs().root(), edgeos));
            Path daemonLog = dir.resolve("daemon.log");
            if (edgeos) {
                Files.writeString(dir.resolve("dhcpd.leases"), "");
                lab.start(lab.router(), daemonLog, daemon.path().toString(), "-4", "-f", "-d", "-cf", conf.toString(),
                        "-lf", dir.resolve("dhcpd.leases").toString(), "-pf", dir.resolve("dhcpd.pid").toString(), "eth1");
            } else {
                lab.start(lab.router(), daemonLog, daemon.path().toString(), "--keep-in-foreground", "--log-facility=-", "--log-dhcp",
                        "--conf-file=" + conf, "--user=root", "--group=root");
            }
            Path data = dir.resolve("data");
            for (String[] args : List.of(new String[] {"render-data", "-c", inv.toString(), "--out", data.toString()},
                    new String[] {"pki", "cluster", "-c", inv.toString(), "--out", data.resolve("pki").toString()})) {
                Cli r = Cli.run(args);
                assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.out() + r.err());
            }
            Path assets = data.resolve("assets/coreos/1053.2.0");
            LabKernel.build(assets.resolve("coreos_production_pxe.vmlinuz"), assets.resolve("coreos_production_pxe_image.cpio.gz"),
                    NetLab.LAPTOP_IP, dir);
            Path serveLog = dir.resolve("serve.log");
            lab.start(lab.laptop(), serveLog, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.metalboot.cli.Main", "serve", "--data", data.toString(),
                    "-c", inv.toString(), "--http", NetLab.LAPTOP_IP + ":80");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(serveLog).contains("serving "));
            Machine machine = httpBoot(lab, VirtualLabTest.MAC, dir);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> machine.consoleText().contains("METALBOOT-IGNITION") || machine.consoleText().contains("Could not boot")
                                || !machine.process().isAlive());
            } finally {
                machine.process().destroy();
                System.out.println("--- " + kind + " HTTP-boot machine console ---\n" + machine.consoleText() + "\n--- daemon log ---\n"
                        + Files.readString(daemonLog, StandardCharsets.ISO_8859_1) + "\n--- serve log ---\n" + Files.readString(serveLog));
            }
            String console = machine.consoleText();
            assertTrue(console.contains("Start HTTP Boot over IPv4"), console);
            assertFalse(console.contains("Start PXE"), "PXE is off; the firmware used HTTP boot only: " + console);
            assertTrue(console.contains("URI: http://" + NetLab.LAPTOP_IP + "/loaders/ipxe.efi"), "the loader came over HTTP: " + console);
            assertTrue(VirtualLabTest.fetched(console, "http://" + NetLab.LAPTOP_IP + "/boot.ipxe"), console);
            VirtualLabTest.assertBootedToItsIgnition(lab, machine, "loader, ipxe, kernel, initrd, installed");
        }
    }

    /**
     * A UEFI machine whose firmware boots over HTTP only: OVMF's own virtio-net driver, no option ROM,
     * and the fw_cfg switches of OVMF that drop its PXEv4 and PXEv6 boot options.
     */
    static Machine httpBoot(NetLab lab, String mac, Path dir) throws IOException, InterruptedException {
        Path qemu = RequiredTool.find("qemu-system-x86_64", "qemu-system-x86").path();
        if (!Files.exists(Machine.OVMF_CODE)) {
            RequiredTool.find("missing-" + Machine.OVMF_CODE, "ovmf");
        }
        String tap = lab.tap();
        Path vars = Files.copy(Machine.OVMF_VARS, dir.resolve("vars-http-" + mac.replace(':', '-') + ".fd"));
        Path console = dir.resolve("console-http-" + mac.replace(':', '-') + ".log");
        Process p = lab.start(lab.lan(), console, qemu.toString(), "-machine", "q35,accel=tcg", "-m", "512",
                "-display", "none", "-vga", "none", "-serial", "stdio", "-no-reboot", "-nodefaults",
                "-drive", "if=pflash,format=raw,readonly=on,file=" + Machine.OVMF_CODE, "-drive", "if=pflash,format=raw,file=" + vars,
                "-fw_cfg", "name=opt/org.tianocore/IPv4PXESupport,string=n", "-fw_cfg", "name=opt/org.tianocore/IPv6PXESupport,string=n",
                "-netdev", "tap,id=n0,ifname=" + tap + ",script=no,downscript=no",
                "-device", "virtio-net-pci,netdev=n0,mac=" + mac + ",romfile=,bootindex=1");
        return new Machine(mac, console, p);
    }
}
