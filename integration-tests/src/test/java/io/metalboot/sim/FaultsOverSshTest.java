package io.metalboot.sim;

import io.metalboot.sim.faults.CommandLog;
import io.metalboot.router.plan.RouterKind;
import static io.metalboot.sim.EdgeosOverOpenSshTest.SUBNET;
import static io.metalboot.sim.EdgeosOverOpenSshTest.WRAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault the simulated EdgeRouter offers, and what a client over SSH sees of it. */
class FaultsOverSshTest {
    static final String ADD_X = WRAPPER + " begin; " + WRAPPER + " set " + SUBNET + " static-mapping x ip-address 192.168.1.222; "
            + WRAPPER + " set " + SUBNET + " static-mapping x mac-address 00:00:00:00:00:22; ";

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

    @Test
    void dropAfterTheNthCommand() throws Exception {
        router.connectionFaults().dropAfterCommands(2);
        OpenSsh.Result r = ssh.run("echo one; echo two; echo three");
        assertEquals(255, r.exitCode(), "ssh reports a dropped connection as 255");
        assertFalse(r.out().contains("three"), r.out());
        CommandLog.Entry exec = router.log().execs().getLast();
        assertEquals(Optional.empty(), exec.status(), "no exit status for a dropped channel");
        assertEquals(0, ssh.run("echo again").exitCode(), "the fault fires once");
    }

    @Test
    void dropWhenACommandMatchesLeavesTheCommitUndone() throws Exception {
        router.connectionFaults().dropWhenCommandMatches("wrapper commit");
        assertEquals(255, ssh.run(ADD_X + WRAPPER + " commit").exitCode());
        assertFalse(router.activeConfig().contains("static-mapping x"), router.activeConfig());
    }

    @Test
    void aDelayedCommandStartsNoSoonerThanTheDelay() throws Exception {
        router.connectionFaults().delayCommands("^date", Duration.ofSeconds(2));
        OpenSsh.Result r = ssh.run("echo before; date +%s");
        assertEquals(0, r.exitCode());
        List<CommandLog.Entry> commands = router.log().entries().stream().filter(e -> e.kind().equals("command")).toList();
        Duration gap = Duration.between(commands.get(0).at(), commands.get(1).at());
        assertTrue(gap.compareTo(Duration.ofSeconds(2)) >= 0, "date ran " + gap + " after echo");
    }

    @Test
    void theNextCommitFailsWithTheGivenMessage() throws Exception {
        router.faults().failNextCommit("simulated failure");
        OpenSsh.Result r = ssh.run(ADD_X + WRAPPER + " commit; echo status=$?; tail -n 4 /var/log/vyatta/vyatta-commit.log");
        assertTrue(r.out().contains("status=1"), r.out());
        // vyatta-cfg-cmd-wrapper: my_commit >> $LOGFILE, so the failure is in the commit log, not on the terminal
        assertEquals("", r.err());
        assertTrue(r.out().contains("simulated failure") && r.out().contains("Commit failed"), r.out());
        assertFalse(router.activeConfig().contains("static-mapping x"));
    }

    @Test
    void theCommitSucceedsButTheDaemonDies() throws Exception {
        router.faults().daemonDiesOnNextRestart();
        assertEquals(0, ssh.run(ADD_X + WRAPPER + " commit").exitCode());
        assertTrue(router.activeConfig().contains("static-mapping x"));
        assertFalse(router.dhcpRunning());
        assertNotEquals(0, ssh.run("pidof dhcpd").exitCode(), "pidof must not find a dead dhcpd");
    }

    @Test
    void diskFullOnConfigMakesSaveFailAndKeepsConfigBoot() throws Exception {
        String before = router.savedConfig();
        router.fs().diskFull(Optional.of("/config"));
        OpenSsh.Result r = ssh.run(ADD_X + WRAPPER + " commit && " + WRAPPER + " save; echo status=$?");
        assertFalse(r.out().contains("status=0"), r.out() + r.err());
        assertEquals(before, router.savedConfig());
    }

    @Test
    void aLockHeldByAnotherSessionRefusesTheCommit() throws Exception {
        router.faults().holdLock("another session");
        OpenSsh.Result r = ssh.run(ADD_X + WRAPPER + " commit");
        assertEquals(1, r.exitCode());
        assertEquals("", r.err(), "the wrapper prints nothing (my_commit >> $LOGFILE)");
        assertTrue(Files.readString(router.fs().resolve("/var/log/vyatta/vyatta-commit.log"))
                .contains("Configuration system temporarily locked due to another commit in progress"));
    }

    @Test
    void aRebootLosesWhatWasCommittedButNotSaved() throws Exception {
        assertEquals(0, ssh.run(ADD_X + WRAPPER + " commit").exitCode());
        assertTrue(router.activeConfig().contains("static-mapping x"));
        router.reboot();
        assertFalse(router.activeConfig().contains("static-mapping x"));
        assertTrue(router.dhcpRunning());
        assertEquals(0, ssh.run("true").exitCode(), "the router accepts connections again after the reboot");
    }
}
