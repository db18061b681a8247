package io.metalboot.sim.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.sim.edgeos.SimulatedEdgeRouter.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commit-confirm reverts by rebooting to the saved config.boot unless confirmed in time. */
class CommitConfirmTest {
    private static final String[] MASTER = (WrapperSessionTest.SUBNET + " static-mapping kube-master").split(" ");
    private static final int SHELL = 55;

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
    void unconfirmedCommitRebootsToTheSavedConfigBoot() throws IOException {
        AtomicInteger reboots = new AtomicInteger();
        sim.router.onReboot(reboots::incrementAndGet);
        String saved = sim.read(EdgeosRouter.CONFIG_BOOT);
        int dhcpd = sim.router.dhcpdPid().orElseThrow();
        assertEquals(new Run(0, "commit confirm will be automatically reboot in 5 minutes unless confirmed\n", ""),
                sim.wrapper(SHELL, "commit-confirm", "5"));
        assertTrue(sim.router.active().exists(MASTER));
        assertTrue(sim.router.commitConfirmPending());
        assertTrue(sim.fs.exists(CommitConfirm.JOB_FILE));
        assertEquals(0, sim.wrapper(SHELL, "save").exit(), "saving does not protect the change");

        sim.clock.advance(Duration.ofMinutes(4));
        assertTrue(sim.router.active().exists(MASTER));
        sim.clock.advance(Duration.ofMinutes(1));

        assertEquals(1, reboots.get());
        assertEquals(saved, sim.read(EdgeosRouter.CONFIG_BOOT), "config.boot as it was at commit-confirm");
        assertFalse(sim.router.active().exists(MASTER));
        assertFalse(sim.router.commitConfirmPending());
        assertFalse(sim.router.working(SHELL).isPresent(), "the reboot dropped the session");
        assertTrue(sim.router.dhcpdRunning());
        assertTrue(dhcpd != sim.router.dhcpdPid().orElseThrow(), "dhcpd restarted from the reverted config");
        assertTrue(sim.read(Syslog.MESSAGES).contains("Rollback reboot requested by ubnt"));
    }

    @Test
    void confirmCancelsTheReboot() {
        sim.wrapper(SHELL, "commit-confirm", "5");
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL + 1, "confirm"));
        assertFalse(sim.router.commitConfirmPending());
        sim.clock.advance(Duration.ofMinutes(30));
        assertTrue(sim.router.active().exists(MASTER));
        assertEquals(0, sim.clock.pendingJobs());
        assertEquals(new Run(0, "No confirm pending\n", ""), sim.wrapper(SHELL, "confirm"));
    }

    @Test
    void withoutCommitRevisionsCommitConfirmIsRefusedAndNothingIsCommitted() {
        sim.wrapper(1, "begin");
        sim.wrapper(1, "delete", "system", "config-management");
        assertEquals(0, sim.wrapper(1, "commit").exit());
        assertEquals(new Run(1, CommitConfirm.NOT_CONFIGURED + "\n\n", ""), sim.wrapper(SHELL, "commit-confirm", "5"));
        assertFalse(sim.router.active().exists(MASTER));
        assertFalse(sim.router.commitConfirmPending());
    }

    @Test
    void aSecondCommitConfirmCommitsUnguarded() {
        sim.wrapper(SHELL, "commit-confirm", "5");
        sim.wrapper(SHELL, "set", "service", "dhcp-server", "shared-network-name", "LAN", "subnet", "192.168.1.0/24",
                "lease", "3600");
        assertEquals(new Run(0, "Another confirm is pending\n", ""), sim.wrapper(SHELL, "commit-confirm", "1"));
        assertEquals(List.of("3600"), sim.router.active().values((WrapperSessionTest.SUBNET + " lease").split(" ")));
        sim.clock.advance(Duration.ofMinutes(2));
        assertTrue(sim.router.commitConfirmPending(), "still the first job, due at 5 minutes");
        sim.clock.advance(Duration.ofMinutes(3));
        assertFalse(sim.router.active().exists(MASTER));
    }
}
