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

/** /etc/init.d/dnsmasq on the image: regeneration, the real dnsmasq's verdict, failures in the log, faults. */
class DnsmasqServiceTest {
    private static final String CONF = "/var/etc/dnsmasq.conf.cfg01411c";
    private static final DnsmasqCheck ACCEPT_ALL = (text, path) -> new DnsmasqCheck.Verdict(true, List.of());

    @TempDir
    Path dir;

    private TestRouter booted(DnsmasqCheck check) throws IOException {
        TestRouter router = new TestRouter(dir, check);
        OpenwrtImage.boot(router.fs, router.dnsmasq, router.processes);
        return router;
    }

    private static void ok(TestRouter.Run run) {
        assertEquals(0, run.status(), run.toString());
    }

    @Test
    void reloadAfterCommitRegeneratesTheConfAndRealDnsmasqAcceptsIt() throws IOException {
        RequiredTool real = RequiredTool.find("dnsmasq", "dnsmasq-base");
        TestRouter router = booted(DnsmasqCheck.onThisHost());
        int before = router.dnsmasq.pid().orElseThrow();
        ok(router.run("uci", "set", "dhcp.node00=host"));
        ok(router.run("uci", "set", "dhcp.node00.mac=00:00:00:00:00:00"));
        ok(router.run("uci", "set", "dhcp.node00.ip=192.168.1.250"));
        ok(router.run("uci", "set", "dhcp.node00.name=node00"));
        ok(router.run("uci", "commit", "dhcp"));
        assertFalse(router.read(CONF).contains("node00"), "commit alone reloads nothing");

        ok(router.run("/etc/init.d/dnsmasq", "reload"));

        String conf = router.read(CONF);
        assertTrue(conf.contains("\ndhcp-host=00:00:00:00:00:00,192.168.1.250,node00\n"), conf);
        assertEquals(router.dnsmasq.activeConf().orElseThrow(), conf);
        int after = router.dnsmasq.pid().orElseThrow();
        assertNotEquals(before, after, "procd restarts an instance whose file changed");
        assertEquals(List.of(after), router.processes.pidof("dnsmasq"));
        assertEquals(after + "\n", router.read("/var/run/dnsmasq/dnsmasq.cfg01411c.pid"));
        RequiredTool.Run verdict = real.run("--test", "--conf-file=" + onHost(router, conf));
        assertEquals(0, verdict.exitCode(), verdict.output());
    }

    @Test
    void aBrokenDhcpOptionLeavesDnsmasqStoppedWithItsErrorInTheLog() throws IOException {
        RequiredTool.find("dnsmasq", "dnsmasq-base");
        TestRouter router = booted(DnsmasqCheck.onThisHost());
        ok(router.run("uci", "add_list", "dhcp.lan.dhcp_option=option:router,not-an-address"));
        ok(router.run("uci", "commit", "dhcp"));

        TestRouter.Run reload = router.run("/etc/init.d/dnsmasq", "reload");

        assertEquals(0, reload.status(), "procd starts dnsmasq in the background: the init script succeeds anyway");
        assertFalse(router.dnsmasq.running());
        assertEquals(List.of(), router.processes.pidof("dnsmasq"));
        assertEquals(new TestRouter.Run(5, "not running\n", ""), router.run("/etc/init.d/dnsmasq", "status"));
        List<String> conf = router.read(CONF).lines().toList();
        int line = conf.indexOf(conf.stream().filter(l -> l.contains("not-an-address")).findFirst().orElseThrow()) + 1;
        List<String> failure = router.dnsmasq.lastFailure();
        assertEquals(3, failure.size(), failure.toString());
        assertTrue(failure.get(0).matches(".* daemon\\.crit dnsmasq\\[\\d+]: bad IP address at line " + line + " of " + CONF),
                failure.get(0));
        assertTrue(failure.get(1).endsWith(" daemon.crit dnsmasq[" + pidIn(failure.get(0)) + "]: FAILED to start up"));
        assertTrue(failure.get(2).endsWith(" daemon.info procd: Instance dnsmasq::cfg01411c s in a crash loop 6 crashes,"
                + " 0 seconds since last crash"));
        assertTrue(router.run("logread").stdout().lines().toList().containsAll(failure));
        assertEquals(failure.get(1) + "\n", router.run("logread", "-e", "FAILED").stdout());

        ok(router.run("uci", "del_list", "dhcp.lan.dhcp_option=option:router,not-an-address"));
        ok(router.run("uci", "commit", "dhcp"));
        ok(router.run("/etc/init.d/dnsmasq", "reload"));
        assertTrue(router.dnsmasq.running());
    }

