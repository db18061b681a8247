package io.metalboot.router.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.router.RequiredTool;
import io.metalboot.router.plan.RouterKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Logging in with a key held by a real ssh-agent, found through SSH_AUTH_SOCK (JSch's own Unix socket support, no extra jars). */
class AgentLoginTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void logsInWithAKeyFromTheAgent(RouterKind kind) throws Exception {
        String agent = RequiredTool.find("ssh-agent", "openssh-client").path().toString();
        RequiredTool sshAdd = RequiredTool.find("ssh-add", "openssh-client");
        Path socket = dir.resolve("agent.sock");
        Process process = new ProcessBuilder(agent, "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        try (SimFixture sim = SimFixture.start(kind, dir)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(socket));
            Path key = sim.authorizedKey("ecdsa");
            ProcessBuilder add = new ProcessBuilder(sshAdd.path().toString(), key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process adding = add.start();
            adding.getOutputStream().close();
            String output = new String(adding.getInputStream().readAllBytes());
            assertEquals(true, adding.waitFor(30, TimeUnit.SECONDS), "ssh-add finished");
            assertEquals(0, adding.exitValue(), output);
            Files.delete(key);
            Credentials env = SimFixture.env(Map.of(Credentials.AGENT_VARIABLE, socket.toString()));
            try (RouterSession s = RouterSession.open(sim.target(), env, HostKeyPolicy.TRUST_NEW)) {
                assertEquals(new ExecResult(0, "agent\n", ""), s.exec("echo agent"));
            }
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
