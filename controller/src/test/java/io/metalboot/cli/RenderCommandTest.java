package io.metalboot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metalboot render} on the example lab, its output checked by the real daemons. */
class RenderCommandTest {
    @TempDir
    Path dir;

    private Path render() {
        Path out = dir.resolve("OUT");
        Cli r = Cli.run("render", "-c", CheckCommandTest.EXAMPLE, "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @Test
    void writesBothRouterKinds() throws IOException {
        Path out = render();
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of("edgeos/commands.txt", "edgeos/config.boot.txt", "edgeos/config/scripts/ipxe-green.conf",
                            "edgeos/config/scripts/ipxe-option-space.conf", "edgeos/dhcpd.conf", "openwrt/dhcp",
                            "openwrt/dnsmasq.conf", "openwrt/etc/config/dhcp", "openwrt/stand-ins/etc/dnsmasq.conf",
                            "openwrt/stand-ins/tmp/dnsmasq.d/.keep", "openwrt/stand-ins/usr/share/dnsmasq/dhcpbogushostname.conf",
                            "openwrt/stand-ins/usr/share/dnsmasq/rfc6761.conf", "openwrt/uci-batch.txt"),
                    files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList());
        }
    }

    @Test
    void realDhcpdAcceptsTheEdgeRoutersDhcpdConf() throws IOException {
        RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
        Path out = render();
        Path leases = Files.createFile(dir.resolve("dhcpd.leases"));
        RequiredTool.Run run = dhcpd.run("-4", "-t", "-cf", out.resolve("edgeos/dhcpd.conf").toString(),
                "-lf", leases.toString(), "-pf", dir.resolve("dhcpd.pid").toString());
        assertEquals(0, run.exitCode(), run.output());
        String conf = Files.readString(out.resolve("edgeos/dhcpd.conf"));
        assertTrue(conf.contains("include \"" + out.toAbsolutePath() + "/edgeos/config/scripts/ipxe-green.conf\";"), conf);
    }

    @Test
    void realDnsmasqAcceptsOpenWrtsDnsmasqConf() {
        RequiredTool dnsmasq = RequiredTool.find("dnsmasq", "dnsmasq-base");
        Path out = render();
        RequiredTool.Run run = dnsmasq.run("--test", "--conf-file=" + out.resolve("openwrt/dnsmasq.conf"));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("syntax check OK"), run.output());
    }

    @Test
    void aBadInventoryWritesNothing() throws IOException {
        Path bad = dir.resolve("cluster.yaml");
        Files.writeString(bad, Files.readString(Path.of(CheckCommandTest.EXAMPLE)).replace("ip: 192.168.1.212", "ip: 192.168.1.201"));
        Path out = dir.resolve("OUT");
        Cli r = Cli.run("render", "-c", bad.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("machines[2].ip '192.168.1.201' is already used by machines[0]"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aTemplateOverrideIsUsedAndItsErrorsNameTheFile() throws IOException {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("edgeos"));
        Path green = templates.resolve("edgeos/ipxe-green.conf");
        Files.writeString(green, "next-server {{.bootServer.address}};\nfilename \"{{.ipxe.scriptUrl}}\";\n");
        Path out = dir.resolve("OUT");
        Cli ok = Cli.run("render", "-c", CheckCommandTest.EXAMPLE, "--out", out.toString(), "--templates", templates.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("next-server 192.168.1.250;\nfilename \"http://192.168.1.250/boot.ipxe\";\n",
                Files.readString(out.resolve("edgeos/config/scripts/ipxe-green.conf")));

        Files.writeString(green, "allow booting;\nnext-server {{.bootServer.adress}};\n");
        Cli bad = Cli.run("render", "-c", CheckCommandTest.EXAMPLE, "--out", dir.resolve("OUT2").toString(),
                "--templates", templates.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("metalboot: " + green + ":2:"), bad.err());
        assertTrue(bad.err().contains("map has no entry for key \"adress\""), bad.err());
        assertFalse(Files.exists(dir.resolve("OUT2")));
    }
}
