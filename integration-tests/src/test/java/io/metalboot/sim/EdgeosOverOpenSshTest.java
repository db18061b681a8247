package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated EdgeRouter driven by the real OpenSSH client, as an operator's script would. */
class EdgeosOverOpenSshTest {
    static final String WRAPPER = "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper";
    static final String SUBNET = "service dhcp-server shared-network-name LAN subnet 192.168.1.0/24";
    static final List<String> SEED = List.of("kube-master 192.168.1.201 00:00:00:00:00:01",
            "kube-worker-1 192.168.1.211 00:00:00:00:00:11", "kube-worker-2 192.168.1.212 00:00:00:00:00:12",
            "node00 192.168.1.250 00:00:00:00:00:00");

    @TempDir
    Path dir;
    SimulatedRouter router;
    OpenSsh ssh;

    @BeforeEach
    void start() throws Exception {
        ssh = OpenSsh.start(RouterKind.EDGEOS, dir);
        router = ssh.router();
    }

    @AfterEach
    void stop() {
        ssh.close();
    }

    static String seedSession() {
        StringBuilder s = new StringBuilder(WRAPPER + " begin\n");
        for (String m : SEED) {
            String[] f = m.split(" ");
            s.append(WRAPPER).append(" set ").append(SUBNET).append(" static-mapping ").append(f[0]).append(" ip-address ").append(f[1]).append('\n');
            s.append(WRAPPER).append(" set ").append(SUBNET).append(" static-mapping ").append(f[0]).append(" mac-address ").append(f[2]).append('\n');
        }
        return s.append(WRAPPER).append(" commit && ").append(WRAPPER).append(" save && ").append(WRAPPER).append(" end\n").toString();
    }

    @Test
    void aWrapperSessionAddsTheSeedsMappingsCommitsAndSaves() throws Exception {
        OpenSsh.Result session = ssh.run(seedSession());
        assertEquals(0, session.exitCode(), session.err());

        OpenSsh.Result show = ssh.run("cli-shell-api showCfg service dhcp-server");
        assertEquals(0, show.exitCode(), show.err());
        for (String m : SEED) {
            String[] f = m.split(" ");
            assertTrue(show.out().contains("static-mapping " + f[0] + " {\n"), show.out());
            assertTrue(show.out().contains("ip-address " + f[1] + "\n"), show.out());
        }
        String saved = Files.readString(router.fs().resolve("/config/config.boot"));
        SEED.forEach(m -> assertTrue(saved.contains("static-mapping " + m.split(" ")[0] + " {"), saved));
        assertTrue(saved.contains("static-mapping printer {"), "the user's own mapping must stay:\n" + saved);

        assertTrue(router.dhcpRunning(), "dhcpd must run after the commit");
        RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
        Path conf = Files.writeString(dir.resolve("dhcpd.conf"), router.dhcpConfig());
        Path leases = Files.createFile(dir.resolve("dhcpd.leases"));
        RequiredTool.Run check = dhcpd.run("-4", "-t", "-cf", conf.toString(), "-lf", leases.toString(), "-pf",
                dir.resolve("dhcpd.pid").toString());
        assertEquals(0, check.exitCode(), check.output());
        SEED.forEach(m -> assertTrue(router.dhcpConfig().contains("host " + m.split(" ")[0] + " {"), router.dhcpConfig()));
    }

    @Test
    void aNewChannelIsANewSessionWithoutTheStagedChanges() throws Exception {
        assertEquals(0, ssh.run(WRAPPER + " begin; " + WRAPPER + " set " + SUBNET + " static-mapping x ip-address 192.168.1.222").exitCode());
        OpenSsh.Result commit = ssh.run(WRAPPER + " begin; " + WRAPPER + " commit; echo status=$?");
        assertTrue(commit.out().contains("status=0"), commit.out() + commit.err());
        assertTrue(!router.activeConfig().contains("static-mapping x"), router.activeConfig());
    }

    @Test
    void theHostKeyIsKeptAcrossRestartsSoKnownHostsStillMatches() throws Exception {
        assertEquals(0, ssh.run("true").exitCode());
        int port = router.port();
        router.close();
        router = SimulatedRouter.start(SimConfig.of(RouterKind.EDGEOS, dir.resolve("sim")).withPort(port));
        ssh = new OpenSsh(router, dir);
        OpenSsh.Result again = ssh.run("true", "yes");
        assertEquals(0, again.exitCode(), again.err());
    }
}
