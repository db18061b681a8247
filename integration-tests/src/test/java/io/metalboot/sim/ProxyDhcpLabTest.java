package io.metalboot.sim;

import static io.metalboot.sim.VirtualLabTest.fetched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No router access: the router namespace runs a plain dnsmasq that leases addresses and knows
 * nothing about PXE; {@code metalboot serve --proxy-dhcp} in the laptop namespace answers the PXE
 * part. A BIOS machine (SeaBIOS + Debian's iPXE ROM) and a UEFI machine (OVMF's own PXE, client
 * architecture 7) boot through it to their Ignition; a machine the inventory does not name gets no
 * proxy answer and boots nothing.
 */
class ProxyDhcpLabTest {
    static final String MAC = "00:00:00:00:00:01";
    static final String STRANGER = "00:00:00:00:00:77";

    @TempDir
    Path dir;

    @Test
    void aBiosMachineBootsThroughTheProxyAndAStrangerGetsNoAnswer() throws Exception {
        try (ProxyLab lab = ProxyLab.start(dir)) {
            Machine known = Machine.bios(lab.net(), MAC, dir);
            Machine stranger = Machine.bios(lab.net(), STRANGER, dir);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ended(known) && ended(stranger));
            } finally {
                lab.print(known, stranger);
            }
            String console = known.consoleText();
            assertTrue(fetched(console, "http://" + NetLab.LAPTOP_IP + "/boot.ipxe"), console);
            assertTrue(fetched(console, "\nipxe"), "the chain to /ipxe: " + console);
            lab.assertBootedToItsIgnition(known, "proxydhcp");
            assertFalse(stranger.consoleText().contains("boot.ipxe"), stranger.consoleText());
            assertFalse(lab.serveText().contains("mac=" + STRANGER), lab.serveText());
            assertFalse(lab.status().contains(STRANGER), "a stranger is not even recorded: " + lab.status());
        }
    }

    @Test
    void aUefiMachineGetsIpxeEfiOverTftpAndBootsToItsIgnition() throws Exception {
        try (ProxyLab lab = ProxyLab.start(dir)) {
            Machine machine = Machine.uefi(lab.net(), MAC, dir);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(1)).until(() -> ended(machine));
            } finally {
                lab.print(machine);
            }
            String console = machine.consoleText();
            assertTrue(console.contains("Features:") && console.contains("EFI"), "the ipxe.efi fetched over TFTP is running: " + console);
            assertTrue(fetched(console, "http://" + NetLab.LAPTOP_IP + "/boot.ipxe"), console);
            lab.assertBootedToItsIgnition(machine, "proxydhcp");
        }
    }

    private static boolean ended(Machine m) throws Exception {
        String c = m.consoleText();
        return c.contains("METALBOOT-IGNITION") || c.contains("No bootable device") || c.contains("Could not boot")
                || !m.process().isAlive();
    }

    /** The namespaces, dnsmasq in the router, metalboot serve --proxy-dhcp on the laptop. */
    record ProxyLab(NetLab net, Path dir, Path inventory, Path dnsmasqLog, Path serveLog) implements AutoCloseable {
        static ProxyLab start(Path dir) throws Exception {
            RequiredTool dnsmasq = RequiredTool.find("dnsmasq", "dnsmasq-base");
            RequiredTool.find("qemu-system-x86_64", "qemu-system-x86");
            NetLab net = NetLab.create("eth1");
            try {
                Path inv = Files.writeString(dir.resolve("cluster.yaml"),
                        Files.readString(LabDesired.EXAMPLE).replace("kind: edgeos", "kind: none"));
                String conf = String.join("\n", "port=0", "interface=eth1", "bind-interfaces",
                        "dhcp-range=192.168.1.100,192.168.1.199,255.255.255.0,1h", "dhcp-option=option:router," + NetLab.ROUTER_IP,
                        "dhcp-leasefile=" + dir.resolve("dnsmasq.leases"), "pid-file=" + dir.resolve("dnsmasq.pid"), "log-dhcp", "");
                assertFalse(conf.matches("(?is).*(boot|pxe|tftp|next-server|option:(66|67)|dhcp-option=(43|60|66|67)).*"),
                        "the router's DHCP knows nothing about PXE: " + conf);
                Path confFile = Files.writeString(dir.resolve("dnsmasq.conf"), conf);
                Path dnsmasqLog = dir.resolve("dnsmasq.log");
                net.start(net.router(), dnsmasqLog, dnsmasq.path().toString(), "--keep-in-foreground", "--log-facility=-",
                        "--conf-file=" + confFile, "--user=root", "--group=root");
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
                net.start(net.laptop(), serveLog, java(), "-cp", System.getProperty("java.class.path"), "io.metalboot.cli.Main", "serve",
                        "--data", data.toString(), "-c", inv.toString(), "--http", NetLab.LAPTOP_IP + ":80",
                        "--tftp", NetLab.LAPTOP_IP + ":69", "--proxy-dhcp");
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(serveLog).contains("answering PXE as proxyDHCP")
                        || Files.readString(serveLog).contains("metalboot:"));
                assertTrue(Files.readString(serveLog).contains("answering PXE as proxyDHCP on UDP 67 and 4011 for 4 machines"),
                        Files.readString(serveLog));
                return new ProxyLab(net, dir, inv, dnsmasqLog, serveLog);
            } catch (Exception | AssertionError e) {
                net.close();
                throw e;
            }
        }

        static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        String serveText() throws Exception {
            return Files.readString(serveLog, StandardCharsets.ISO_8859_1);
        }

        String status() throws Exception {
            return net.run(net.laptop(), java(), "-cp", System.getProperty("java.class.path"), "io.metalboot.cli.Main", "status",
                    "--server", "http://" + NetLab.LAPTOP_IP, "--json");
        }

        /** The machine fetched the Ignition the server serves, and status shows it installed, having passed {@code stage}. */
        void assertBootedToItsIgnition(Machine machine, String stage) throws Exception {
            String status = status();
            assertTrue(status.contains("\"stage\" : \"installed\"") && status.contains(stage), status);
            System.out.println("--- status ---\n" + status);
            String served = net.run(net.laptop(), "sh", "-c", "curl -s 'http://" + NetLab.LAPTOP_IP + "/ignition?mac=" + machine.mac()
                    + "&os=installed' | sha256sum | cut -d' ' -f1").strip();
            assertTrue(machine.consoleText().contains("METALBOOT-IGNITION " + machine.mac() + " " + served),
                    "the booted kernel fetched the Ignition the server serves (" + served + "): " + machine.consoleText());
            assertTrue(Files.readString(dnsmasqLog, StandardCharsets.ISO_8859_1).contains("DHCPACK"), "dnsmasq leased the address");
        }

        void print(Machine... machines) throws Exception {
            for (Machine m : machines) {
                System.out.println("--- machine " + m.mac() + " console ---\n" + m.consoleText());
            }
            System.out.println("--- dnsmasq log ---\n" + Files.readString(dnsmasqLog, StandardCharsets.ISO_8859_1)
                    + "\n--- serve log ---\n" + serveText());
        }

        @Override
        public void close() {
            net.close();
        }
    }
}
