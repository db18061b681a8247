package io.metalboot.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** The agent's revert watchdog depends on this: a job started in an exec channel outlives the channel. */
class BackgroundJobTest {
    @SimRouterTest
    void aBackgroundJobOutlivesItsChannelAndCanBeKilledLater(SimLab lab) throws Exception {
        OpenSsh.Result started = lab.ssh.run("nohup sh -c 'sleep 1; echo alive > /tmp/job.out; sleep 300' >/dev/null 2>&1 & echo $!");
        assertEquals(0, started.exitCode(), started.err());
        String pid = started.out().strip();
        await().atMost(Duration.ofSeconds(20)).until(() -> lab.router.fs().exists("/tmp/job.out"));
        assertEquals("running\n", lab.ssh.run("kill -0 " + pid + " && echo running").out());
        assertEquals(0, lab.ssh.run("kill " + pid).exitCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> lab.router.processes().find(Integer.parseInt(pid)).isEmpty());
        assertTrue(lab.ssh.run("kill -0 " + pid).exitCode() != 0);
    }
}
