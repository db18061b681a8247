package io.metalboot.sim.shell;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pids, daemons without threads, kill and killAll (a simulated reboot). */
class ProcessTableTest {
    @TempDir
    Path dir;

    @Test
    void daemonsAreVisibleToPidofAndPsAndStopOnKill() {
        SimShell sim = new SimShell(dir, Dialect.ASH);
        AtomicInteger stopped = new AtomicInteger();
        int pid = sim.processes.startDaemon("/usr/sbin/dnsmasq -C /var/etc/dnsmasq.conf.cfg01411c -k", stopped::incrementAndGet);
        assertTrue(pid >= 1000);

        assertEquals(new SimShell.Result(pid + "\n", "", 0), sim.run("pidof dnsmasq"));
        assertTrue(sim.run("ps").out().contains(String.format("%5d root       1024 S    /usr/sbin/dnsmasq -C", pid)));
        assertEquals(new SimShell.Result("", "", 0), sim.run("kill " + pid));
        assertEquals(1, stopped.get());
        assertEquals(new SimShell.Result("", "", 1), sim.run("pidof dnsmasq"));
    }

    @Test
    void removeForgetsADaemonThatStoppedByItself() {
        ProcessTable table = new ProcessTable();
        int pid = table.startDaemon("dhcpd -f", () -> {
        });
        table.remove(pid);
        assertTrue(table.find(pid).isEmpty());
        assertFalse(table.kill(pid));
        table.remove(pid);
    }

    @Test
    void pidsIncreaseAndKillAllStopsEverything() {
        SimShell sim = new SimShell(dir, Dialect.VBASH);
        AtomicInteger daemonStops = new AtomicInteger();
        int daemon = sim.processes.startDaemon("/usr/sbin/dhcpd -f", daemonStops::incrementAndGet);
        int first = Integer.parseInt(sim.run("sleep 60 & echo $!").out().strip());
        int second = Integer.parseInt(sim.run("sleep 60 & echo $!").out().strip());
        assertTrue(first > daemon && second > first, daemon + " < " + first + " < " + second);
        assertEquals(3, sim.processes.list().size());

        sim.processes.killAll();

        assertEquals(1, daemonStops.get());
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.processes.list().isEmpty());
    }

    @Test
    void killZeroProbesAndKillOfAnUnknownPidFails() {
        SimShell sim = new SimShell(dir, Dialect.ASH);
        assertEquals(new SimShell.Result("alive\n", "sh: can't kill pid 999999: No such process\n", 1),
                sim.run("sleep 60 & kill -0 $! && echo alive; kill -9 $!; kill 999999"));
    }
}
