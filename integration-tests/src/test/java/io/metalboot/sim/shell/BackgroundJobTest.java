package io.metalboot.sim.shell;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background jobs outlive run() and their channel; kill stops them; a dropped connection spares them. */
class BackgroundJobTest {
    @TempDir
    Path dir;
    SimShell sim;

    @BeforeEach
    void setUp() {
        sim = new SimShell(dir, Dialect.ASH);
    }

    @AfterEach
    void tearDown() {
        sim.processes.killAll();
    }

    private int pid(SimShell.Result r) {
        return Integer.parseInt(r.out().strip());
    }

    @Test
    void backgroundJobKeepsRunningAfterRunReturnsAndIsKilledFromASecondRun() {
        SimShell.Result started = sim.run("nohup sh -c 'sleep 60; touch /tmp/revert-ran' >/dev/null 2>&1 &\necho $!");
        assertEquals(0, started.status());
        int job = pid(started);
        assertTrue(sim.processes.find(job).isPresent(), "job " + job + " runs after run() returned");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.processes.find(job).map(Processes.Info::commandLine)
                .filter("sh -c sleep 60; touch /tmp/revert-ran"::equals).isPresent());

        SimShell.Result killed = sim.run("kill " + job + " && echo killed");

        assertEquals(new SimShell.Result("killed\n", "", 0), killed);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.processes.find(job).isEmpty());
        assertFalse(sim.fs.exists("/tmp/revert-ran"), "the killed watchdog must not run its revert");
    }

    @Test
    void unkilledWatchdogFiresByItself() {
        int job = pid(sim.run("sh -c 'sleep 0.2; [ -e /tmp/confirm ] || echo reverted > /tmp/revert.log' >/dev/null 2>&1 & echo $!"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.fs.exists("/tmp/revert.log"));
        assertEquals("reverted\n", sim.read("/tmp/revert.log"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.processes.find(job).isEmpty());
    }

    @Test
    void killedCommandEndsWithStatus143() {
        SimShell.Result r = sim.run("sleep 30 & p=$!; kill $p; wait $p; echo \"status $?\"");
        assertEquals(new SimShell.Result("status 143\n", "Terminated\n", 0), r);
    }

    @Test
    void writingToAClosedChannelDoesNotKillABackgroundJob() {
        AtomicBoolean closed = new AtomicBoolean();
        OutputStream channel = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (closed.get()) {
                    throw new IOException("channel closed");
                }
            }
        };
        sim.shell().run("sh -c 'sleep 0.3; echo to-closed-channel; echo survived > /tmp/after-write' &",
                new ByteArrayInputStream(new byte[0]), channel, channel);
        closed.set(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.fs.exists("/tmp/after-write"));
    }

    @Test
    void connectionDropAbortsTheScriptButAnEarlierBackgroundJobSurvives() {
        sim.observer(new ShellObserver() {
            @Override
            public void beforeCommand(int pid, List<String> argv) {
                if (argv.equals(List.of("touch", "/tmp/step2"))) {
                    throw new ConnectionDropped("drop before step 2");
                }
            }
        });
        String script = """
                sh -c 'sleep 0.3; touch /tmp/bg-done' &
                touch /tmp/step1
                touch /tmp/step2
                touch /tmp/step3
                """;
        ConnectionDropped dropped = assertThrows(ConnectionDropped.class, () -> sim.run(script));

        assertEquals("drop before step 2", dropped.getMessage());
        assertTrue(sim.fs.exists("/tmp/step1"));
        assertFalse(sim.fs.exists("/tmp/step2"));
        assertFalse(sim.fs.exists("/tmp/step3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.fs.exists("/tmp/bg-done"));
    }

    @Test
    void connectionDropInsideANestedShellOrSubshellAbortsTheWholeScript() {
        sim.observer(new ShellObserver() {
            @Override
            public void beforeCommand(int pid, List<String> argv) {
                if (argv.get(0).equals("false")) {
                    throw new ConnectionDropped("gone");
                }
            }
        });
        assertThrows(ConnectionDropped.class, () -> sim.run("sh -c 'true; false'; touch /tmp/x"));
        assertThrows(ConnectionDropped.class, () -> sim.run("( echo a | false ); touch /tmp/y"));
        assertFalse(sim.fs.exists("/tmp/x") || sim.fs.exists("/tmp/y"));
    }

    @Test
    void connectionDropInOneStageEndsThePipelineWithoutWaitingForTheOthers() throws Exception {
        sim.observer(new ShellObserver() {
            @Override
            public void beforeCommand(int pid, List<String> argv) {
                if (argv.get(0).equals("false")) {
                    throw new ConnectionDropped("gone");
                }
            }
        });
        try (java.io.PipedOutputStream neverWritten = new java.io.PipedOutputStream()) {
            java.io.PipedInputStream stdin = new java.io.PipedInputStream(neverWritten);
            assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(ConnectionDropped.class, () -> sim.run("cat | false", stdin)));
        }
    }

    @Test
    void observerSeesEveryForegroundSimpleCommandWithItsStatusButNotBackgroundJobs() {
        List<String> seen = new CopyOnWriteArrayList<>();
        sim.observer(new ShellObserver() {
            @Override
            public void afterCommand(int pid, List<String> argv, int status) {
                seen.add(String.join(" ", argv) + "=" + status);
            }
        });
        sim.run("x=1; cd /tmp; echo $x >/dev/null; false || test -d /tmp; sleep 1 & f() { :; }; f");
        assertEquals(List.of("cd /tmp=0", "echo 1=0", "false=1", "test -d /tmp=0", ":=0", "f=0"), seen);
    }

    @Test
    void wrapperCallsOfOneScriptShareTheShellAsParent() {
        List<Integer> parents = new CopyOnWriteArrayList<>();
        sim.commands.register("/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper", inv -> {
            parents.add(inv.parentPid());
            return 0;
        });
        SimShell.Result r = sim.run("W=/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper; $W begin; $W set x; $W commit; echo $$");
        assertEquals(3, parents.size());
        assertEquals(List.of(pid(r), pid(r), pid(r)), parents);
        assertTrue(pid(sim.run("echo $$")) > pid(r), "a new channel is a new shell with a new pid");
    }
}
