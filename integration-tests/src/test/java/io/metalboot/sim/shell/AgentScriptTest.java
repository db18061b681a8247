package io.metalboot.sim.shell;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kind of script metalboot's router agent sends over one exec channel, end to end. */
class AgentScriptTest {
    private static final String WRAPPER = "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper";
    private static final String STEP = """
            mkdir /tmp/metalboot.lock 2>/dev/null || { echo "locked by $(cat /tmp/metalboot.lock/owner)"; exit 3; }
            echo "pid=$$ since=$(date +%s)" > /tmp/metalboot.lock/owner
            mkdir -p /config/metalboot /config/scripts
            cp /config/config.boot /config/metalboot/backup-3.boot && sha256sum /config/metalboot/backup-3.boot
            nohup sh -c 'sleep 90; [ -e /tmp/metalboot.confirm ] || /config/metalboot/revert.sh' >/dev/null 2>&1 &
            echo "watchdog=$!"
            cat <<'EOT' > /config/scripts/ipxe-green.conf
            option space ipxe; # $dollars and "quotes" and `ticks` and \\backslashes kept verbatim
            \tif exists user-class and option user-class = "iPXE" {
            \t\tfilename "http://10.0.0.2:8080/boot.ipxe";  \s
            \t}
            EOT
            W begin; W set service dhcp-server x; if W commit; then echo ok; else echo failed $?; fi; W end
            """.replace("W ", WRAPPER + " ");

    @TempDir
    Path dir;
    SimShell sim;

    @AfterEach
    void tearDown() {
        if (sim != null) {
            sim.processes.killAll();
        }
    }

    private SimShell router(boolean commitFails) throws Exception {
        sim = new SimShell(dir, Dialect.VBASH);
        sim.fs.write("/config/config.boot", "interfaces {\n}\n");
        AtomicBoolean fail = new AtomicBoolean(commitFails);
        sim.commands.register(WRAPPER, inv -> inv.operands().get(0).equals("commit") && fail.get() ? 1 : 0);
        return sim;
    }

    @Test
    void fullStepRunsAndLeavesTheWatchdogArmed() throws Exception {
        SimShell.Result r = router(false).run(STEP);

        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("", ""), List.of(r.err(), String.valueOf(r.status() == 0 ? "" : r.status())));
        assertEquals(Sha256Tool.digest("SHA-256", "interfaces {\n}\n".getBytes()) + "  /config/metalboot/backup-3.boot", lines.get(0));
        assertTrue(lines.get(1).matches("watchdog=\\d+"), lines.get(1));
        assertEquals("ok", lines.get(2));
        int watchdog = Integer.parseInt(lines.get(1).substring("watchdog=".length()));
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.processes.find(watchdog).map(Processes.Info::commandLine)
                .filter("sh -c sleep 90; [ -e /tmp/metalboot.confirm ] || /config/metalboot/revert.sh"::equals).isPresent());
        assertTrue(sim.read("/tmp/metalboot.lock/owner").matches("pid=\\d+ since=\\d{10}\n"));
        assertEquals("""
                option space ipxe; # $dollars and "quotes" and `ticks` and \\backslashes kept verbatim
                \tif exists user-class and option user-class = "iPXE" {
                \t\tfilename "http://10.0.0.2:8080/boot.ipxe";  \s
                \t}
                """, sim.read("/config/scripts/ipxe-green.conf"));
    }

    @Test
    void failingCommitReportsItsStatusAndTheLockRefusesASecondSession() throws Exception {
        SimShell.Result first = router(true).run(STEP);
        assertTrue(first.out().endsWith("failed 1\n"), first.out());

        SimShell.Result second = sim.run(STEP);

        assertEquals(3, second.status());
        assertTrue(second.out().matches("locked by pid=\\d+ since=\\d+\n"), second.out());
    }

    @Test
    void confirmingAndKillingTheWatchdogPreventsTheRevert() throws Exception {
        router(false);
        sim.fs.mkdir("/config/metalboot", true);
        sim.fs.write("/config/metalboot/revert.sh", "#!/bin/sh\necho reverted > /tmp/reverted\n");
        int watchdog = Integer.parseInt(sim.run("chmod +x /config/metalboot/revert.sh; "
                + "nohup sh -c 'sleep 0.3; [ -e /tmp/metalboot.confirm ] || /config/metalboot/revert.sh' >/dev/null 2>&1 & echo $!")
                .out().strip());
        int second = Integer.parseInt(sim.run(
                "nohup sh -c 'sleep 0.3; [ -e /tmp/metalboot.confirm ] || /config/metalboot/revert.sh' >/dev/null 2>&1 & echo $!")
                .out().strip());

        assertEquals(new SimShell.Result("", "", 0), sim.run("kill " + watchdog));

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.fs.exists("/tmp/reverted"));
        assertTrue(sim.processes.find(watchdog).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.processes.find(second).isEmpty());
    }
}
