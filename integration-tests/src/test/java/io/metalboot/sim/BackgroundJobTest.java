package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The agent's revert watchdog depends on this: a job started in an exec channel outlives the channel. */
class BackgroundJobTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aBackgroundJobOutlivesItsChannelAndCanBeKilledLater(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            SimulatedRouter router = ssh.router();
            OpenSsh.Result started = ssh.run("nohup sh -c 'sleep 1; echo alive > /tmp/job.out; sleep 300' >/dev/null 2>&1 & echo $!");
            assertEquals(0, started.status(), started.err());
            String pid = started.out().strip();
            await().atMost(Duration.ofSeconds(20)).until(() -> router.fs().exists("/tmp/job.out"));
            assertEquals("running\n", ssh.run("kill -0 " + pid + " && echo running").out());
            assertEquals(0, ssh.run("kill " + pid).status());
            await().atMost(Duration.ofSeconds(20)).until(() -> router.processes().find(Integer.parseInt(pid)).isEmpty());
            assertTrue(ssh.run("kill -0 " + pid).status() != 0);
        }
    }
}
