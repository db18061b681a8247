package io.metalboot.sim.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory-like root: what it holds, that the real dnsmasq takes its dhcp config, what a reboot keeps. */
class OpenwrtImageTest {
    private static final String CONF = "/var/etc/dnsmasq.conf.cfg01411c";

    @TempDir
    Path dir;

    @Test
    void theStockRootsDhcpConfigPassesTheRealDnsmasq() throws IOException {
        RequiredTool real = RequiredTool.find("dnsmasq", "dnsmasq-base");
        TestRouter router = new TestRouter(dir, DnsmasqCheck.onThisHost());
        OpenwrtImage.boot(router.fs, router.dnsmasq, router.processes);
        assertTrue(router.dnsmasq.running(), router.dnsmasq.lastFailure().toString());
        String root = router.fs.root().toString();
        String conf = router.read(CONF).replace("conf-file=/", "conf-file=" + root + "/")
                .replace("conf-dir=/", "conf-dir=" + root + "/");
        RequiredTool.Run verdict = real.run("--test", "--conf-file=" + Files.writeString(dir.resolve("stock.conf"), conf));
        assertEquals(0, verdict.exitCode(), verdict.output() + "\n" + conf);
        assertTrue(verdict.output().contains("syntax check OK"), verdict.output());
    }

    @Test
    void theUsersStaticLeasesAreThereOutsideThePool() throws IOException {
        TestRouter router = new TestRouter(dir, (text, path) -> new DnsmasqCheck.Verdict(true, List.of()));
        assertEquals(new TestRouter.Run(0, "100\n", ""), router.run("uci", "get", "dhcp.lan.start"));
        assertEquals(new TestRouter.Run(0, "100\n", ""), router.run("uci", "get", "dhcp.lan.limit"));
        for (int i = 0; i < OpenwrtImage.USER_HOSTS.size(); i++) {
            OpenwrtImage.UserHost host = OpenwrtImage.USER_HOSTS.get(i);
            String ref = "dhcp.@host[" + i + "].";
            assertEquals(host.name() + "\n", router.run("uci", "get", ref + "name").stdout());
            assertEquals(host.mac() + "\n", router.run("uci", "get", ref + "mac").stdout());
            assertEquals(host.ip() + "\n", router.run("uci", "get", ref + "ip").stdout());
            int last = Integer.parseInt(host.ip().substring(host.ip().lastIndexOf('.') + 1));
            assertTrue(last < 100 || last > 199, host + " must lie outside the pool .100-.199");
        }
        OpenwrtImage.boot(router.fs, router.dnsmasq, router.processes);
        String conf = router.read(CONF);
        OpenwrtImage.USER_HOSTS.forEach(host -> assertTrue(
                conf.contains("\ndhcp-host=" + host.mac() + "," + host.ip() + "," + host.name() + "\n"), conf));
        assertTrue(conf.contains("\ndhcp-range=set:lan,192.168.1.100,192.168.1.199,255.255.255.0,12h\n"), conf);
        assertEquals("OpenWrt\n", router.run("uci", "get", "system.@system[0].hostname").stdout());
        assertEquals("192.168.1.1\n", router.run("uci", "get", "network.lan.ipaddr").stdout());
        assertEquals("br-lan\n", router.run("uci", "get", "network.lan.device").stdout());
        assertEquals("dhcp\n", router.run("uci", "get", "network.wan.proto").stdout());
        assertTrue(router.fs.isDirectory("/etc/dropbear"));
    }

    @Test
    void aRebootLosesStagedChangesKeepsTheConfigAndRestartsDnsmasq() throws IOException {
        TestRouter router = new TestRouter(dir, (text, path) -> new DnsmasqCheck.Verdict(true, List.of()));
        OpenwrtImage.boot(router.fs, router.dnsmasq, router.processes);
        int before = router.dnsmasq.pid().orElseThrow();
        assertEquals(0, router.run("uci", "set", "dhcp.lan.leasetime=1h").status());
        assertEquals(0, router.run("uci", "commit", "dhcp").status());
        assertEquals(0, router.run("uci", "set", "dhcp.lan.limit=10").status());

        OpenwrtImage.reboot(router.fs, router.dnsmasq, router.processes);

        assertFalse(router.fs.exists("/tmp/.uci/dhcp"), "staged changes live in RAM");
        assertTrue(router.fs.isDirectory("/tmp/.uci"));
        assertEquals("", router.run("uci", "changes").stdout());
        assertEquals("1h\n", router.run("uci", "get", "dhcp.lan.leasetime").stdout());
        assertEquals("100\n", router.run("uci", "get", "dhcp.lan.limit").stdout());
        int after = router.dnsmasq.pid().orElseThrow();
        assertNotEquals(before, after);
        assertEquals(List.of(after), router.processes.pidof("dnsmasq"));
        assertTrue(router.read(CONF).contains(",192.168.1.199,255.255.255.0,1h\n"));
        assertFalse(router.run("logread").stdout().contains("dnsmasq[" + before + "]"), "the log is in /var");
    }
}
