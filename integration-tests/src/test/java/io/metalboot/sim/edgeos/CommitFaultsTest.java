package io.metalboot.sim.edgeos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import io.metalboot.sim.edgeos.SimulatedEdgeRouter.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit lock, the fault switches, non-atomic commits and a full /config. */
class CommitFaultsTest {
    private static final String SUBNET = WrapperSessionTest.SUBNET;
    private static final String[] MASTER = (SUBNET + " static-mapping kube-master").split(" ");
    private static final int SHELL = 31;

    @TempDir
    Path root;
    SimulatedEdgeRouter sim;

    @BeforeEach
    void stage() throws IOException {
        sim = new SimulatedEdgeRouter(root);
        sim.wrapper(SHELL, "begin");
        WrapperSessionTest.stageSeed(sim, SHELL);
    }

    @Test
    void aHeldLockRefusesTheCommitAndKeepsTheStagedChanges() throws IOException {
        sim.faults.holdLock("ubnt in configure mode");
        assertEquals(new Run(1, "", ""), sim.wrapper(SHELL, "commit")); // vyatta-cfg-cmd-wrapper: my_commit >> $LOGFILE
        assertTrue(sim.read(Syslog.COMMIT_LOG).endsWith(Commit.LOCKED + "\n"), sim.read(Syslog.COMMIT_LOG));
        assertFalse(sim.router.active().exists(MASTER));
        sim.faults.releaseLock();
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        assertTrue(sim.router.active().exists(MASTER));
    }

    @Test
    void aCommitInProgressElsewhereRefusesTheCommit() throws InterruptedException, IOException {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            sim.router.commitLock().lock();
            try {
                locked.countDown();
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sim.router.commitLock().unlock();
            }
        });
        other.start();
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        assertEquals(new Run(1, "", ""), sim.wrapper(SHELL, "commit")); // vyatta-cfg-cmd-wrapper: my_commit >> $LOGFILE
        assertTrue(sim.read(Syslog.COMMIT_LOG).endsWith(Commit.LOCKED + "\n"), sim.read(Syslog.COMMIT_LOG));
        done.countDown();
        other.join(10_000);
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
    }

    @Test
    void anArmedCommitFailureFailsOnceInTheRoutersFormat() throws IOException {
        sim.faults.failNextCommit("dhcpd-config.pl: Cannot allocate memory");
        assertEquals(new Run(1, "", ""), sim.wrapper(SHELL, "commit"));
        assertTrue(sim.read(Syslog.COMMIT_LOG).endsWith("[ service dhcp-server ]\ndhcpd-config.pl: Cannot allocate memory\n\nCommit failed\n"),
                sim.read(Syslog.COMMIT_LOG));
        assertFalse(sim.router.active().exists(MASTER));
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        assertTrue(sim.router.active().exists(MASTER));
    }

    @Test
    void dhcpdThatDiesAfterItsRestartLeavesACommitThatSucceeded() throws IOException {
        sim.faults.daemonDiesOnNextRestart();
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        assertTrue(sim.router.active().exists(MASTER));
        assertFalse(sim.router.dhcpdRunning());
        assertEquals(List.of(), sim.processes.pidof("dhcpd"));
        assertTrue(sim.read(Syslog.MESSAGES).contains("dhcpd: Internal error: dhcpd exited unexpectedly"));
        assertEquals(new Run(3, "dhcpd is not running\n", ""), sim.run(SHELL, DhcpdInit.PATH, "status"));
    }

    @Test
    void aBrokenRawParameterPassesTheCommitButStopsDhcpd() throws IOException {
        RequiredTool.find("dhcpd", "isc-dhcp-server");
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "set", "service", "dhcp-server", "global-parameters",
                "option broken code 241 = nonsense;"));
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        assertTrue(sim.router.active().exists(MASTER));
        assertFalse(sim.router.dhcpdRunning(), "the whole LAN has lost DHCP");
        String messages = sim.read(Syslog.MESSAGES);
        assertTrue(messages.contains("dhcpd: /opt/vyatta/etc/dhcpd.conf line "), messages);
        assertFalse(messages.contains(root.toString()), "host paths never leak into the router's log");

        sim.wrapper(SHELL, "delete", "service", "dhcp-server", "global-parameters", "option broken code 241 = nonsense;");
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        assertTrue(sim.router.dhcpdRunning());
    }

    @Test
    void commitsAreAppliedSubtreeBySubtree() throws IOException {
        sim.wrapper(SHELL, "delete", "interfaces", "ethernet", "eth1", "address", "192.168.1.1/24");
        sim.wrapper(SHELL, "set", "interfaces", "ethernet", "eth1", "address", "10.1.1.1/24");
        Run commit = sim.wrapper(SHELL, "commit");
        assertEquals(new Run(1, "", ""), commit);
        String log = sim.read(Syslog.COMMIT_LOG);
        assertTrue(log.substring(log.lastIndexOf("[ service dhcp-server ]")).startsWith(
                "[ service dhcp-server ]\nDHCP server error: None of the DHCP lease subnets"), log);
        assertEquals(List.of("10.1.1.1/24"), sim.router.active().values("interfaces", "ethernet", "eth1", "address"));
        assertFalse(sim.router.active().exists(MASTER), "the failed subtree was not applied");
        assertTrue(sim.router.working(SHELL).orElseThrow().exists(MASTER), "and is still staged");
        assertTrue(sim.wrapper(SHELL, "compare").out().startsWith(
                "[edit service dhcp-server shared-network-name LAN subnet 192.168.1.0/24]\n+static-mapping kube-master {\n"));
    }

    @Test
    void saveOnAFullConfigPartitionFailsAndKeepsTheOldFile() throws IOException {
        byte[] before = sim.fs.readBytes(EdgeosRouter.CONFIG_BOOT);
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        sim.fs.diskFull(Optional.of("/config"));
        assertEquals(new Run(1, "Saving configuration to '/config/config.boot'...\n",
                "Can not open file '/config/config.boot': No space left on device\n"), sim.wrapper(SHELL, "save"));
        assertArrayEquals(before, sim.fs.readBytes(EdgeosRouter.CONFIG_BOOT));
        sim.fs.diskFull(Optional.empty());
        assertEquals(0, sim.wrapper(SHELL, "save").exit());
        assertTrue(sim.read(EdgeosRouter.CONFIG_BOOT).contains("static-mapping kube-master {"));
    }

    @Test
    void aRebootLosesWhatWasCommittedButNotSaved() throws IOException {
        sim.fs.write("/tmp/scratch", "gone after a reboot");
        int dhcpd = sim.router.dhcpdPid().orElseThrow();
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        assertTrue(sim.router.active().exists(MASTER));
        sim.router.reboot();
        assertFalse(sim.router.active().exists(MASTER));
        assertEquals(EdgeosImage.factoryConfig(), sim.router.active());
        assertFalse(sim.router.working(SHELL).isPresent(), "sessions do not survive a reboot");
        assertTrue(sim.router.dhcpdRunning());
        assertEquals(List.of(sim.router.dhcpdPid().orElseThrow()), sim.processes.pidof("dhcpd"));
        assertTrue(dhcpd != sim.router.dhcpdPid().orElseThrow());
        assertFalse(sim.fs.exists("/tmp/scratch"), "/tmp was wiped");
    }
}
