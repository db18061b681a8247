package io.metalboot.router.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock dhcp package plus the article's machines and iPXE chainloading, checked by the real dnsmasq. */
class DnsmasqConfGeneratorTest {
    static final UciConfig SEED = seedMachines();
    private static final OpenWrtHost HOST = OpenWrtHost.stockWithLan("192.168.1.1/24");

    @TempDir
    Path dir;

    static UciConfig seedMachines() {
        UciResult result = Stock.DHCP.batch(Stock.read("io/metalboot/router/openwrt/seed-machines.uci"));
        assertEquals(List.of(), result.stderr());
        return result.config();
    }

    @Test
    void rendersAsTheInitScriptWritesIt() {
        DnsmasqConfGenerator.Output output = new DnsmasqConfGenerator(HOST).generateDefault(SEED);
        assertEquals("cfg01411c", output.instance());
        assertEquals("/var/etc/dnsmasq.conf.cfg01411c", output.path());
        assertEquals(Stock.read("io/metalboot/router/openwrt/seed-dnsmasq.conf"), output.content());
    }

    @Test
    void iPxeBootComesLast() {
        List<String> boots = new DnsmasqConfGenerator(HOST).generateDefault(SEED).content().lines()
                .filter(line -> line.startsWith("dhcp-boot=")).toList();
        assertEquals(List.of("dhcp-boot=tag:bios,undionly.kpxe,node00,192.168.1.250",
                "dhcp-boot=tag:efi64,ipxe.efi,node00,192.168.1.250",
                "dhcp-boot=tag:ipxe,http://192.168.1.250/boot.ipxe"), boots);
    }

    @Test
    void realDnsmasqAcceptsIt() throws IOException {
        RequiredTool dnsmasq = RequiredTool.find("dnsmasq", "dnsmasq-base");
        Path confDir = Files.createDirectories(dir.resolve("dnsmasq.d"));
        DnsmasqConfGenerator generator = new DnsmasqConfGenerator(HOST, routerPath -> local(routerPath, confDir));
        Path conf = Files.writeString(dir.resolve("dnsmasq.conf.cfg01411c"), generator.generateDefault(SEED).content());
        RequiredTool.Run run = dnsmasq.run("--test", "--conf-file=" + conf);
        assertEquals(0, run.exitCode(), run.output() + "\n" + Files.readString(conf));
        assertTrue(run.output().contains("syntax check OK"), run.output());
    }

    @Test
    void realDnsmasqRejectsABrokenOption() throws IOException {
        RequiredTool dnsmasq = RequiredTool.find("dnsmasq", "dnsmasq-base");
        Path confDir = Files.createDirectories(dir.resolve("dnsmasq.d"));
        UciConfig broken = SEED.run("add_list dhcp.lan.dhcp_option='option:router,not-an-address'").config();
        DnsmasqConfGenerator generator = new DnsmasqConfGenerator(HOST, routerPath -> local(routerPath, confDir));
        Path conf = Files.writeString(dir.resolve("broken.conf"), generator.generateDefault(broken).content());
        RequiredTool.Run run = dnsmasq.run("--test", "--conf-file=" + conf);
        assertTrue(run.exitCode() != 0, "dnsmasq accepted a bad address:\n" + run.output());
    }

    /** Router paths to files in the temp dir: conf-dir to an empty directory, conf-file to empty files. */
    private String local(String routerPath, Path confDir) {
        if (routerPath.equals("/tmp/dnsmasq.d")) {
            return confDir.toString();
        }
        if (routerPath.endsWith(".conf")) {
            try {
                Path file = dir.resolve(Path.of(routerPath).getFileName());
                if (!Files.exists(file)) {
                    Files.createFile(file);
                }
                return file.toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return routerPath;
    }
}