    /**
     * The init script loads dhcp with {@code config_load}, i.e. {@code uci -S -n export dhcp}, and uci
     * export applies the deltas staged in /tmp/.uci: a reload sees uncommitted changes (anyone's).
     */
    @Test
    void theInitScriptSeesStagedChangesAsUciExportDoes() throws IOException {
        TestRouter router = booted(ACCEPT_ALL);
        assertTrue(router.read(CONF).contains("dhcp-range=set:lan,192.168.1.100,192.168.1.199,255.255.255.0,12h\n"));
        ok(router.run("uci", "set", "dhcp.lan.limit=20"));
        ok(router.run("/etc/init.d/dnsmasq", "reload"));
        assertTrue(router.read(CONF).contains("dhcp-range=set:lan,192.168.1.100,192.168.1.119,255.255.255.0,12h\n"));
        ok(router.run("uci", "revert", "dhcp"));
        ok(router.run("/etc/init.d/dnsmasq", "reload"));
        assertTrue(router.read(CONF).contains("dhcp-range=set:lan,192.168.1.100,192.168.1.199,255.255.255.0,12h\n"));
        ok(router.run("uci", "-t", "/tmp/private", "set", "dhcp.lan.limit=30"));
        ok(router.run("/etc/init.d/dnsmasq", "reload"));
        assertTrue(router.read(CONF).contains(",192.168.1.199,"), "a private save dir is not on the script's search path");
    }

    @Test
    void theDaemonDeathFaultLetsTheStartSucceedAndTheDaemonDie() throws IOException {
        TestRouter router = booted(ACCEPT_ALL);
        router.faults.daemonDiesOnNextRestart();

        ok(router.run("/etc/init.d/dnsmasq", "restart"));

        assertFalse(router.dnsmasq.running());
        assertEquals(List.of(), router.processes.pidof("dnsmasq"));
        assertEquals(new TestRouter.Run(5, "not running\n", ""), router.run("/etc/init.d/dnsmasq", "status"));
        assertTrue(router.dnsmasq.lastFailure().get(0).endsWith("Instance dnsmasq::cfg01411c s in a crash loop 6 crashes,"
                + " 0 seconds since last crash"));
        ok(router.run("/etc/init.d/dnsmasq", "reload"));
        assertTrue(router.dnsmasq.running(), "procd starts an instance that is not running; the fault was used up");
    }

    @Test
    void statusRunningAndEnabledFollowProcdAndRcCommon() throws IOException {
        TestRouter router = new TestRouter(dir, ACCEPT_ALL);
        String init = "/etc/init.d/dnsmasq";
        assertEquals(new TestRouter.Run(3, "inactive\n", ""), router.run(init, "status"));
        assertEquals(1, router.run(init, "running").status());
        ok(router.run(init, "start"));
        assertEquals(new TestRouter.Run(0, "running\n", ""), router.run(init, "status"));
        assertEquals(new TestRouter.Run(0, "running\n", ""), router.run(init, "status", "cfg01411c"));
        assertEquals(new TestRouter.Run(4, "unknown instance \"nosuch\"\n", ""), router.run(init, "status", "nosuch"));
        assertEquals(0, router.run(init, "running").status());
        int pid = router.dnsmasq.pid().orElseThrow();
        ok(router.run(init, "start"));
        assertEquals(pid, router.dnsmasq.pid().orElseThrow(), "an unchanged running instance is left alone");
        router.processes.kill(pid);
        assertEquals(new TestRouter.Run(5, "not running\n", ""), router.run(init, "status"));
        assertTrue(router.run("logread").stdout().contains("dnsmasq[" + pid + "]: exiting on receipt of SIGTERM\n"));
        ok(router.run(init, "stop"));
        assertEquals(new TestRouter.Run(3, "inactive\n", ""), router.run(init, "status"));
        ok(router.run(init, "enabled"));
        ok(router.run(init, "disable"));
        assertEquals(1, router.run(init, "enabled").status());
        ok(router.run(init, "enable"));
        ok(router.run(init, "enabled"));
        TestRouter.Run help = router.run(init, "frobnicate");
        assertEquals(0, help.status());
        assertTrue(help.stdout().startsWith("Syntax: /etc/init.d/dnsmasq [command]\n\nAvailable commands:\n"
                + "\tstart           Start the service\n"), help.stdout());
    }

    @Test
    void anInitScriptFailureExitsOneAndStartsNothing() throws IOException {
        TestRouter router = booted(ACCEPT_ALL);
        ok(router.run("uci", "set", "dhcp.@dnsmasq[0].dnssec=1"));
        TestRouter.Run restart = router.run("/etc/init.d/dnsmasq", "restart");
        assertEquals(new TestRouter.Run(1, "", "dnsmasq: \"dnssec\" requested, but dnssec support is not available\n"), restart);
        assertEquals(new TestRouter.Run(3, "inactive\n", ""), router.run("/etc/init.d/dnsmasq", "status"));
    }

    /** The file as the real dnsmasq on this host can read it: its include paths point into the router's root. */
    private Path onHost(TestRouter router, String conf) throws IOException {
        String root = router.fs.root().toString();
        String mapped = conf.replace("conf-file=/", "conf-file=" + root + "/").replace("conf-dir=/", "conf-dir=" + root + "/");
        return Files.writeString(dir.resolve("check.conf"), mapped);
    }

    private static String pidIn(String logLine) {
        return logLine.replaceAll(".*dnsmasq\\[(\\d+)].*", "$1");
    }
}
