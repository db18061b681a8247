package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.sim.openwrt.OpenwrtImage;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated OpenWrt router driven by the real OpenSSH client: uci batch, commit, dnsmasq reload. */
class OpenwrtOverOpenSshTest {
    static final String BATCH = """
            uci -q batch <<'EOT'
            set dhcp.mb_kube_master=host
            set dhcp.mb_kube_master.name='kube-master'
            set dhcp.mb_kube_master.mac='00:00:00:00:00:01'
            set dhcp.mb_kube_master.ip='192.168.1.201'
            set dhcp.mb_ipxe=userclass
            set dhcp.mb_ipxe.networkid='ipxe'
            set dhcp.mb_ipxe.userclass='iPXE'
            set dhcp.mb_boot_ipxe=boot
            set dhcp.mb_boot_ipxe.networkid='ipxe'
            set dhcp.mb_boot_ipxe.filename='http://192.168.1.250/boot.ipxe'
            set dhcp.mb_boot_ipxe.servername='node00'
            set dhcp.mb_boot_ipxe.serveraddress='192.168.1.250'
            EOT
            """;

    @TempDir
    Path dir;
    SimulatedRouter router;
    OpenSsh ssh;

    @BeforeEach
    void start() throws Exception {
        ssh = OpenSsh.start(RouterKind.OPENWRT, dir);
        router = ssh.router();
    }

    @AfterEach
    void stop() {
        ssh.close();
    }

    @Test
    void aBatchCommittedAndReloadedReachesDnsmasqAndKeepsTheUsersHosts() throws Exception {
        OpenSsh.Result staged = ssh.run(BATCH + "uci changes dhcp | head -n 1");
        assertEquals(0, staged.exitCode(), staged.err());
        assertEquals("dhcp.mb_kube_master='host'\n", staged.out());
        OpenSsh.Result applied = ssh.run("uci commit dhcp && /etc/init.d/dnsmasq reload && pidof dnsmasq >/dev/null && echo up");
        assertEquals("up\n", applied.out(), applied.err());
        assertTrue(router.dhcpRunning());
        assertTrue(router.dhcpConfig().contains("dhcp-host=00:00:00:00:00:01,192.168.1.201,kube-master\n"), router.dhcpConfig());
        assertTrue(router.dhcpConfig().contains("dhcp-boot=tag:ipxe,http://192.168.1.250/boot.ipxe,node00,192.168.1.250\n"));
        for (OpenwrtImage.UserHost h : OpenwrtImage.USER_HOSTS) {
            assertTrue(router.savedConfig().contains("option name '" + h.name() + "'"), router.savedConfig());
        }
        assertEquals("", ssh.run("uci changes dhcp").out());
    }

    @Test
    void aRebootLosesStagedChangesButKeepsCommittedOnes() throws Exception {
        assertEquals(0, ssh.run(BATCH + "uci commit dhcp").exitCode());
        assertEquals(0, ssh.run("uci set dhcp.mb_kube_master.ip='192.168.1.202'").exitCode());
        router.reboot();
        assertEquals("192.168.1.201\n", ssh.run("uci get dhcp.mb_kube_master.ip").out());
        assertTrue(router.dhcpRunning());
    }

    @Test
    void diskFullOnEtcMakesTheCommitFail() throws Exception {
        String before = router.savedConfig();
        router.fs().diskFull(Optional.of("/etc"));
        OpenSsh.Result r = ssh.run(BATCH + "uci commit dhcp; echo status=$?");
        assertFalse(r.out().contains("status=0"), r.out() + r.err());
        assertEquals(before, router.savedConfig());
    }

    @Test
    void theDaemonDiesAfterTheReload() throws Exception {
        router.faults().daemonDiesOnNextRestart();
        assertEquals(0, ssh.run(BATCH + "uci commit dhcp && /etc/init.d/dnsmasq reload").exitCode());
        assertFalse(router.dhcpRunning());
        assertEquals(1, ssh.run("pidof dnsmasq").exitCode());
    }
}
